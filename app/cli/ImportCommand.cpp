#include "ImportCommand.h"

#include "CliOutput.h"
#include "ExitCode.h"
#include "WorkspaceContext.h"

#include "store/ProfileStore.h"
#include "store/WorkspaceImport.h"

#include <QFile>

namespace tokendesk::cli {

using namespace tokendesk::store;

QString ImportCommand::summary() const
{
    return tr("Import tokens from a JSON or CSV export; rows with an error are not applied.");
}

int ImportCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        summary() + QLatin1Char('\n') +
        tr("Exit status: 0 every row imported, 1 some rows refused (the others were imported),\n"
           "2 usage error or unreadable file, 5 workspace unusable."));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           tr("The profile to import into (default: Local)."),
                                           tr("name"), QStringLiteral("Local"));
    parser.addOptions({profileOption, WorkspaceContext::workspaceOption()});
    const QCommandLineOption helpOption = parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("file"), tr("A JSON or CSV export."), QStringLiteral("FILE"));
    const auto usage = [](const QString &message) {
        CliOutput::err(QStringLiteral("tokendesk-cli import: %1\n").arg(message));
        return int(UsageError);
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(helpOption)) {
        CliOutput::out(parser.helpText().replace(QStringLiteral("[options]"), QStringLiteral("import [options]")));
        return Success;
    }
    if (parser.positionalArguments().size() != 1)
        return usage(tr("name one file"));
    QFile file(parser.positionalArguments().first());
    if (!file.open(QIODevice::ReadOnly))
        return usage(tr("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    constexpr qint64 kMaxBytes = 256 * 1024 * 1024;
    if (file.size() > kMaxBytes)
        return usage(tr("%1 is larger than 256 MiB").arg(file.fileName()));
    QString error;
    const QList<ImportRow> rows = WorkspaceImport::read(file.readAll(), &error);
    if (!error.isEmpty())
        return usage(tr("%1: %2").arg(file.fileName(), error));

    auto workspace = WorkspaceContext::open(parser, QStringLiteral("import"));
    if (!workspace)
        return WorkspaceUnusable;
    const auto profile = ProfileStore(*workspace).find(parser.value(profileOption));
    if (!profile)
        return usage(tr("no profile “%1”").arg(parser.value(profileOption)));

    const bool terminal = CliOutput::stderrIsTerminal();
    const WorkspaceImport::Report report =
        WorkspaceImport::apply(*workspace, profile->id, rows, [&](int done, int total) {
            if (terminal && (done % 50 == 0 || done == total))
                CliOutput::err(tr("\rImporting: %1 of %2").arg(done).arg(total));
        });
    if (terminal)
        CliOutput::err(QStringLiteral("\r\033[K"));
    if (!report.error.isEmpty()) {
        CliOutput::err(QStringLiteral("tokendesk-cli import: %1\n").arg(report.error));
        CliOutput::out(tr("Imported into %1 before the failure: %2 added, %3 changed.\n")
                           .arg(profile->name).arg(report.added).arg(report.changed));
        return WorkspaceUnusable;
    }
    for (const ImportRow &row : report.refused) {
        CliOutput::err(tr("%1 (%2): not imported:\n").arg(row.location, row.draft.name) +
                       WorkspaceContext::describe(row.issues));
    }
    CliOutput::out(tr("Imported into %1: %2 added, %3 changed, %4 unchanged, %5 refused.\n")
                       .arg(profile->name)
                       .arg(report.added)
                       .arg(report.changed)
                       .arg(report.unchanged)
                       .arg(report.refused.size()));
    return report.refused.isEmpty() ? Success : FindingsError;
}

} // namespace tokendesk::cli
