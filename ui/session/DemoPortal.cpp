#include "DemoPortal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>

namespace tokendesk::ui {

DemoPortal::DemoPortal(QObject *parent) : QObject(parent), m_process(new QProcess(this))
{
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    // The sandbox logs one line per request on stderr: not for the user.
    m_process->setStandardErrorFile(QProcess::nullDevice());
    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] {
        m_output += m_process->readAllStandardOutput();
        const int end = m_output.indexOf('\n');
        if (end < 0 || m_url.isValid())
            return;
        const QString line = QString::fromUtf8(m_output.left(end)).trimmed();
        const QString prefix = QStringLiteral("listening ");
        if (!line.startsWith(prefix)) {
            fail(tr("The demo portal said something unexpected: %1").arg(line));
            return;
        }
        m_url = QUrl(line.mid(prefix.size()));
        Q_EMIT ready(m_url);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("The demo portal (%1) could not be started: %2")
                     .arg(m_process->program(), m_process->errorString()));
    });
    connect(m_process, &QProcess::finished, this, [this](int code) {
        if (!m_url.isValid())
            fail(tr("The demo portal stopped at once (exit status %1).").arg(code));
    });
}

DemoPortal::~DemoPortal()
{
    m_process->disconnect(this); // stopping is not a failure to report
    stop();
}

void DemoPortal::fail(const QString &message)
{
    if (m_failed)
        return; // one report: a bad first line may be followed by more output and an exit
    m_failed = true;
    Q_EMIT failed(message);
}

QString DemoPortal::sandboxProgram()
{
    const QString configured = qEnvironmentVariable("TOKENDESK_SANDBOX");
    if (!configured.isEmpty())
        return configured;
    const QString besideUs = QDir(QCoreApplication::applicationDirPath())
                                 .filePath(QStringLiteral("tokendesk-portal-sandbox"));
    if (QFileInfo(besideUs).isExecutable())
        return besideUs;
    return QStandardPaths::findExecutable(QStringLiteral("tokendesk-portal-sandbox"));
}

void DemoPortal::start()
{
    m_data = std::make_unique<QTemporaryDir>();
    const QString program = sandboxProgram();
    if (program.isEmpty()) {
        fail(tr("The demo portal program (tokendesk-portal-sandbox) is not installed."));
        return;
    }
    m_process->start(program, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                               QStringLiteral("--data"), m_data->path(),
                               QStringLiteral("--seed"), QStringLiteral("demo"),
                               QStringLiteral("--client"),
                               QStringLiteral("%1:%2:administrator")
                                   .arg(clientId(), QString::fromLatin1(clientSecret()))});
}

void DemoPortal::stop()
{
    if (m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate(); // SIGTERM: the sandbox closes its database cleanly
    if (!m_process->waitForFinished(3000))
        m_process->kill();
}

} // namespace tokendesk::ui
