// tokendesk-cli portal ping|list against the sandbox: the secret from standard input, the
// output, and the documented exit codes.

#include "SandboxProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTest>

class TestCliPortal : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run cli(const QStringList &arguments, const QByteArray &input)
    {
        QProcess process;
        process.start(QStringLiteral(TOKENDESK_BINARY_DIR "/bin/tokendesk-cli"), arguments);
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(60000);
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }
    QStringList target(const QString &action) const
    {
        return {QStringLiteral("portal"), action, QStringLiteral("--url"), m_sandbox.url().toString(),
                QStringLiteral("--client-id"), QStringLiteral("admin")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_sandbox.start({QStringLiteral("--seed"), QStringLiteral("demo"), QStringLiteral("--client"),
                                 QStringLiteral("admin:cli-secret-42:administrator")}));
    }

    void pingReportsIdentity()
    {
        const Run run = cli(target(QStringLiteral("ping")), "cli-secret-42\n");
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("administrator")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("Example Retail Ltd")));
        const Run json = cli(target(QStringLiteral("ping")) + QStringList{QStringLiteral("--json")}, "cli-secret-42\n");
        QCOMPARE(json.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("role")).toString(), QStringLiteral("administrator"));
        QCOMPARE(report.value(QStringLiteral("deployments")).toInt(), 3);
    }

    void listPrintsEveryToken()
    {
        const Run run = cli(target(QStringLiteral("list")) + QStringList{QStringLiteral("--json")}, "cli-secret-42\n");
        QCOMPARE(run.exitCode, 0);
        const QJsonArray deployments = QJsonDocument::fromJson(run.out.toUtf8()).object()
                                           .value(QStringLiteral("deployments")).toArray();
        QCOMPARE(deployments.size(), 3);
        int tokens = 0;
        for (const QJsonValue &deployment : deployments)
            tokens += int(deployment.toObject().value(QStringLiteral("tokens")).toArray().size());
        QCOMPARE(tokens, 40);
        QVERIFY(!run.out.contains(QStringLiteral("cli-secret-42")));

        const Run table = cli(target(QStringLiteral("list")) + QStringList{QStringLiteral("--deployment"), QStringLiteral("dep_orders")},
                              "cli-secret-42\n");
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains(QStringLiteral("ERP sync (production)")));
        QVERIFY(!table.out.contains(QStringLiteral("Checkout widget")));
    }

    void exitCodesAreDocumented()
    {
        QCOMPARE(cli(target(QStringLiteral("ping")), "wrong\n").exitCode, 4);
        QCOMPARE(cli(target(QStringLiteral("ping")), "").exitCode, 2); // no secret
        QCOMPARE(cli({QStringLiteral("portal"), QStringLiteral("ping")}, "x\n").exitCode, 2);
        QCOMPARE(cli({QStringLiteral("portal"), QStringLiteral("dance"), QStringLiteral("--url"),
                      QStringLiteral("https://a.example"), QStringLiteral("--client-id"), QStringLiteral("a")}, "x\n").exitCode, 2);
        const Run insecure = cli({QStringLiteral("portal"), QStringLiteral("ping"), QStringLiteral("--url"),
                                  QStringLiteral("http://portal.example.com"), QStringLiteral("--client-id"), QStringLiteral("a")},
                                 "x\n");
        QCOMPARE(insecure.exitCode, 2);
        QVERIFY(insecure.err.contains(QStringLiteral("https://")));

        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        const Run unreachable = cli({QStringLiteral("portal"), QStringLiteral("ping"), QStringLiteral("--url"),
                                     QStringLiteral("http://127.0.0.1:%1").arg(port), QStringLiteral("--client-id"),
                                     QStringLiteral("a")},
                                    "x\n");
        QCOMPARE(unreachable.exitCode, 3);
        QVERIFY(unreachable.err.contains(QStringLiteral("Cannot reach")));
    }

    void debugLoggingKeepsSecretsOut()
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(TOKENDESK_BINARY_DIR "/bin/tokendesk-cli"), target(QStringLiteral("list")));
        process.write("cli-secret-42\n");
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QByteArray all = process.readAllStandardError() + process.readAllStandardOutput();
        QVERIFY2(all.contains("tokendesk.portal"), "debug output should be on");
        for (const QByteArray &form : {QByteArray("cli-secret-42"), QByteArray("cli-secret-42").toBase64(),
                                       QByteArray("admin:cli-secret-42").toBase64(), QByteArray("cli-secret-42").toHex()})
            QVERIFY2(!all.contains(form), form.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliPortal)
#include "tst_cli_portal.moc"
