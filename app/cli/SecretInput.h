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
        bool empty = false; // nothing was given (error says so too)
    };
    static Result read(const QString &prompt);
};

} // namespace tokendesk::cli
