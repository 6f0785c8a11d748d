#include "SandboxProcess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>

SandboxProcess::~SandboxProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        stop();
}

QString SandboxProcess::binaryPath()
{
    return QStringLiteral(TOKENDESK_BINARY_DIR "/bin/tokendesk-portal-sandbox");
}

bool SandboxProcess::start(const QStringList &arguments)
{
    m_process.setProgram(binaryPath());
    m_process.setArguments(arguments);
    // Each start appends to the same log; log() returns everything since this start.
    const QString logPath = m_logDir.filePath(QStringLiteral("sandbox.log"));
    m_logOffset = QFileInfo(logPath).size();
    m_process.setStandardErrorFile(logPath, QIODevice::Append);
    m_process.start();
    if (!m_process.waitForStarted(5000)) {
        m_error = QStringLiteral("cannot start %1").arg(binaryPath());
        return false;
    }
    QDeadlineTimer deadline(15000);
    QByteArray out;
    while (!out.contains('\n') && !deadline.hasExpired()) {
        if (!m_process.waitForReadyRead(int(deadline.remainingTime()))) {
            if (m_process.state() == QProcess::NotRunning)
                break;
        }
        out += m_process.readAllStandardOutput();
    }
    const QByteArray line = out.left(out.indexOf('\n'));
    if (!line.startsWith("listening ")) {
        m_error = QStringLiteral("sandbox did not start: %1 %2").arg(QString::fromUtf8(out), log());
        return false;
    }
    m_url = QUrl(QString::fromLatin1(line.mid(10).trimmed()));
    return true;
}

int SandboxProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitCode();
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QString SandboxProcess::log()
{
    QFile file(m_logDir.filePath(QStringLiteral("sandbox.log")));
    if (!file.open(QIODevice::ReadOnly) || !file.seek(m_logOffset))
        return {};
    return QString::fromUtf8(file.readAll());
}

int SandboxProcess::countLogLines(const QString &prefix)
{
    int count = 0;
    for (const QString &line : log().split(QLatin1Char('\n'))) {
        if (line.startsWith(prefix))
            ++count;
    }
    return count;
}
