#include "SandboxProcess.h"

#include <QDeadlineTimer>
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
        m_stderr += m_process.readAllStandardError();
        m_error = QStringLiteral("sandbox did not start: %1 %2")
                      .arg(QString::fromUtf8(out), QString::fromUtf8(m_stderr));
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
    m_stderr += m_process.readAllStandardError();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QString SandboxProcess::log()
{
    m_stderr += m_process.readAllStandardError();
    return QString::fromUtf8(m_stderr);
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
