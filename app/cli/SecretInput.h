#pragma once

#include <QByteArray>
#include <QString>

namespace tokendesk::cli {

// Reads a secret from standard input: the first line, without its line ending. On a
// terminal it prompts on stderr and turns echo off. Never from the command line, where
// other users could read it in the process list.
class SecretInput
{
public:
    struct Result
    {
        QByteArray secret;
        QString error;
    };
    static Result read(const QString &prompt);
};

} // namespace tokendesk::cli
