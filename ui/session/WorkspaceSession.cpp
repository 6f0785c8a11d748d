#include "WorkspaceSession.h"

#include "portal/HttpPortalBackend.h"
#include "secrets/SecretKeys.h"
#include "store/ProfileStore.h"
#include "sync/NetworkReachability.h"

#include <QNetworkAccessManager>
#include <QUrl>

namespace tokendesk::ui {

WorkspaceSession::WorkspaceSession(secrets::SecretStore *secretStore, QObject *parent)
    : QObject(parent), m_secrets(secretStore), m_network(std::make_unique<QNetworkAccessManager>())
{
}

WorkspaceSession::~WorkspaceSession()
{
    m_syncQueue.clear();
    if (m_sync)
        m_sync->cancel();
    m_sync.reset();
}

store::WorkspaceError WorkspaceSession::open(const QString &path)
{
    const store::WorkspaceError error = m_workspace.open(path);
    if (error.isError())
        return error;
    m_editor = std::make_unique<store::WorkspaceEditor>(m_workspace);
    m_sync = std::make_unique<sync::BackgroundSync>(path);
    connect(m_sync.get(), &sync::BackgroundSync::progress, this, &WorkspaceSession::syncProgress);
    connect(m_sync.get(), &sync::BackgroundSync::identityKnown, this,
            [this](const QString &profileId, const domain::PortalIdentity &) {
                Q_EMIT roleChanged(profileId);
            });
    connect(m_sync.get(), &sync::BackgroundSync::finished, this, [this](const sync::SyncReport &report) {
        m_offline = report.error.kind == portal::PortalErrorKind::Network ||
                    report.error.kind == portal::PortalErrorKind::Timeout;
        const QString name = m_syncingName;
        m_syncingName.clear();
        reload();
        Q_EMIT syncFinished(name, report);
        startNextSync();
    });
    reload();
    return error;
}

void WorkspaceSession::setSessionSecret(const QString &profileId, const QByteArray &secret)
{
    m_sessionSecrets.insert(profileId, secrets::SecretBuffer(secret));
}

void WorkspaceSession::clientSecret(const domain::Profile &profile, SecretCallback done)
{
    if (m_sessionSecrets.contains(profile.id))
        return done(m_sessionSecrets.value(profile.id), {});
    if (!m_secrets)
        return done({}, tr("No keychain is available."));
    m_secrets->read(secrets::SecretKeys::clientSecret(profile.id),
                    [done](const secrets::SecretBuffer &secret, const secrets::SecretError &error) {
                        done(secret, error.isError() ? error.message : QString());
                    });
}

void WorkspaceSession::reload()
{
    if (m_workspace.isOpen())
        m_loader.load(m_workspace.path());
}

void WorkspaceSession::afterEdit(const store::EditResult &result, const QString &profileId)
{
    if (!result.accepted())
        return;
    Q_EMIT edited(profileId, result.tokenId);
    reload();
}

store::EditResult WorkspaceSession::addToken(const QString &profileId, const QString &deployment,
                                             const domain::TokenDraft &draft)
{
    const store::EditResult result = m_editor->addToken(profileId, deployment, draft);
    afterEdit(result, profileId);
    return result;
}

store::EditResult WorkspaceSession::editToken(const QString &profileId, const QString &tokenId,
                                              const domain::TokenChange &change)
{
    const store::EditResult result = m_editor->editToken(profileId, tokenId, change);
    afterEdit(result, profileId);
    return result;
}

store::EditResult WorkspaceSession::deleteToken(const QString &profileId, const QString &tokenId)
{
    const store::EditResult result = m_editor->deleteToken(profileId, tokenId);
    afterEdit(result, profileId);
    return result;
}

store::EditResult WorkspaceSession::setNotes(const QString &profileId, const QString &tokenId,
                                             const domain::TokenNotes &notes)
{
    const store::EditResult result = m_editor->setNotes(profileId, tokenId, notes);
    afterEdit(result, profileId);
    return result;
}

QString WorkspaceSession::resolveConflict(qint64 conflictId,
                                          store::WorkspaceEditor::Resolution resolution)
{
    const QString error = m_editor->resolveConflict(conflictId, resolution);
    if (error.isEmpty())
        reload();
    return error;
}

QString WorkspaceSession::resolveConflictWith(qint64 conflictId, const domain::Token &chosen)
{
    const QString error = m_editor->resolveConflictWith(conflictId, chosen);
    if (error.isEmpty())
        reload();
    return error;
}

void WorkspaceSession::syncAll()
{
    for (const domain::Profile &profile : store::ProfileStore(m_workspace).all()) {
        if (!profile.isLocal() && !m_syncQueue.contains(profile.id))
            m_syncQueue.append(profile.id);
    }
    if (!isSyncing())
        startNextSync();
}

void WorkspaceSession::syncProfile(const QString &profileId)
{
    if (!m_syncQueue.contains(profileId))
        m_syncQueue.append(profileId);
    if (!isSyncing())
        startNextSync();
}

void WorkspaceSession::cancelSync()
{
    m_syncQueue.clear();
    if (!m_syncingName.isEmpty())
        m_cancelRequested = true;
    if (m_sync)
        m_sync->cancel();
}

bool WorkspaceSession::isSyncing() const
{
    return !m_syncingName.isEmpty() || (m_sync && m_sync->isRunning());
}

void WorkspaceSession::startNextSync()
{
    if (m_syncQueue.isEmpty() || !m_sync) {
        Q_EMIT allSyncsFinished();
        return;
    }
    const auto profile = store::ProfileStore(m_workspace).find(m_syncQueue.takeFirst());
    if (!profile || profile->isLocal())
        return startNextSync();
    if (sync::NetworkReachability::knownOffline(QUrl(profile->baseUrl))) {
        m_offline = true;
        sync::SyncReport report;
        report.profileId = profile->id;
        report.error = portal::PortalError{portal::PortalErrorKind::Network, 0,
                                           tr("This computer is offline; changes stay queued."),
                                           {}, {}, {}, 0};
        Q_EMIT syncFinished(profile->name, report);
        return startNextSync();
    }
    m_syncingName = profile->name;
    m_cancelRequested = false;
    Q_EMIT syncStarted(profile->name);
    clientSecret(*profile, [this, profile](const secrets::SecretBuffer &secret, const QString &error) {
        if (m_cancelRequested) {
            m_cancelRequested = false;
            sync::SyncReport report;
            report.profileId = profile->id;
            report.error = portal::PortalError{portal::PortalErrorKind::Cancelled, 0,
                                               tr("Cancelled."), {}, {}, {}, 0};
            m_syncingName.clear();
            Q_EMIT syncFinished(profile->name, report);
            return startNextSync();
        }
        if (secret.isEmpty()) {
            sync::SyncReport report;
            report.profileId = profile->id;
            report.error = portal::PortalError{
                portal::PortalErrorKind::Unauthorized, 0,
                tr("No client secret for “%1”: %2").arg(profile->name, error), {}, {}, {}, 0};
            m_syncingName.clear();
            Q_EMIT syncFinished(profile->name, report);
            return startNextSync();
        }
        // A copy of its own (not shared with the keychain's buffer), so that every holder
        // can wipe what it has.
        if (!m_sync->start(*profile, QByteArray(secret.bytes().constData(), secret.bytes().size()))) {
            m_syncingName.clear();
            return startNextSync();
        }
    });
}

void WorkspaceSession::testConnection(const domain::Profile &profile, const QByteArray &secret,
                                      ConnectionResult done)
{
    auto *backend = new portal::HttpPortalBackend(
        m_network.get(), QUrl(profile.baseUrl),
        portal::PortalCredentials{profile.clientId, QByteArray(secret.constData(), secret.size())}, this);
    backend->fetchIdentity([backend, done](const portal::PortalResult<domain::PortalIdentity> &identity) {
        backend->deleteLater();
        if (!identity.ok())
            return done(false, tr("Could not connect: %1").arg(identity.error.message));
        done(true, tr("Connected as %1 (%2) to account %3.")
                       .arg(identity.value->clientId, domain::portalRoleName(identity.value->role),
                            identity.value->accountName));
    });
}

void WorkspaceSession::reveal(const QString &profileId, const QString &tokenId, SecretCallback done)
{
    const auto profile = store::ProfileStore(m_workspace).find(profileId);
    if (!profile || profile->isLocal())
        return done({}, tr("Only portal tokens have a value TokenDesk can show."));
    clientSecret(*profile, [this, profile, tokenId, done](const secrets::SecretBuffer &secret,
                                                          const QString &error) {
        if (secret.isEmpty())
            return done({}, tr("No client secret for “%1”: %2").arg(profile->name, error));
        // A backend per reveal: reveals are rare, and nothing of the secret outlives the call.
        auto *backend = new portal::HttpPortalBackend(
            m_network.get(), QUrl(profile->baseUrl),
            portal::PortalCredentials{profile->clientId,
                                      QByteArray(secret.bytes().constData(), secret.bytes().size())},
            this);
        backend->revealToken(tokenId, [backend, done](const portal::PortalResult<portal::RevealedValue> &result) {
            backend->deleteLater();
            if (!result.ok())
                return done({}, result.error.message);
            QByteArray value = result.value->value;
            const secrets::SecretBuffer buffer(value);
            secrets::SecretBuffer::wipe(value);
            done(buffer, {});
        });
    });
}

} // namespace tokendesk::ui
