// tokendesk-cli: the headless TokenDesk, for scripts and pipelines.

#include "AddCommand.h"
#include "CliOutput.h"
#include "ConflictsCommand.h"
#include "ExitCode.h"
#include "ExportCommand.h"
#include "ImportCommand.h"
#include "ListCommand.h"
#include "PortalCommand.h"
#include "ProfileCommand.h"
#include "RevealCommand.h"
#include "SetCommand.h"
#include "SyncCommand.h"
#include "ValidateCommand.h"
#include "WorkspaceContext.h"

#include "AppInfo.h"
#include "secrets/ProcessHardening.h"
#include "validation/PublicSuffixList.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <memory>
#include <vector>

using namespace tokendesk;
using namespace tokendesk::cli;

namespace {

QString usage(const std::vector<std::unique_ptr<CliCommand>> &commands)
{
    QString text = QCoreApplication::translate(
        "main", "Usage: tokendesk-cli [--help] [--version] [--workspace PATH] COMMAND [ARGS...]\n\n"
                "Commands:\n");
    for (const auto &command : commands)
        text +=
            QStringLiteral("  %1  %2\n").arg(command->name().leftJustified(10), command->summary());
    text += QCoreApplication::translate(
        "main", "\nRun 'tokendesk-cli COMMAND --help' for a command's options.\n");
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
#ifdef NDEBUG
    secrets::ProcessHardening::apply(); // no core dumps of a process that holds secrets
#endif
    QCoreApplication app(argc, argv);
    AppInfo::applyTo();

    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(std::make_unique<ValidateCommand>());
    commands.push_back(std::make_unique<ListCommand>());
    commands.push_back(std::make_unique<SyncCommand>());
    commands.push_back(std::make_unique<AddCommand>());
    commands.push_back(std::make_unique<SetCommand>());
    commands.push_back(std::make_unique<ConflictsCommand>());
    commands.push_back(std::make_unique<ImportCommand>());
    commands.push_back(std::make_unique<ExportCommand>());
    commands.push_back(std::make_unique<RevealCommand>());
    commands.push_back(std::make_unique<ProfileCommand>());
    commands.push_back(std::make_unique<PortalCommand>());

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    // A global --workspace before the command applies to every workspace command.
    while (!arguments.isEmpty() && arguments.first().startsWith(QLatin1String("--workspace"))) {
        const QString option = arguments.takeFirst();
        if (option.startsWith(QLatin1String("--workspace="))) {
            WorkspaceContext::globalPath() = option.mid(12);
        } else if (!arguments.isEmpty()) {
            WorkspaceContext::globalPath() = arguments.takeFirst();
        } else {
            CliOutput::err(QStringLiteral("tokendesk-cli: --workspace needs a path\n"));
            return UsageError;
        }
    }
    if (arguments.isEmpty()) {
        CliOutput::err(usage(commands));
        return UsageError;
    }
    const QString first = arguments.first();
    if (first == QLatin1String("--help") || first == QLatin1String("-h") ||
        first == QLatin1String("help")) {
        CliOutput::out(usage(commands));
        return Success;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        CliOutput::out(
            QStringLiteral("tokendesk-cli %1\nPublic Suffix List: %2\n")
                .arg(AppInfo::version(), validation::PublicSuffixList::embeddedVersion()));
        return Success;
    }
    for (const auto &command : commands) {
        if (command->name() == first)
            return command->run(arguments);
    }
    CliOutput::err(
        QCoreApplication::translate("main", "tokendesk-cli: unknown command “%1”\n\n").arg(first) +
        usage(commands));
    return UsageError;
}
