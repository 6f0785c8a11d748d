#pragma once

#include "domain/FieldIssue.h"
#include "store/Workspace.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <memory>

namespace tokendesk::cli {

// What every workspace command shares: the --workspace option (or TOKENDESK_WORKSPACE, or
// the platform's default), opening the file with a clear message, and printing rule issues.
class WorkspaceContext
{
public:
    // Set by main() from a --workspace given before the command.
    static QString &globalPath();
    static QCommandLineOption workspaceOption();

    // Opens the workspace named by the parser (or the global option); prints the error and
    // returns nullptr when it cannot be used.
    static std::unique_ptr<store::Workspace> open(const QCommandLineParser &parser,
                                                  const QString &command);
    // "controls.cors_origins[1] error origin.has-path: …", one per line.
    static QString describe(const domain::FieldIssues &issues);
    // Comma-separated values of a list option; an empty value clears the list.
    static QStringList listValue(const QString &value);
};

} // namespace tokendesk::cli
