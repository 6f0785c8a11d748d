#include "SyncWorker.h"

#include "SyncEngine.h"

#include "portal/HttpPortalBackend.h"
#include "secrets/SecretBuffer.h"
#include "store/ProfileStore.h"
#include "store/Workspace.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

namespace tokendesk::sync {

SyncWorker::SyncWorker(QString workspacePath, domain::Profile profile, QByteArray clientSecret,
                       int transferTimeoutMs)
    : m_workspacePath(std::move(workspacePath))
    , m_profile(std::move(profile))
    , m_clientSecret(std::move(clientSecret))
    , m_transferTimeoutMs(transferTimeoutMs)
{}

SyncWorker::~SyncWorker()
{
    secrets::SecretBuffer::wipe(m_clientSecret);
    // The engine and backend go before the workspace and network they use.
    m_engine.reset();
    m_backend.reset();
}

void SyncWorker::run()
{
    SyncReport report;
    report.profileId = m_profile.id;
    m_workspace = std::make_unique<store::Workspace>();
    const store::WorkspaceError error =
        m_workspace->open(m_workspacePath, store::Workspace::Check::AlreadyChecked);
    if (error.isError()) {
        report.workspaceError = true;
        report.error =
            portal::PortalError{portal::PortalErrorKind::Protocol, 0, error.message, {}, {}, {}, 0};
        return finish(report);
    }
    m_network = std::make_unique<QNetworkAccessManager>();
    // The backend gets a copy of its own, so that ours is not shared and can be wiped.
    m_backend = std::make_unique<portal::HttpPortalBackend>(
        m_network.get(), QUrl(m_profile.baseUrl),
        portal::PortalCredentials{m_profile.clientId,
                                  QByteArray(m_clientSecret.constData(), m_clientSecret.size())});
    secrets::SecretBuffer::wipe(m_clientSecret);
    portal::RetryPolicy policy = m_backend->transport().retryPolicy();
    policy.transferTimeoutMs = m_transferTimeoutMs;
    m_backend->transport().setRetryPolicy(policy);

    m_engine = std::make_unique<SyncEngine>(*m_workspace, *m_backend, m_profile.id);
    connect(m_engine.get(), &SyncEngine::progress, this, &SyncWorker::progress);
    connect(m_engine.get(), &SyncEngine::finished, this, &SyncWorker::askIdentity);
    m_engine->start();
}

void SyncWorker::cancel()
{
    m_cancelled = true;
    if (m_engine)
        m_engine->cancel();
}

void SyncWorker::askIdentity(const SyncReport &report)
{
    if (!report.ok() || m_cancelled)
        return finish(report);
    // The role decides what the app lets the user do; it can change on the portal.
    m_backend->fetchIdentity(
        [this, report](const portal::PortalResult<domain::PortalIdentity> &identity) {
            if (identity.ok()) {
                store::ProfileStore(*m_workspace).setRole(m_profile.id, identity.value->role);
                Q_EMIT identityKnown(*identity.value);
            }
            finish(report);
        });
}

void SyncWorker::finish(const SyncReport &report)
{
    Q_EMIT finished(report);
}

} // namespace tokendesk::sync
