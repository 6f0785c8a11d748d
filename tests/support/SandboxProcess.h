#pragma once

#include <QProcess>
#include <QTemporaryDir>
#include <QStringList>
#include <QUrl>

// The real tokendesk-portal-sandbox binary, started for a test on a loopback port.
class SandboxProcess
{
public:
    SandboxProcess() = default;
    ~SandboxProcess();
    SandboxProcess(const SandboxProcess &) = delete;
    SandboxProcess &operator=(const SandboxProcess &) = delete;

    static QString binaryPath();
    // Starts with the given arguments; false (and a message in error()) if it does not print
    // "listening http://..." within a few seconds.
    bool start(const QStringList &arguments);
    // SIGTERM, then waits; returns the exit code (-1 if it had to be killed).
    int stop();

    QUrl url() const { return m_url; }
    quint16 port() const { return quint16(m_url.port()); }
    // The access log so far (stderr), one line per request.
    QString log();
    int countLogLines(const QString &prefix);
    QString error() const { return m_error; }

private:
    QProcess m_process;
    // The access log goes to a file: a pipe nobody reads while a test waits on another
    // process would fill up and stall the sandbox.
    QTemporaryDir m_logDir;
    QUrl m_url;
    QString m_error;
    qint64 m_logOffset = 0;
};
