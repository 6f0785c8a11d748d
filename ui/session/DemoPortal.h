#pragma once

#include <QObject>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

class QProcess;

namespace tokendesk::ui {

// The bundled sandbox portal, started with demo data on a free loopback port and a
// throwaway data folder; stopped with TokenDesk.
class DemoPortal : public QObject
{
    Q_OBJECT

public:
    static QString clientId() { return QStringLiteral("demo"); }
    static QByteArray clientSecret() { return QByteArrayLiteral("demo-secret"); }

    explicit DemoPortal(QObject *parent = nullptr);
    ~DemoPortal() override;

    // Where the sandbox program is: next to tokendesk, or TOKENDESK_SANDBOX.
    static QString sandboxProgram();
    void start();
    void stop();
    QUrl url() const { return m_url; }

Q_SIGNALS:
    void ready(const QUrl &url);
    void failed(const QString &message);

private:
    void fail(const QString &message);

    QProcess *m_process;
    std::unique_ptr<QTemporaryDir> m_data;
    QByteArray m_output;
    QUrl m_url;
    bool m_failed = false;
};

} // namespace tokendesk::ui
