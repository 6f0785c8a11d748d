#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tokendesk::cli {

// Writes UTF-8 text to standard output and standard error, unbuffered by Qt.
class CliOutput
{
public:
    static void out(const QString &text);
    static void err(const QString &text);
    // Rows as aligned columns; the first row is the header.
    static void table(const QList<QStringList> &rows);
    static bool stdinIsTerminal();
    static bool stderrIsTerminal();
};

} // namespace tokendesk::cli
