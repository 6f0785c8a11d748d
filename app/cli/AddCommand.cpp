#include "AddCommand.h"

#include "CliOutput.h"
#include "ExitCode.h"
#include "TokenOptions.h"
#include "WorkspaceContext.h"

#include "domain/TokenChanges.h"
#include "store/ProfileStore.h"
#include "store/WorkspaceEditor.h"

namespace tokendesk::cli {

using namespace tokendesk::domain;

QString AddCommand::summary() const
{
    return tr("Add a token: to the Local profile, or queued for a portal (works offline).");
}

int AddCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           tr("The profile (default: Local)."), tr("name"),
                                           QStringLiteral("Local"));
    const QCommandLineOption deploymentOption(QStringLiteral("deployment"),
                                              tr("The deployment, by id or name."), tr("deployment"));
    const QCommandLineOption kindOption(QStringLiteral("kind"),
                                        tr("api, integration or oauth (default api)."), tr("kind"),
                                        QStringLiteral("api"));
    TokenOptions tokenOptions;
    parser.addOptions({profileOption, deploymentOption, kindOption, WorkspaceContext::workspaceOption()});
    tokenOptions.addTo(parser);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const auto usage = [](const QString &message) {
        CliOutput::err(QStringLiteral("tokendesk-cli add: %1\n").arg(message));
        return int(UsageError);
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(helpOption)) {
        CliOutput::out(parser.helpText().replace(QStringLiteral("[options]"), QStringLiteral("add [options]")));
        return Success;
    }
    if (!parser.isSet(deploymentOption) || !parser.isSet(tokenOptions.name))
        return usage(tr("--deployment and --name are required"));
    const auto kind = tokenKindFromName(parser.value(kindOption));
    if (!kind)
        return usage(tr("--kind is api, integration or oauth"));
    QString error;
    const TokenChange change = tokenOptions.change(parser, &error);
    if (!error.isEmpty())
        return usage(error);

    auto workspace = WorkspaceContext::open(parser, QStringLiteral("add"));
    if (!workspace)
        return WorkspaceUnusable;
    const auto profile = store::ProfileStore(*workspace).find(parser.value(profileOption));
    if (!profile)
        return usage(tr("no profile “%1”").arg(parser.value(profileOption)));

    TokenDraft draft;
    draft.kind = *kind;
    const Token shaped = TokenChanges::apply(TokenChanges::tokenFromDraft(QString(), QString(), draft, {}), change);
    draft = TokenChanges::draftFromToken(shaped);
    store::WorkspaceEditor editor(*workspace);
    const store::EditResult result = editor.addToken(profile->id, parser.value(deploymentOption), draft);
    if (!result.error.isEmpty()) {
        CliOutput::err(QStringLiteral("tokendesk-cli add: %1\n").arg(result.error));
        return result.storageFailure ? WorkspaceUnusable : UsageError;
    }
    if (!result.accepted()) {
        CliOutput::err(tr("tokendesk-cli add: the token was not added:\n") +
                       WorkspaceContext::describe(result.issues));
        return FindingsError;
    }
    if (!result.issues.isEmpty())
        CliOutput::err(WorkspaceContext::describe(result.issues));
    CliOutput::out(profile->isLocal()
                       ? tr("Added %1 to the Local profile.\n").arg(result.tokenId)
                       : tr("Added %1; it reaches %2 at the next sync.\n").arg(result.tokenId, profile->name));
    return Success;
}

} // namespace tokendesk::cli
