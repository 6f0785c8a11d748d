#include "ProfileCommand.h"

#include "CliOutput.h"
#include "ExitCode.h"
#include "KeychainAccess.h"
#include "PortalWait.h"
#include "ProfileSecret.h"
#include "SecretInput.h"
#include "WorkspaceContext.h"

#include "portal/HttpPortalBackend.h"
#include "portal/PortalEndpoint.h"
#include "secrets/SecretKeys.h"
#include "store/ConflictStore.h"
#include "store/Outbox.h"
#include "store/ProfileStore.h"
#include "store/SyncStateStore.h"
#include "store/TokenStore.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace tokendesk::cli {

using domain::Profile;
using secrets::SecretBuffer;

int ProfileCommand::checkKeychain()
{
    const auto diagnosis = KeychainAccess::diagnose();
    const auto step = [](const secrets::SecretError &error) {
        return error.isError() ? tr("failed: %1").arg(error.message) : tr("ok");
    };
    QString text = tr("Keychain: %1\nwrite: %2\n").arg(diagnosis.backend, step(diagnosis.write));
    if (!diagnosis.write.isError()) {
        text += tr("read: %1\n").arg(diagnosis.read.isError() ? step(diagnosis.read)
                                      : diagnosis.readBackSame ? tr("ok")
                                                               : tr("failed: a different value came back"));
        text += tr("delete: %1\n").arg(step(diagnosis.remove));
    }
    if (diagnosis.ok())
        CliOutput::out(text);
    else
        CliOutput::err(text);
    return diagnosis.ok() ? int(Success) : int(KeychainUnavailable);
}

QString ProfileCommand::summary() const
{
    return tr("Add, list or remove portal profiles (connection settings, no secrets).");
}

int ProfileCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        summary() + QLatin1Char('\n') +
        tr("  add NAME --url URL --client-id ID   a portal account; the client secret is read\n"
           "                                      from standard input and kept in the keychain\n"
           "  list [--json]                       every profile, with its sync state\n"
           "  test NAME                           connect with the stored secret\n"
           "  remove NAME                         the profile, its keychain items and what\n"
           "                                      was pulled for it\n"
           "  keychain                            check the keychain: write, read, delete"));
    const QCommandLineOption urlOption(QStringLiteral("url"), tr("The portal's base URL."), tr("url"));
    const QCommandLineOption clientOption(QStringLiteral("client-id"), tr("The OAuth client id."),
                                          tr("id"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    parser.addOptions({urlOption, clientOption, jsonOption, WorkspaceContext::workspaceOption()});
    const QCommandLineOption helpOption = parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"), tr("add, list or remove"),
                                 QStringLiteral("add|list|remove [NAME]"));
    const auto usage = [](const QString &message) {
        CliOutput::err(QStringLiteral("tokendesk-cli profile: %1\n").arg(message));
        return int(UsageError);
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(helpOption)) {
        CliOutput::out(parser.helpText().replace(QStringLiteral("[options]"),
                                                 QStringLiteral("profile [options]")));
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (action != QLatin1String("add") && action != QLatin1String("list") &&
        action != QLatin1String("remove") && action != QLatin1String("test") &&
        action != QLatin1String("keychain"))
        return usage(tr("say add, list, test, remove or keychain"));
    if (action == QLatin1String("keychain"))
        return checkKeychain();
    if (action != QLatin1String("list") && positional.size() != 2)
        return usage(tr("%1 needs the profile's name").arg(action));

    auto workspace = WorkspaceContext::open(parser, QStringLiteral("profile"));
    if (!workspace)
        return WorkspaceUnusable;
    store::ProfileStore profiles(*workspace);

    if (action == QLatin1String("add")) {
        if (!parser.isSet(urlOption) || !parser.isSet(clientOption))
            return usage(tr("add needs --url and --client-id"));
        QString error;
        const auto url = portal::PortalEndpoint::parse(parser.value(urlOption), &error);
        if (!url)
            return usage(error);
        Profile profile;
        profile.id = QUuid::createUuid().toString(QUuid::Id128).left(12);
        profile.name = positional.at(1).trimmed();
        profile.kind = Profile::Kind::Portal;
        profile.baseUrl = url->toString();
        profile.clientId = parser.value(clientOption);
        profile.createdAt = QDateTime::currentDateTimeUtc();
        if (profile.name.isEmpty())
            return usage(tr("the profile needs a name"));
        if (profiles.find(profile.name))
            return usage(tr("a profile named “%1” exists already").arg(profile.name));
        // The secret comes from standard input (never from the command line) and goes only
        // to the keychain; without one, sync asks for it each time.
        SecretInput::Result input = SecretInput::read(
            tr("Client secret for %1 (empty: do not store one): ").arg(profile.clientId));
        if (!input.error.isEmpty() && !input.empty)
            return usage(input.error);
        const bool storeSecret = !input.secret.isEmpty();
        if (storeSecret) {
            const secrets::SecretError stored = KeychainAccess::store(
                secrets::SecretKeys::clientSecret(profile.id), secrets::SecretBuffer(input.secret));
            SecretBuffer::wipe(input.secret);
            if (stored.isError()) {
                CliOutput::err(tr("tokendesk-cli profile: the client secret was not stored, and "
                                  "the profile not added: %1\n").arg(stored.message));
                return KeychainUnavailable;
            }
        }
        error = profiles.add(profile);
        if (!error.isEmpty()) {
            if (storeSecret)
                KeychainAccess::remove(secrets::SecretKeys::clientSecret(profile.id));
            return usage(error);
        }
        CliOutput::out(tr("Added profile “%1” for %2 (client %3)%4. Run 'tokendesk-cli sync "
                          "--profile %1' to fetch its tokens.\n")
                           .arg(profile.name, profile.baseUrl, profile.clientId,
                                storeSecret ? tr(", its secret in the keychain")
                                            : tr(", no secret stored")));
        return Success;
    }
    if (action == QLatin1String("test")) {
        const auto profile = profiles.find(positional.at(1));
        if (!profile || profile->isLocal())
            return usage(tr("no portal profile “%1”").arg(positional.at(1)));
        ProfileSecret secret;
        QString error;
        QByteArray clientSecret = secret.obtain(*profile, &error);
        if (clientSecret.isEmpty())
            return usage(error);
        QNetworkAccessManager network;
        portal::HttpPortalBackend backend(&network, QUrl(profile->baseUrl),
                                          portal::PortalCredentials{profile->clientId, clientSecret});
        SecretBuffer::wipe(clientSecret);
        const auto identity = waitFor<domain::PortalIdentity>(
            [&](portal::PortalCallback<domain::PortalIdentity> done) { return backend.fetchIdentity(done); });
        if (!identity.ok()) {
            CliOutput::err(tr("tokendesk-cli profile: %1: %2\n").arg(profile->name, identity.error.message));
            return identity.error.kind == portal::PortalErrorKind::Unauthorized ||
                           identity.error.kind == portal::PortalErrorKind::Forbidden
                       ? PortalRefused
                       : PortalUnreachable;
        }
        profiles.setRole(profile->id, identity.value->role); // the app shows read-only roles as such
        CliOutput::out(tr("%1: connected as %2 (%3), account %4.\n")
                           .arg(profile->name, identity.value->clientId,
                                domain::portalRoleName(identity.value->role), identity.value->accountName));
        return Success;
    }
    if (action == QLatin1String("remove")) {
        const auto profile = profiles.find(positional.at(1));
        if (!profile)
            return usage(tr("no profile “%1”").arg(positional.at(1)));
        const int pending = store::Outbox(*workspace).pendingCount(profile->id);
        // Token values kept with `reveal --remember` go with the profile (their ids are known
        // only while the profile's tokens are still in the workspace).
        QStringList tokenIds;
        for (const store::TokenRecord &record : store::TokenStore(*workspace).tokens(profile->id))
            tokenIds.append(record.local.id);
        const QString error = profiles.remove(profile->id);
        if (!error.isEmpty())
            return usage(error);
        for (const QString &tokenId : tokenIds) {
            const secrets::SecretError forgotten =
                KeychainAccess::remove(secrets::SecretKeys::tokenValue(profile->id, tokenId));
            if (forgotten.isError()) {
                CliOutput::err(tr("tokendesk-cli profile: a kept token value of “%1” could not be "
                                  "removed from the keychain: %2\n").arg(profile->name, forgotten.message));
                break;
            }
        }
        const secrets::SecretError removed =
            KeychainAccess::remove(secrets::SecretKeys::clientSecret(profile->id));
        if (removed.isError())
            CliOutput::err(tr("tokendesk-cli profile: the keychain item of “%1” could not be "
                              "removed: %2\n").arg(profile->name, removed.message));
        CliOutput::out(tr("Removed profile “%1”.%2\n")
                           .arg(profile->name,
                                pending > 0 ? tr(" %1 unsent changes were dropped.").arg(pending)
                                            : QString()));
        return Success;
    }

    store::Outbox outbox(*workspace);
    store::SyncStateStore syncState(*workspace);
    QJsonArray json;
    QString text;
    for (const Profile &profile : profiles.all()) {
        const auto lastSync = syncState.lastSuccess(profile.id);
        const int pending = outbox.pendingCount(profile.id);
        const int conflicts = int(store::ConflictStore(*workspace).open(profile.id).size());
        json.append(QJsonObject{
            {QStringLiteral("id"), profile.id},
            {QStringLiteral("name"), profile.name},
            {QStringLiteral("kind"), profile.isLocal() ? QStringLiteral("local") : QStringLiteral("portal")},
            {QStringLiteral("url"), profile.baseUrl},
            {QStringLiteral("client_id"), profile.clientId},
            {QStringLiteral("last_synced"), lastSync ? QJsonValue(lastSync->toString(Qt::ISODateWithMs)) : QJsonValue()},
            {QStringLiteral("pending"), pending},
            {QStringLiteral("conflicts"), conflicts},
            {QStringLiteral("last_error"), syncState.lastError(profile.id)},
        });
        text += profile.isLocal()
                    ? tr("%1  (local tokens)\n").arg(profile.name)
                    : tr("%1  %2  client %3  last synced %4  pending %5  conflicts %6%7\n")
                          .arg(profile.name, profile.baseUrl, profile.clientId,
                               lastSync ? lastSync->toLocalTime().toString(Qt::ISODate) : tr("never"))
                          .arg(pending)
                          .arg(conflicts)
                          .arg(syncState.lastError(profile.id).isEmpty()
                                   ? QString()
                                   : tr("  last error: %1").arg(syncState.lastError(profile.id)));
    }
    if (parser.isSet(jsonOption))
        CliOutput::out(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("profiles"), json}})
                                             .toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
    else
        CliOutput::out(text);
    return Success;
}

} // namespace tokendesk::cli
