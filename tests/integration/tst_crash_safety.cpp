// Crash safety: the CLI is killed (SIGKILL) at random moments during sync and during import,
// 50 times, against a portal that fails, drops answers and is slow. After every kill the
// workspace opens and passes SQLite's integrity check; at the end every accepted edit is on
// the portal exactly once: none lost, none applied twice.

#include "HttpProbe.h"
#include "SandboxProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {

const QString kSecret = QStringLiteral("crash-secret");

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SandboxProcess m_sandbox;

    QString workspacePath() const { return m_dir.filePath(QStringLiteral("ws.sqlite")); }
    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TOKENDESK_WORKSPACE"), workspacePath());
        environment.insert(QStringLiteral("TOKENDESK_CLIENT_SECRET"), kSecret);
        return environment;
    }
    int cli(const QStringList &arguments, QString *out = nullptr)
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(TOKENDESK_BINARY_DIR "/bin/tokendesk-cli"), arguments);
        if (!process.waitForStarted(10000))
            return -2;
        process.closeWriteChannel();
        if (!process.waitForFinished(300000))
            return -3; // still running: not a success
        if (out)
            *out = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }
    // Starts the command and kills it after `delayMs`, whatever it is doing.
    void killDuring(const QStringList &arguments, int delayMs)
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(TOKENDESK_BINARY_DIR "/bin/tokendesk-cli"), arguments);
        QVERIFY(process.waitForStarted(10000));
        process.closeWriteChannel();
        if (!process.waitForFinished(delayMs))
            process.kill(); // SIGKILL
        process.waitForFinished(10000);
    }
    QString integrityCheck()
    {
        const QString connection = QStringLiteral("integrity");
        QString result;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(workspacePath());
            if (db.open()) {
                QSqlQuery query(db);
                if (query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next())
                    result = query.value(0).toString();
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(connection);
        return result;
    }
    QSet<QString> localNames()
    {
        QString out;
        cli({QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--profile"), QStringLiteral("Demo")}, &out);
        QSet<QString> names;
        for (const QJsonValue &token : QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("tokens")).toArray())
            names.insert(token.toObject().value(QStringLiteral("name")).toString());
        return names;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sandbox.start({QStringLiteral("--data"), m_dir.filePath(QStringLiteral("portal")), QStringLiteral("--seed"),
                                 QStringLiteral("demo"), QStringLiteral("--client"), QStringLiteral("desk:") + kSecret + QStringLiteral(":administrator"),
                                 QStringLiteral("--client"), QStringLiteral("check:check-secret:consumer_reader"),
                                 QStringLiteral("--fault-rate"), QStringLiteral("0.1"), QStringLiteral("--drop-rate"),
                                 QStringLiteral("0.1"), QStringLiteral("--latency-ms"), QStringLiteral("5"),
                                 QStringLiteral("--random-seed"), QStringLiteral("99")}));
        QCOMPARE(cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Demo"), QStringLiteral("--url"),
                      m_sandbox.url().toString(), QStringLiteral("--client-id"), QStringLiteral("desk")}), 0);
        int status = -1;
        for (int attempt = 0; attempt < 10 && status != 0; ++attempt)
            status = cli({QStringLiteral("sync")});
        QCOMPARE(status, 0);
    }

    void killedFiftyTimesLosesNothingAndDuplicatesNothing()
    {
        QRandomGenerator random(20261203);
        QSet<QString> accepted;
        for (int round = 0; round < 50; ++round) {
            const bool duringImport = round % 2 == 1;
            if (duringImport) {
                const QString file = m_dir.filePath(QStringLiteral("import-%1.csv").arg(round));
                QFile csv(file);
                QVERIFY(csv.open(QIODevice::WriteOnly));
                csv.write("deployment,name,kind,ip_ranges\r\n");
                for (int row = 0; row < 8; ++row)
                    csv.write(QStringLiteral("Order backend,import-%1-%2,api,198.51.100.%3\r\n")
                                  .arg(round).arg(row).arg(row + 1).toUtf8());
                csv.close();
                killDuring({QStringLiteral("import"), file, QStringLiteral("--profile"), QStringLiteral("Demo")},
                           int(random.bounded(5, 60)));
            } else {
                const QString name = QStringLiteral("edit-%1").arg(round);
                QCOMPARE(cli({QStringLiteral("add"), QStringLiteral("--profile"), QStringLiteral("Demo"), QStringLiteral("--deployment"),
                              QStringLiteral("Web shop"), QStringLiteral("--name"), name}), 0);
                accepted.insert(name);
                killDuring({QStringLiteral("sync")}, int(random.bounded(5, 400)));
            }
            QCOMPARE(integrityCheck(), QStringLiteral("ok"));
            // Whatever the import committed before the kill is accepted and must arrive.
            for (const QString &name : localNames()) {
                if (name.startsWith(QLatin1String("import-")) || name.startsWith(QLatin1String("edit-")))
                    accepted.insert(name);
            }
            // Nothing accepted ever disappears from the workspace (it is queued or confirmed).
            const QSet<QString> present = localNames();
            for (const QString &name : accepted)
                QVERIFY2(present.contains(name), qPrintable(name));
        }

        // Let the queue drain (the portal still fails now and then).
        int status = -1;
        QString transcript;
        for (int attempt = 0; attempt < 30 && status != 0; ++attempt) {
            QString syncOut;
            status = cli({QStringLiteral("sync")}, &syncOut);
            transcript += syncOut;
        }
        QVERIFY2(status == 0, qPrintable(transcript));
        QString out;
        cli({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")}, &out);
        for (const QJsonValue &profile : QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("profiles")).toArray())
            QVERIFY2(profile.toObject().value(QStringLiteral("pending")).toInt() == 0, qPrintable(transcript + out));

        // Nothing may have turned into a conflict: the portal refused none of these creates.
        QString conflicts;
        cli({QStringLiteral("conflicts"), QStringLiteral("--json")}, &conflicts);
        QVERIFY2(QJsonDocument::fromJson(conflicts.toUtf8()).object().value(QStringLiteral("conflicts")).toArray().isEmpty(),
                 qPrintable(conflicts.left(3000)));

        // The portal, read by another client: each accepted token exactly once.
        HttpProbe http(m_sandbox.url());
        QString token;
        for (int attempt = 0; attempt < 20 && token.isEmpty(); ++attempt)
            token = http.accessToken(QStringLiteral("check"), QStringLiteral("check-secret"));
        QVERIFY(!token.isEmpty());
        QHash<QString, int> onPortal;
        for (const QString &deployment : {QStringLiteral("dep_webshop"), QStringLiteral("dep_orders")}) {
            // The portal still drops answers: only a whole one counts (a cut-off 200 is no list).
            HttpProbe::Reply page;
            const auto whole = [](const HttpProbe::Reply &reply) {
                return reply.status == 200 && reply.networkError == 0 &&
                       reply.json().value(QStringLiteral("items")).isArray();
            };
            for (int attempt = 0; attempt < 30 && !whole(page); ++attempt)
                page = http.authorized(token, "GET", QStringLiteral("/v1/deployments/%1/tokens?limit=500").arg(deployment));
            QVERIFY(whole(page));
            for (const QJsonValue &item : page.json().value(QStringLiteral("items")).toArray())
                onPortal[item.toObject().value(QStringLiteral("name")).toString()] += 1;
        }
        int imported = 0;
        for (const QString &name : accepted) {
            QVERIFY2(onPortal.value(name) == 1, qPrintable(QStringLiteral("%1 is on the portal %2 times").arg(name).arg(onPortal.value(name))));
            imported += name.startsWith(QLatin1String("import-")) ? 1 : 0;
        }
        for (auto it = onPortal.cbegin(); it != onPortal.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
        QVERIFY2(imported > 0, "some imports should have committed rows before being killed");
        QVERIFY(m_sandbox.log().contains(QStringLiteral("dropped")));
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crash_safety.moc"
