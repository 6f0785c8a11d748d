#include "SetCommand.h"

#include "CliOutput.h"
#include "ExitCode.h"
#include "TokenOptions.h"
#include "WorkspaceContext.h"

#include "store/ProfileStore.h"
#include "store/TokenStore.h"
#include "store/WorkspaceEditor.h"

namespace tokendesk::cli {

using namespace tokendesk::domain;

QString SetCommand::summary() const
{
    return tr("Change a token's name, status or controls (checked, queued, works offline).");
}

int SetCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           tr("The profile, when the id is in several."), tr("name"));
    const QCommandLineOption rotationOption(QStringLiteral("rotation-days"),
                                            tr("Rotate every N days (local note; \"\" for the default, 90)."),
                                            tr("days"));
    const QCommandLineOption whereOption(QStringLiteral("where-used"),
                                         tr("Where the token is used (local note)."), tr("text"));
    TokenOptions tokenOptions;
    parser.addOptions({profileOption, rotationOption, whereOption, WorkspaceContext::workspaceOption()});
    tokenOptions.addTo(parser);
    const QCommandLineOption helpOption = parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("token"), tr("The token's id."), QStringLiteral("TOKEN_ID"));
    const auto usage = [](const QString &message) {
        CliOutput::err(QStringLiteral("tokendesk-cli set: %1\n").arg(message));
        return int(UsageError);
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(helpOption)) {
        CliOutput::out(parser.helpText().replace(QStringLiteral("[options]"), QStringLiteral("set [options]")));
        return Success;
    }
    if (parser.positionalArguments().size() != 1)
        return usage(tr("name one token id"));
    QString error;
    const TokenChange change = tokenOptions.change(parser, &error);
    if (!error.isEmpty())
        return usage(error);
    const bool notesGiven = parser.isSet(rotationOption) || parser.isSet(whereOption);
    if (change.isEmpty() && !notesGiven)
        return usage(tr("nothing to change: give --name, --status, --origins, --urls, --ips, "
                        "--usage-model, --environment, --rotation-days or --where-used"));
    std::optional<int> rotationDays;
    if (parser.isSet(rotationOption) && !parser.value(rotationOption).isEmpty()) {
        bool ok = false;
        rotationDays = parser.value(rotationOption).toInt(&ok);
        if (!ok)
            return usage(tr("--rotation-days takes a number of days"));
    }

    auto workspace = WorkspaceContext::open(parser, QStringLiteral("set"));
    if (!workspace)
        return WorkspaceUnusable;
    const QString tokenId = parser.positionalArguments().first();
    QString profileId;
    if (parser.isSet(profileOption)) {
        const auto profile = store::ProfileStore(*workspace).find(parser.value(profileOption));
        if (!profile)
            return usage(tr("no profile “%1”").arg(parser.value(profileOption)));
        profileId = profile->id;
    } else {
        const QList<store::TokenRecord> found = store::TokenStore(*workspace).findById(tokenId);
        if (found.isEmpty())
            return usage(tr("no token “%1” in the workspace").arg(tokenId));
        if (found.size() > 1)
            return usage(tr("“%1” is in several profiles: say which with --profile").arg(tokenId));
        profileId = found.first().profileId;
    }
    store::WorkspaceEditor editor(*workspace);
    if (notesGiven) {
        TokenNotes notes = store::TokenStore(*workspace).notes(profileId, tokenId);
        if (parser.isSet(rotationOption))
            notes.rotationDays = rotationDays;
        if (parser.isSet(whereOption))
            notes.whereUsed = parser.value(whereOption);
        const store::EditResult noted = editor.setNotes(profileId, tokenId, notes);
        if (!noted.error.isEmpty()) {
            CliOutput::err(QStringLiteral("tokendesk-cli set: %1\n").arg(noted.error));
            return noted.storageFailure ? WorkspaceUnusable : UsageError;
        }
        if (!noted.accepted()) {
            CliOutput::err(tr("tokendesk-cli set: nothing was changed:\n") +
                           WorkspaceContext::describe(noted.issues));
            return FindingsError;
        }
        if (change.isEmpty()) {
            CliOutput::out(tr("Noted for %1 (kept in this workspace only).\n").arg(tokenId));
            return Success;
        }
    }
    const store::EditResult result = editor.editToken(profileId, tokenId, change);
    if (!result.error.isEmpty()) {
        CliOutput::err(QStringLiteral("tokendesk-cli set: %1\n").arg(result.error));
        return result.storageFailure ? WorkspaceUnusable : UsageError;
    }
    if (!result.accepted()) {
        CliOutput::err(tr("tokendesk-cli set: nothing was changed:\n") +
                       WorkspaceContext::describe(result.issues));
        return FindingsError;
    }
    if (!result.issues.isEmpty())
        CliOutput::err(WorkspaceContext::describe(result.issues));
    CliOutput::out(profileId == Profile::localId()
                       ? tr("Changed %1.\n").arg(tokenId)
                       : tr("Changed %1; the change reaches the portal at the next sync.\n").arg(tokenId));
    return Success;
}

} // namespace tokendesk::cli
