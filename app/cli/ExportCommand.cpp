#include "ExportCommand.h"

#include "CliOutput.h"
#include "ExitCode.h"
#include "WorkspaceContext.h"

#include "store/ProfileStore.h"
#include "store/WorkspaceExport.h"

#include <QSaveFile>

namespace tokendesk::cli {

using namespace tokendesk::store;

QString ExportCommand::summary() const
{
    return tr("Export the workspace's tokens as JSON or CSV (never a secret).");
}

int ExportCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption formatOption(QStringLiteral("format"), tr("json or csv."), tr("format"));
    const QCommandLineOption outputOption(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                          tr("Write to FILE (default: standard output)."), tr("file"));
    const QCommandLineOption profileOption(QStringLiteral("profile"), tr("Only this profile."), tr("name"));
    parser.addOptions({formatOption, outputOption, profileOption, WorkspaceContext::workspaceOption()});
    const QCommandLineOption helpOption = parser.addHelpOption();
    const auto usage = [](const QString &message) {
        CliOutput::err(QStringLiteral("tokendesk-cli export: %1\n").arg(message));
        return int(UsageError);
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(helpOption)) {
        CliOutput::out(parser.helpText().replace(QStringLiteral("[options]"), QStringLiteral("export [options]")));
        return Success;
    }
    const QString format = parser.value(formatOption);
    if (format != QLatin1String("json") && format != QLatin1String("csv"))
        return usage(tr("--format is json or csv"));
    auto workspace = WorkspaceContext::open(parser, QStringLiteral("export"));
    if (!workspace)
        return WorkspaceUnusable;
    QString profileId;
    if (parser.isSet(profileOption)) {
        const auto profile = ProfileStore(*workspace).find(parser.value(profileOption));
        if (!profile)
            return usage(tr("no profile “%1”").arg(parser.value(profileOption)));
        profileId = profile->id;
    }
    const QByteArray content = format == QLatin1String("json")
                                   ? WorkspaceExport::toJson(*workspace, profileId, QDateTime::currentDateTimeUtc())
                                   : WorkspaceExport::toCsv(*workspace, profileId);
    if (!parser.isSet(outputOption)) {
        CliOutput::out(QString::fromUtf8(content));
        return Success;
    }
    // Written whole or not at all: a crash never leaves half an export behind.
    QSaveFile file(parser.value(outputOption));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
        return usage(tr("cannot write %1: %2").arg(parser.value(outputOption), file.errorString()));
    return Success;
}

} // namespace tokendesk::cli
