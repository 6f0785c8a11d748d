#include "WorkspaceContext.h"

#include "CliOutput.h"

#include "validation/Severity.h"

#include <QCoreApplication>

namespace tokendesk::cli {

QString &WorkspaceContext::globalPath()
{
    static QString path;
    return path;
}

QCommandLineOption WorkspaceContext::workspaceOption()
{
    return QCommandLineOption(
        QStringLiteral("workspace"),
        QCoreApplication::translate("WorkspaceContext",
                                    "The workspace file (default: TOKENDESK_WORKSPACE, or %1).")
            .arg(store::Workspace::defaultPath()),
        QStringLiteral("path"));
}

std::unique_ptr<store::Workspace> WorkspaceContext::open(const QCommandLineParser &parser,
                                                         const QString &command)
{
    QString path = parser.value(QStringLiteral("workspace"));
    if (path.isEmpty())
        path = globalPath();
    auto workspace = std::make_unique<store::Workspace>();
    const store::WorkspaceError error = workspace->open(store::Workspace::resolvePath(path));
    if (error.isError()) {
        CliOutput::err(QStringLiteral("tokendesk-cli %1: %2\n").arg(command, error.message));
        return nullptr;
    }
    return workspace;
}

QString WorkspaceContext::describe(const domain::FieldIssues &issues)
{
    QString text;
    for (const domain::FieldIssue &issue : issues) {
        QString where = issue.field;
        if (issue.index)
            where += QStringLiteral("[%1]").arg(*issue.index);
        text += QStringLiteral("  %1 %2 %3: %4\n")
                    .arg(where, validation::severityName(issue.severity), issue.rule, issue.message);
    }
    return text;
}

QStringList WorkspaceContext::listValue(const QString &value)
{
    QStringList entries;
    for (const QString &part : value.split(QLatin1Char(','))) {
        if (!part.trimmed().isEmpty())
            entries.append(part.trimmed());
    }
    return entries;
}

} // namespace tokendesk::cli
