#pragma once

#include <QString>

namespace tokendesk::cli {

// Writes UTF-8 text to standard output and standard error, unbuffered by Qt.
class CliOutput
{
public:
    static void out(const QString &text);
    static void err(const QString &text);
    static bool stdinIsTerminal();
    static bool stderrIsTerminal();
};

} // namespace tokendesk::cli
