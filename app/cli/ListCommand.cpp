#include "ListCommand.h"

#include "CliOutput.h"
#include "ExitCode.h"
#include "WorkspaceContext.h"

#include "portal/PortalJson.h"
#include "store/Outbox.h"
#include "store/ProfileStore.h"
#include "store/TokenStore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tokendesk::cli {

using namespace tokendesk::store;

QString ListCommand::summary() const
{
    return tr("List the workspace's tokens (works offline).");
}

int ListCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption profileOption(QStringLiteral("profile"), tr("Only this profile."),
                                           tr("name"));
    parser.addOptions({jsonOption, profileOption, WorkspaceContext::workspaceOption()});
    const QCommandLineOption helpOption = parser.addHelpOption();
    if (!parser.parse(arguments)) {
        CliOutput::err(QStringLiteral("tokendesk-cli list: %1\n").arg(parser.errorText()));
        return UsageError;
    }
    if (parser.isSet(helpOption)) {
        CliOutput::out(parser.helpText().replace(QStringLiteral("[options]"), QStringLiteral("list [options]")));
        return Success;
    }
    auto workspace = WorkspaceContext::open(parser, QStringLiteral("list"));
    if (!workspace)
        return WorkspaceUnusable;
    ProfileStore profiles(*workspace);
    QHash<QString, QString> profileNames;
    QHash<QString, QString> deploymentNames; // "profile/deployment id" -> name
    TokenStore tokenStore(*workspace);
    for (const domain::Profile &profile : profiles.all()) {
        profileNames.insert(profile.id, profile.name);
        for (const domain::Deployment &deployment : tokenStore.deployments(profile.id))
            deploymentNames.insert(profile.id + QLatin1Char('/') + deployment.id, deployment.name);
    }
    QString profileId;
    if (parser.isSet(profileOption)) {
        const auto profile = profiles.find(parser.value(profileOption));
        if (!profile) {
            CliOutput::err(tr("tokendesk-cli list: no profile “%1”\n").arg(parser.value(profileOption)));
            return UsageError;
        }
        profileId = profile->id;
    }
    // What waits in the outbox, per token: shown next to it.
    QHash<QString, QString> syncStates;
    for (const OutboxEntry &entry : Outbox(*workspace).entries(profileId)) {
        QString &state = syncStates[entry.profileId + QLatin1Char('/') + entry.tokenId];
        if (state != QLatin1String("conflict"))
            state = entry.state == OutboxEntry::State::Conflict ? QStringLiteral("conflict")
                                                                : QStringLiteral("pending");
    }
    const QList<TokenRecord> records = tokenStore.tokens(profileId);
    if (parser.isSet(jsonOption)) {
        const QHash<QString, domain::TokenNotes> notes = tokenStore.allNotes(profileId);
        QJsonArray tokens;
        for (const TokenRecord &record : records) {
            QJsonObject token = portal::PortalJson::tokenToJson(record.local);
            token.insert(QStringLiteral("profile"), profileNames.value(record.profileId));
            const QString state = syncStates.value(record.profileId + QLatin1Char('/') + record.local.id);
            token.insert(QStringLiteral("sync"), !state.isEmpty() ? state
                                                 : record.profileId == domain::Profile::localId()
                                                     ? QStringLiteral("local")
                                                     : QStringLiteral("synced"));
            const domain::TokenNotes note = notes.value(record.profileId + QLatin1Char('/') + record.local.id);
            token.insert(QStringLiteral("rotation_days"), note.effectiveRotationDays());
            token.insert(QStringLiteral("where_used"), note.whereUsed);
            tokens.append(token);
        }
        CliOutput::out(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("tokens"), tokens}})
                                             .toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
        return Success;
    }
    QList<QStringList> rows = {{tr("PROFILE"), tr("DEPLOYMENT"), tr("TOKEN"), tr("NAME"),
                                tr("KIND"), tr("STATUS"), tr("CONTROLS"), tr("SYNC")}};
    for (const TokenRecord &record : records) {
        const domain::Token &token = record.local;
        const QString state = syncStates.value(record.profileId + QLatin1Char('/') + token.id);
        rows.append({profileNames.value(record.profileId),
                     deploymentNames.value(record.profileId + QLatin1Char('/') + token.deploymentId,
                                           token.deploymentId),
                     token.id,
                     token.name, domain::tokenKindName(token.kind),
                     domain::tokenStatusName(token.status),
                     tr("origins: %1 · URLs: %2 · IPs: %3")
                         .arg(token.controls.corsOrigins.size())
                         .arg(token.controls.permittedUrls.size())
                         .arg(token.controls.ipRanges.size()),
                     !state.isEmpty() ? state
                     : record.profileId == domain::Profile::localId() ? tr("local")
                                                                      : tr("synced")});
    }
    CliOutput::table(rows);
    return Success;
}

} // namespace tokendesk::cli
