// Offline-first from the command line, against the real sandbox: pull, go offline, edit,
// come back, see the edits land; concurrent edits by a second client merge or conflict.

#include "HttpProbe.h"
#include "SandboxProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kSecret = QStringLiteral("sync-secret-5d2e");

QByteArray J(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

} // namespace

class TestSyncCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SandboxProcess m_sandbox;
    quint16 m_port = 0;
    std::unique_ptr<HttpProbe> m_http;
    QString m_admin;

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
        QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    };
    Run cli(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TOKENDESK_WORKSPACE"), m_dir.filePath(QStringLiteral("ws.sqlite")));
        environment.insert(QStringLiteral("TOKENDESK_CLIENT_SECRET"), kSecret);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(TOKENDESK_BINARY_DIR "/bin/tokendesk-cli"), arguments);
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(120000);
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }
    QJsonObject localToken(const QString &name)
    {
        for (const QJsonValue &token : cli({QStringLiteral("list"), QStringLiteral("--json")}).json().value(QStringLiteral("tokens")).toArray()) {
            if (token.toObject().value(QStringLiteral("name")).toString() == name)
                return token.toObject();
        }
        return {};
    }
    QJsonObject portalToken(const QString &id)
    {
        return m_http->authorized(m_admin, "GET", QStringLiteral("/v1/tokens/") + id).json();
    }
    bool startPortal()
    {
        QStringList arguments = {QStringLiteral("--data"), m_dir.filePath(QStringLiteral("portal")),
                                 QStringLiteral("--seed"), QStringLiteral("demo"), QStringLiteral("--client"),
                                 QStringLiteral("desk:") + kSecret + QStringLiteral(":administrator"),
                                 QStringLiteral("--client"), QStringLiteral("other:other-secret:administrator")};
        if (m_port)
            arguments << QStringLiteral("--listen") << QStringLiteral("127.0.0.1:%1").arg(m_port);
        if (!m_sandbox.start(arguments))
            return false;
        m_port = m_sandbox.port();
        m_http = std::make_unique<HttpProbe>(m_sandbox.url());
        m_admin = m_http->accessToken(QStringLiteral("other"), QStringLiteral("other-secret"));
        return !m_admin.isEmpty();
    }
    // Another client edits the portal directly, as a colleague would.
    int portalPatch(const QString &id, const QByteArray &body)
    {
        const QJsonObject token = portalToken(id);
        return m_http->authorized(m_admin, "PATCH", QStringLiteral("/v1/tokens/") + id, body,
                                  {{"If-Match", '"' + QByteArray::number(token.value(QStringLiteral("version")).toInt()) + '"'}})
            .status;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(startPortal(), qPrintable(m_sandbox.error()));
        const Run add = cli({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Demo"), QStringLiteral("--url"),
                             m_sandbox.url().toString(), QStringLiteral("--client-id"), QStringLiteral("desk")});
        QCOMPARE(add.exitCode, 0);
    }

    void firstSyncPullsEverything()
    {
        const Run sync = cli({QStringLiteral("sync")});
        QVERIFY2(sync.exitCode == 0, qPrintable(sync.err));
        QCOMPARE(cli({QStringLiteral("list"), QStringLiteral("--json")}).json().value(QStringLiteral("tokens")).toArray().size(), 40);
    }

    void unchangedSyncIsOneConditionalRequestPerCollection()
    {
        QCOMPARE(cli({QStringLiteral("sync")}).exitCode, 0); // settles the watermarks' ETags
        const QString before = m_sandbox.log();
        QCOMPARE(cli({QStringLiteral("sync")}).exitCode, 0);
        const QStringList lines = m_sandbox.log().mid(before.size()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        int collections = 0;
        for (const QString &line : lines) {
            if (line.startsWith(QLatin1String("POST /oauth2/token")))
                continue;
            QVERIFY2(line.contains(QLatin1String(" 304 ")), qPrintable(line));
            ++collections;
        }
        QCOMPARE(collections, 1 + 3 * 2); // deployments, then licences and tokens of each deployment
    }

    void offlineEditsLandWhenThePortalIsBack()
    {
        const QString id = localToken(QStringLiteral("Checkout widget (staging)")).value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_sandbox.stop(), 0);

        // Offline: edits are checked and queued; sync says the portal is unreachable.
        QCOMPARE(cli({QStringLiteral("set"), id, QStringLiteral("--name"), QStringLiteral("Checkout (staging)"),
                      QStringLiteral("--origins"), QStringLiteral("https://staging.shop.example.com")}).exitCode, 0);
        const Run refused = cli({QStringLiteral("set"), id, QStringLiteral("--origins"), QStringLiteral("https://staging.shop.example.com/path")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.err.contains(QStringLiteral("origin.has-path")));
        QCOMPARE(cli({QStringLiteral("add"), QStringLiteral("--profile"), QStringLiteral("Demo"), QStringLiteral("--deployment"),
                      QStringLiteral("Web shop"), QStringLiteral("--name"), QStringLiteral("Made offline"), QStringLiteral("--kind"),
                      QStringLiteral("integration"), QStringLiteral("--ips"), QStringLiteral("198.51.100.10")}).exitCode, 0);
        const Run offline = cli({QStringLiteral("sync")});
        QCOMPARE(offline.exitCode, 3);
        QCOMPARE(localToken(QStringLiteral("Checkout (staging)")).value(QStringLiteral("sync")).toString(), QStringLiteral("pending"));
        QCOMPARE(localToken(QStringLiteral("Made offline")).value(QStringLiteral("sync")).toString(), QStringLiteral("pending"));

        QVERIFY(startPortal());
        const Run online = cli({QStringLiteral("sync")});
        QVERIFY2(online.exitCode == 0, qPrintable(online.err));
        const QJsonObject renamed = portalToken(id);
        QCOMPARE(renamed.value(QStringLiteral("name")).toString(), QStringLiteral("Checkout (staging)"));
        QCOMPARE(renamed.value(QStringLiteral("controls")).toObject().value(QStringLiteral("cors_origins")).toArray().size(), 1);
        const QJsonObject made = localToken(QStringLiteral("Made offline"));
        QCOMPARE(made.value(QStringLiteral("sync")).toString(), QStringLiteral("synced"));
        QVERIFY(made.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("tok_")));
        QCOMPARE(portalToken(made.value(QStringLiteral("id")).toString()).value(QStringLiteral("kind")).toString(), QStringLiteral("integration"));
    }

    void concurrentEditsOfDifferentListsMerge()
    {
        const QString id = localToken(QStringLiteral("ERP sync (staging)")).value(QStringLiteral("id")).toString();
        QCOMPARE(cli({QStringLiteral("set"), id, QStringLiteral("--ips"), QStringLiteral("84.17.53.16/28,198.51.100.20")}).exitCode, 0);
        QCOMPARE(portalPatch(id, J("{'controls':{'ip_ranges':['84.17.53.16/28','198.51.100.30']},'status':'disabled'}")), 200);
        QCOMPARE(cli({QStringLiteral("sync")}).exitCode, 0);
        const QJsonObject merged = portalToken(id);
        QCOMPARE(merged.value(QStringLiteral("status")).toString(), QStringLiteral("disabled"));
        const QJsonArray ips = merged.value(QStringLiteral("controls")).toObject().value(QStringLiteral("ip_ranges")).toArray();
        QCOMPARE(ips.size(), 3); // both additions, as sets
        QVERIFY(cli({QStringLiteral("conflicts"), QStringLiteral("--json")}).json().value(QStringLiteral("conflicts")).toArray().isEmpty());
    }

    void concurrentRenamesConflictAndCanBeResolved()
    {
        const QString id = localToken(QStringLiteral("Invoice export job")).value(QStringLiteral("id")).toString();
        QCOMPARE(cli({QStringLiteral("set"), id, QStringLiteral("--name"), QStringLiteral("Invoices (mine)")}).exitCode, 0);
        QCOMPARE(portalPatch(id, J("{'name':'Invoices (theirs)'}")), 200);
        QCOMPARE(cli({QStringLiteral("sync")}).exitCode, 0);
        const QJsonArray conflicts = cli({QStringLiteral("conflicts"), QStringLiteral("--json")}).json().value(QStringLiteral("conflicts")).toArray();
        QCOMPARE(conflicts.size(), 1);
        const QJsonObject conflict = conflicts.first().toObject();
        QCOMPARE(conflict.value(QStringLiteral("fields")).toArray().first().toString(), QStringLiteral("name"));
        QCOMPARE(conflict.value(QStringLiteral("theirs")).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Invoices (theirs)"));
        QCOMPARE(localToken(QStringLiteral("Invoices (mine)")).value(QStringLiteral("sync")).toString(), QStringLiteral("conflict"));
        // Nothing was pushed over their change.
        QCOMPARE(portalToken(id).value(QStringLiteral("name")).toString(), QStringLiteral("Invoices (theirs)"));

        const QString conflictId = QString::number(conflict.value(QStringLiteral("id")).toInt());
        QCOMPARE(cli({QStringLiteral("conflicts"), QStringLiteral("resolve"), conflictId, QStringLiteral("--take"), QStringLiteral("mine")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("sync")}).exitCode, 0);
        QCOMPARE(portalToken(id).value(QStringLiteral("name")).toString(), QStringLiteral("Invoices (mine)"));
        QVERIFY(cli({QStringLiteral("conflicts"), QStringLiteral("--json")}).json().value(QStringLiteral("conflicts")).toArray().isEmpty());
    }

    void mergeBeyondTheLimitIsAConflictTakenTheirs()
    {
        const QString id = localToken(QStringLiteral("Payment webhooks relay")).value(QStringLiteral("id")).toString(); // 3 IPs
        QCOMPARE(cli({QStringLiteral("set"), id, QStringLiteral("--ips"),
                      QStringLiteral("91.203.10.5,91.203.10.6,91.203.10.7,198.51.100.41,198.51.100.42")}).exitCode, 0);
        QCOMPARE(portalPatch(id, J("{'controls':{'ip_ranges':['91.203.10.5','91.203.10.6','91.203.10.7','198.51.100.51']}}")), 200);
        QCOMPARE(cli({QStringLiteral("sync")}).exitCode, 0);
        const QJsonArray conflicts = cli({QStringLiteral("conflicts"), QStringLiteral("--json")}).json().value(QStringLiteral("conflicts")).toArray();
        QCOMPARE(conflicts.size(), 1);
        QVERIFY(conflicts.first().toObject().value(QStringLiteral("reason")).toString().contains(QStringLiteral("list.too-many")));
        const QString conflictId = QString::number(conflicts.first().toObject().value(QStringLiteral("id")).toInt());
        const Run merged = cli({QStringLiteral("conflicts"), QStringLiteral("resolve"), conflictId, QStringLiteral("--take"), QStringLiteral("merged")});
        QCOMPARE(merged.exitCode, 2); // the merged list breaks the limit: refused with a reason
        QVERIFY(merged.err.contains(QStringLiteral("list.too-many")));
        QCOMPARE(cli({QStringLiteral("conflicts"), QStringLiteral("resolve"), conflictId, QStringLiteral("--take"), QStringLiteral("theirs")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("sync")}).exitCode, 0);
        const QJsonObject local = localToken(QStringLiteral("Payment webhooks relay"));
        QCOMPARE(local.value(QStringLiteral("controls")).toObject().value(QStringLiteral("ip_ranges")).toArray().size(), 4);
        QCOMPARE(local.value(QStringLiteral("sync")).toString(), QStringLiteral("synced"));
    }

    void theirsMeansThePortalsLatestVersion()
    {
        const QString id = localToken(QStringLiteral("Shipping label service")).value(QStringLiteral("id")).toString();
        QCOMPARE(cli({QStringLiteral("set"), id, QStringLiteral("--name"), QStringLiteral("Labels (mine)")}).exitCode, 0);
        QCOMPARE(portalPatch(id, J("{'name':'Labels (theirs)'}")), 200);
        QCOMPARE(cli({QStringLiteral("sync")}).exitCode, 0);
        // The colleague changes it again while the conflict waits; a sync fetches that.
        QCOMPARE(portalPatch(id, J("{'status':'disabled'}")), 200);
        QCOMPARE(cli({QStringLiteral("sync")}).exitCode, 0);
        const QJsonArray conflicts = cli({QStringLiteral("conflicts"), QStringLiteral("--json")}).json().value(QStringLiteral("conflicts")).toArray();
        QCOMPARE(conflicts.size(), 1);
        const QString conflictId = QString::number(conflicts.first().toObject().value(QStringLiteral("id")).toInt());
        QCOMPARE(cli({QStringLiteral("conflicts"), QStringLiteral("resolve"), conflictId, QStringLiteral("--take"), QStringLiteral("theirs")}).exitCode, 0);
        const QJsonObject local = localToken(QStringLiteral("Labels (theirs)"));
        QCOMPARE(local.value(QStringLiteral("status")).toString(), QStringLiteral("disabled"));
        QCOMPARE(local.value(QStringLiteral("sync")).toString(), QStringLiteral("synced"));
    }

    void editsFromSeveralProcessesAtOnceAreAllKept()
    {
        const QStringList names = {QStringLiteral("Stock level feed"), QStringLiteral("CI smoke tests"),
                                   QStringLiteral("Fraud scoring"), QStringLiteral("Price comparison feed")};
        QStringList ids;
        for (const QString &name : names)
            ids.append(localToken(name).value(QStringLiteral("id")).toString());
        QList<QProcess *> running;
        const auto launch = [&](const QStringList &arguments) {
            auto *process = new QProcess(this);
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("TOKENDESK_WORKSPACE"), m_dir.filePath(QStringLiteral("ws.sqlite")));
            environment.insert(QStringLiteral("TOKENDESK_CLIENT_SECRET"), kSecret);
            process->setProcessEnvironment(environment);
            process->start(QStringLiteral(TOKENDESK_BINARY_DIR "/bin/tokendesk-cli"), arguments);
            running.append(process);
        };
        launch({QStringLiteral("sync")});
        for (int i = 0; i < ids.size(); ++i)
            launch({QStringLiteral("set"), ids.at(i), QStringLiteral("--name"), names.at(i) + QStringLiteral(" (renamed)")});
        launch({QStringLiteral("set"), ids.first(), QStringLiteral("--urls"), QStringLiteral("https://stock.example.com/feed")});
        launch({QStringLiteral("sync")});
        for (QProcess *process : running) {
            QVERIFY(process->waitForFinished(60000));
            QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
        }
        qDeleteAll(running);
        QCOMPARE(cli({QStringLiteral("sync")}).exitCode, 0);
        for (int i = 0; i < ids.size(); ++i)
            QCOMPARE(portalToken(ids.at(i)).value(QStringLiteral("name")).toString(), names.at(i) + QStringLiteral(" (renamed)"));
        QCOMPARE(portalToken(ids.first()).value(QStringLiteral("controls")).toObject().value(QStringLiteral("permitted_urls")).toArray().size(), 1);
    }

    void deletionOnThePortalReachesTheWorkspace()
    {
        const QString id = localToken(QStringLiteral("Wishlist sharing")).value(QStringLiteral("id")).toString();
        const QJsonObject token = portalToken(id);
        QCOMPARE(m_http->authorized(m_admin, "DELETE", QStringLiteral("/v1/tokens/") + id, {},
                                    {{"If-Match", '"' + QByteArray::number(token.value(QStringLiteral("version")).toInt()) + '"'}}).status, 204);
        QCOMPARE(cli({QStringLiteral("sync")}).exitCode, 0);
        QVERIFY(localToken(QStringLiteral("Wishlist sharing")).isEmpty());
    }

    void editOfATokenDeletedOnThePortalConflicts()
    {
        const QString id = localToken(QStringLiteral("Gift card balance")).value(QStringLiteral("id")).toString();
        QCOMPARE(cli({QStringLiteral("set"), id, QStringLiteral("--status"), QStringLiteral("disabled")}).exitCode, 0);
        const QJsonObject token = portalToken(id);
        QCOMPARE(m_http->authorized(m_admin, "DELETE", QStringLiteral("/v1/tokens/") + id, {},
                                    {{"If-Match", '"' + QByteArray::number(token.value(QStringLiteral("version")).toInt()) + '"'}}).status, 204);
        QCOMPARE(cli({QStringLiteral("sync")}).exitCode, 0);
        const QJsonArray conflicts = cli({QStringLiteral("conflicts"), QStringLiteral("--json")}).json().value(QStringLiteral("conflicts")).toArray();
        QCOMPARE(conflicts.size(), 1);
        QVERIFY(conflicts.first().toObject().value(QStringLiteral("theirs")).isNull());
        QVERIFY(conflicts.first().toObject().value(QStringLiteral("reason")).toString().contains(QStringLiteral("deleted")));
        const QString conflictId = QString::number(conflicts.first().toObject().value(QStringLiteral("id")).toInt());
        QCOMPARE(cli({QStringLiteral("conflicts"), QStringLiteral("resolve"), conflictId, QStringLiteral("--take"), QStringLiteral("theirs")}).exitCode, 0);
        QVERIFY(localToken(QStringLiteral("Gift card balance")).isEmpty());
    }

    void exportsHoldNoSecret()
    {
        const QString id = localToken(QStringLiteral("Checkout (staging)")).value(QStringLiteral("id")).toString();
        const QString value = m_http->authorized(m_admin, "POST", QStringLiteral("/v1/tokens/%1/reveal").arg(id)).json().value(QStringLiteral("value")).toString();
        QVERIFY(value.startsWith(QStringLiteral("tdk_")));
        for (const QString &format : {QStringLiteral("json"), QStringLiteral("csv")}) {
            const Run exported = cli({QStringLiteral("export"), QStringLiteral("--format"), format});
            QCOMPARE(exported.exitCode, 0);
            QVERIFY(exported.out.contains(QStringLiteral("Checkout (staging)")));
            QVERIFY(!exported.out.contains(value));
            QVERIFY(!exported.out.contains(kSecret));
        }
        QFile workspace(m_dir.filePath(QStringLiteral("ws.sqlite")));
        QVERIFY(workspace.open(QIODevice::ReadOnly));
        const QByteArray bytes = workspace.readAll();
        QVERIFY(!bytes.contains(kSecret.toUtf8()));
        QVERIFY(!bytes.contains(value.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestSyncCli)
#include "tst_sync_cli.moc"
