#include "ConflictsCommand.h"

#include "CliOutput.h"
#include "ExitCode.h"
#include "WorkspaceContext.h"

#include "portal/PortalJson.h"
#include "store/ConflictStore.h"
#include "store/ProfileStore.h"
#include "store/WorkspaceEditor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tokendesk::cli {

using namespace tokendesk::store;

namespace {

QJsonValue tokenJson(const std::optional<domain::Token> &token)
{
    return token ? QJsonValue(portal::PortalJson::tokenToJson(*token)) : QJsonValue();
}

QString summaryOf(const std::optional<domain::Token> &token)
{
    if (!token)
        return ConflictsCommand::tr("(deleted)");
    return ConflictsCommand::tr("“%1”, %2, origins [%3], URLs [%4], IPs [%5]")
        .arg(token->name, domain::tokenStatusName(token->status),
             token->controls.corsOrigins.join(QStringLiteral(", ")),
             token->controls.permittedUrls.join(QStringLiteral(", ")),
             token->controls.ipRanges.join(QStringLiteral(", ")));
}

} // namespace

QString ConflictsCommand::summary() const
{
    return tr("Show conflicts between your changes and the portal's, and settle them.");
}

int ConflictsCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        summary() + QLatin1Char('\n') +
        tr("  conflicts [--json]                              list open conflicts\n"
           "  conflicts resolve ID --take mine|theirs|merged  keep one version"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption takeOption(QStringLiteral("take"), tr("mine, theirs or merged."), tr("version"));
    parser.addOptions({jsonOption, takeOption, WorkspaceContext::workspaceOption()});
    const QCommandLineOption helpOption = parser.addHelpOption();
    const auto usage = [](const QString &message) {
        CliOutput::err(QStringLiteral("tokendesk-cli conflicts: %1\n").arg(message));
        return int(UsageError);
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(helpOption)) {
        CliOutput::out(parser.helpText().replace(QStringLiteral("[options]"), QStringLiteral("conflicts [options]")));
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty() && positional.first() != QLatin1String("resolve"))
        return usage(tr("say nothing to list, or resolve ID --take mine|theirs|merged"));
    auto workspace = WorkspaceContext::open(parser, QStringLiteral("conflicts"));
    if (!workspace)
        return WorkspaceUnusable;

    if (!positional.isEmpty()) {
        bool ok = false;
        const qint64 id = positional.value(1).toLongLong(&ok);
        const auto resolution = WorkspaceEditor::resolutionFromName(parser.value(takeOption));
        if (!ok || positional.size() != 2 || !resolution)
            return usage(tr("resolve needs a conflict id and --take mine, theirs or merged"));
        const QString error = WorkspaceEditor(*workspace).resolveConflict(id, *resolution);
        if (!error.isEmpty())
            return usage(error);
        CliOutput::out(tr("Conflict %1 settled (%2).\n").arg(id).arg(parser.value(takeOption)));
        return Success;
    }

    ProfileStore profiles(*workspace);
    const QList<Conflict> conflicts = ConflictStore(*workspace).open();
    if (parser.isSet(jsonOption)) {
        QJsonArray array;
        for (const Conflict &conflict : conflicts) {
            const auto profile = profiles.find(conflict.profileId);
            array.append(QJsonObject{
                {QStringLiteral("id"), double(conflict.id)},
                {QStringLiteral("profile"), profile ? profile->name : conflict.profileId},
                {QStringLiteral("token_id"), conflict.tokenId},
                {QStringLiteral("fields"), QJsonArray::fromStringList(conflict.fields)},
                {QStringLiteral("reason"), conflict.reason},
                {QStringLiteral("created_at"), conflict.createdAt.toString(Qt::ISODateWithMs)},
                {QStringLiteral("base"), tokenJson(conflict.base)},
                {QStringLiteral("mine"), tokenJson(conflict.mine)},
                {QStringLiteral("theirs"), tokenJson(conflict.theirs)},
                {QStringLiteral("merged"), tokenJson(conflict.merged)},
            });
        }
        CliOutput::out(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("conflicts"), array}})
                                             .toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
        return Success;
    }
    if (conflicts.isEmpty()) {
        CliOutput::out(tr("No conflicts.\n"));
        return Success;
    }
    QString text;
    for (const Conflict &conflict : conflicts) {
        text += tr("Conflict %1 on token %2: %3\n").arg(conflict.id).arg(conflict.tokenId, conflict.reason);
        text += tr("  mine:   %1\n").arg(summaryOf(conflict.mine));
        text += tr("  theirs: %1\n").arg(summaryOf(conflict.theirs));
        if (conflict.merged)
            text += tr("  merged: %1\n").arg(summaryOf(conflict.merged));
    }
    text += tr("Settle one with: tokendesk-cli conflicts resolve ID --take mine|theirs|merged\n");
    CliOutput::out(text);
    return Success;
}

} // namespace tokendesk::cli
