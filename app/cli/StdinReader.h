#pragma once

#include <QString>
#include <QStringList>

namespace tokendesk::cli {

// Reads standard input as UTF-8 lines, refusing what is not text or is too large.
class StdinReader
{
public:
    static constexpr qint64 kMaxBytes = 64 * 1024 * 1024;

    struct Result
    {
        QStringList lines;
        QString error; // set when the input could not be read as text
    };

    static Result readLines();
    // Exposed for tests: the same checks on bytes already read.
    static Result linesFromBytes(const QByteArray &bytes);
};

} // namespace tokendesk::cli
