// The contract from the outside: curl (a client the project did not write) authenticates,
// lists, patches with If-Match and gets 412 on a stale version from the sandbox.

#include "SandboxProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

class TestPortalCurl : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    QString m_curl;

    struct Result
    {
        int status = 0;
        QByteArray headers;
        QByteArray body;
    };

    Result curl(const QStringList &arguments)
    {
        QProcess process;
        // -sS: quiet but with errors; -D -: headers first on stdout; the status at the end.
        process.start(m_curl, QStringList{QStringLiteral("-sS"), QStringLiteral("-D"), QStringLiteral("-"),
                                          QStringLiteral("-w"), QStringLiteral("\n%{http_code}")} +
                                  arguments);
        process.waitForFinished(30000);
        QByteArray out = process.readAllStandardOutput();
        Result result;
        const int last = out.lastIndexOf('\n');
        result.status = out.mid(last + 1).toInt();
        out.truncate(last);
        const int split = out.indexOf("\r\n\r\n");
        result.headers = out.left(split);
        result.body = out.mid(split + 4);
        return result;
    }
    QString api(const QString &path) const { return m_sandbox.url().toString() + path; }

private Q_SLOTS:
    void initTestCase()
    {
        m_curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
        QVERIFY2(!m_curl.isEmpty(), "curl is not installed: run scripts/dev.sh deps");
        QVERIFY(m_sandbox.start({QStringLiteral("--seed"), QStringLiteral("demo"), QStringLiteral("--client"),
                                 QStringLiteral("ops:ops-secret:consumer")}));
    }

    void scenario()
    {
        // 1. Client credentials.
        const Result token = curl({QStringLiteral("-u"), QStringLiteral("ops:ops-secret"), QStringLiteral("-d"),
                                   QStringLiteral("grant_type=client_credentials"), api(QStringLiteral("/oauth2/token"))});
        QCOMPARE(token.status, 200);
        const QString accessToken = QJsonDocument::fromJson(token.body).object().value(QStringLiteral("access_token")).toString();
        QVERIFY(!accessToken.isEmpty());
        const QString bearer = QStringLiteral("Authorization: Bearer ") + accessToken;

        // 2. List deployments and the tokens of the first.
        const Result deployments = curl({QStringLiteral("-H"), bearer, api(QStringLiteral("/v1/deployments"))});
        QCOMPARE(deployments.status, 200);
        const QString deployment = QJsonDocument::fromJson(deployments.body).object().value(QStringLiteral("items"))
                                       .toArray().first().toObject().value(QStringLiteral("id")).toString();
        const Result tokens = curl({QStringLiteral("-H"), bearer,
                                    api(QStringLiteral("/v1/deployments/%1/tokens?limit=5").arg(deployment))});
        QCOMPARE(tokens.status, 200);
        QVERIFY(tokens.headers.contains("ETag: \""));
        const QJsonObject first = QJsonDocument::fromJson(tokens.body).object().value(QStringLiteral("items"))
                                      .toArray().first().toObject();
        const QString id = first.value(QStringLiteral("id")).toString();
        const QString version = QString::number(first.value(QStringLiteral("version")).toInt());

        // 3. Patch with If-Match: accepted, version + 1.
        const QString body = QStringLiteral("{\"controls\":{\"cors_origins\":[\"https://shop.example.com\"]}}");
        const QStringList patch = {QStringLiteral("-X"), QStringLiteral("PATCH"), QStringLiteral("-H"), bearer,
                                   QStringLiteral("-H"), QStringLiteral("Content-Type: application/merge-patch+json"),
                                   QStringLiteral("-d"), body};
        const Result patched = curl(patch + QStringList{QStringLiteral("-H"), QStringLiteral("If-Match: \"%1\"").arg(version),
                                                        api(QStringLiteral("/v1/tokens/") + id)});
        QCOMPARE(patched.status, 200);
        QCOMPARE(QJsonDocument::fromJson(patched.body).object().value(QStringLiteral("version")).toInt(),
                 version.toInt() + 1);

        // 4. The same If-Match again is stale now: 412 problem details with the current version.
        const Result stale = curl(patch + QStringList{QStringLiteral("-H"), QStringLiteral("If-Match: \"%1\"").arg(version),
                                                      api(QStringLiteral("/v1/tokens/") + id)});
        QCOMPARE(stale.status, 412);
        QVERIFY(stale.headers.contains("Content-Type: application/problem+json"));
        QCOMPARE(QJsonDocument::fromJson(stale.body).object().value(QStringLiteral("current_version")).toInt(),
                 version.toInt() + 1);

        // 5. Without If-Match: 428.
        const Result missing = curl(patch + QStringList{api(QStringLiteral("/v1/tokens/") + id)});
        QCOMPARE(missing.status, 428);
    }
};

QTEST_GUILESS_MAIN(TestPortalCurl)
#include "tst_portal_curl.moc"
