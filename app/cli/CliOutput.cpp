#include "CliOutput.h"

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#define TOKENDESK_ISATTY _isatty
#define TOKENDESK_FILENO _fileno
#else
#include <unistd.h>
#define TOKENDESK_ISATTY isatty
#define TOKENDESK_FILENO fileno
#endif

namespace tokendesk::cli {

void CliOutput::out(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void CliOutput::err(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void CliOutput::table(const QList<QStringList> &rows)
{
    QList<int> widths;
    for (const QStringList &row : rows) {
        for (int i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths.at(i), int(row.at(i).size()));
        }
    }
    QString text;
    for (const QStringList &row : rows) {
        QString line;
        for (int i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row.at(i).leftJustified(widths.at(i) + 2) : row.at(i);
        text += line + QLatin1Char('\n');
    }
    out(text);
}

bool CliOutput::stdinIsTerminal()
{
    return TOKENDESK_ISATTY(TOKENDESK_FILENO(stdin)) != 0;
}

bool CliOutput::stderrIsTerminal()
{
    return TOKENDESK_ISATTY(TOKENDESK_FILENO(stderr)) != 0;
}

} // namespace tokendesk::cli
