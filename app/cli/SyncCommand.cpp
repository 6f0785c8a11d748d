#include "SyncCommand.h"

#include "CliOutput.h"
#include "ExitCode.h"
#include "ProfileSecret.h"
#include "WorkspaceContext.h"

#include "portal/HttpPortalBackend.h"
#include "secrets/SecretBuffer.h"
#include "store/ConflictStore.h"
#include "store/Outbox.h"
#include "store/ProfileStore.h"
#include "sync/NetworkReachability.h"
#include "sync/SyncEngine.h"

#include <QEventLoop>
#include <QNetworkAccessManager>

namespace tokendesk::cli {

using namespace tokendesk::domain;
using namespace tokendesk::portal;

QString SyncCommand::summary() const
{
    return tr("Send queued changes to the portal and fetch what changed there.");
}

int SyncCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        summary() + QLatin1Char('\n') +
        tr("The client secret comes from TOKENDESK_CLIENT_SECRET (for pipelines) or the first\n"
           "line of standard input; it is used for every profile synced. Exit status: 0 synced,\n"
           "3 portal unreachable or failing (the changes stay queued), 4 refused, 5 workspace\n"
           "unusable."));
    const QCommandLineOption profileOption(QStringLiteral("profile"), tr("Only this profile."), tr("name"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           tr("Seconds without progress before a request fails."),
                                           tr("seconds"), QStringLiteral("30"));
    parser.addOptions({profileOption, timeoutOption, WorkspaceContext::workspaceOption()});
    const QCommandLineOption helpOption = parser.addHelpOption();
    const auto usage = [](const QString &message) {
        CliOutput::err(QStringLiteral("tokendesk-cli sync: %1\n").arg(message));
        return int(UsageError);
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(helpOption)) {
        CliOutput::out(parser.helpText().replace(QStringLiteral("[options]"), QStringLiteral("sync [options]")));
        return Success;
    }
    bool timeoutOk = false;
    const int timeoutSeconds = parser.value(timeoutOption).toInt(&timeoutOk);
    if (!timeoutOk || timeoutSeconds < 1 || timeoutSeconds > 3600)
        return usage(tr("--timeout takes seconds from 1 to 3600"));

    auto workspace = WorkspaceContext::open(parser, QStringLiteral("sync"));
    if (!workspace)
        return WorkspaceUnusable;
    store::ProfileStore profiles(*workspace);
    QList<Profile> selected;
    if (parser.isSet(profileOption)) {
        const auto profile = profiles.find(parser.value(profileOption));
        if (!profile)
            return usage(tr("no profile “%1”").arg(parser.value(profileOption)));
        if (profile->isLocal())
            return usage(tr("the Local profile has no portal to sync with"));
        selected.append(*profile);
    } else {
        for (const Profile &profile : profiles.all()) {
            if (!profile.isLocal())
                selected.append(profile);
        }
    }
    if (selected.isEmpty()) {
        CliOutput::err(tr("Nothing to sync: add a portal profile with 'tokendesk-cli profile add'.\n"));
        return Success;
    }

    ProfileSecret profileSecrets;

    int status = Success;
    const bool terminal = CliOutput::stderrIsTerminal();
    QNetworkAccessManager network;
    for (const Profile &profile : selected) {
        if (sync::NetworkReachability::knownOffline(QUrl(profile.baseUrl))) {
            CliOutput::err(tr("tokendesk-cli sync: %1: this computer is offline; %2 changes "
                              "stay queued.\n")
                               .arg(profile.name)
                               .arg(store::Outbox(*workspace).pendingCount(profile.id)));
            if (status == Success)
                status = PortalUnreachable;
            continue;
        }
        QString secretError;
        QByteArray secret = profileSecrets.obtain(profile, &secretError);
        if (secret.isEmpty()) {
            CliOutput::err(tr("tokendesk-cli sync: %1: no client secret (%2); store one with "
                              "'tokendesk-cli profile add', or give TOKENDESK_CLIENT_SECRET.\n")
                               .arg(profile.name, secretError));
            status = UsageError;
            continue;
        }
        HttpPortalBackend backend(&network, QUrl(profile.baseUrl),
                                  PortalCredentials{profile.clientId, secret});
        secrets::SecretBuffer::wipe(secret);
        RetryPolicy policy = backend.transport().retryPolicy();
        policy.transferTimeoutMs = timeoutSeconds * 1000;
        backend.transport().setRetryPolicy(policy);
        sync::SyncEngine engine(*workspace, backend, profile.id);
        if (terminal) {
            QObject::connect(&engine, &sync::SyncEngine::progress, &engine, [&](const QString &message) {
                CliOutput::err(QStringLiteral("\r\033[K%1: %2").arg(profile.name, message));
            });
        }
        sync::SyncReport report;
        bool finished = false;
        QEventLoop loop;
        QObject::connect(&engine, &sync::SyncEngine::finished, &loop,
                         [&](const sync::SyncReport &r) {
                             report = r;
                             finished = true;
                             loop.quit();
                         });
        engine.start();
        if (!finished)
            loop.exec();
        if (terminal)
            CliOutput::err(QStringLiteral("\r\033[K"));

        const int pending = store::Outbox(*workspace).pendingCount(profile.id);
        const int conflicts = int(store::ConflictStore(*workspace).open(profile.id).size());
        QString line = tr("%1: sent %2, fetched %3 changed and %4 deleted, %5 pending, %6 conflicts")
                           .arg(profile.name)
                           .arg(report.pushed)
                           .arg(report.pulled)
                           .arg(report.removed)
                           .arg(pending)
                           .arg(conflicts);
        if (report.ok()) {
            CliOutput::out(line + QLatin1Char('\n'));
            if (conflicts > 0)
                CliOutput::err(tr("Conflicts wait for you: tokendesk-cli conflicts\n"));
            continue;
        }
        CliOutput::out(line + QLatin1Char('\n'));
        CliOutput::err(tr("tokendesk-cli sync: %1: %2\n").arg(profile.name, report.error.message));
        const bool refused = report.error.kind == PortalErrorKind::Unauthorized ||
                             report.error.kind == PortalErrorKind::Forbidden;
        if (report.workspaceError)
            status = WorkspaceUnusable;
        else if (refused && status != WorkspaceUnusable)
            status = PortalRefused;
        else if (status == Success)
            status = report.error.kind == PortalErrorKind::InvalidEndpoint ? UsageError : PortalUnreachable;
    }
    return status;
}

} // namespace tokendesk::cli
