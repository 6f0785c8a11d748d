// The sandbox portal over real HTTP: every endpoint of docs/portal-api.yaml, roles,
// preconditions, pagination, ETags, incremental pulls, idempotency, faults and restarts.

#include "HttpProbe.h"
#include "SandboxProcess.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QStringList kClients = {QStringLiteral("--client"), QStringLiteral("admin:admin-secret:administrator"),
                              QStringLiteral("--client"), QStringLiteral("editor:editor-secret:consumer"),
                              QStringLiteral("--client"), QStringLiteral("reader:reader-secret:consumer_reader")};

// JSON written with single quotes, to keep the tables readable.
QByteArray J(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

QByteArray quoted(qint64 version)
{
    return '"' + QByteArray::number(version) + '"';
}

QStringList rulesOf(const QJsonObject &problem)
{
    QStringList rules;
    for (const QJsonValue &error : problem.value(QStringLiteral("errors")).toArray())
        rules.append(error.toObject().value(QStringLiteral("rule")).toString());
    return rules;
}

} // namespace

class TestSandboxApi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_data;
    SandboxProcess m_sandbox;
    std::unique_ptr<HttpProbe> m_http;
    QString m_admin;
    QString m_editor;
    QString m_reader;

    QJsonObject firstToken()
    {
        const auto page = m_http->authorized(m_admin, "GET",
                                             QStringLiteral("/v1/deployments/dep_load/tokens?limit=1"));
        return page.json().value(QStringLiteral("items")).toArray().first().toObject();
    }
    QString tokenPath(const QJsonObject &token)
    {
        return QStringLiteral("/v1/tokens/") + token.value(QStringLiteral("id")).toString();
    }
    qint64 versionOf(const QJsonObject &token)
    {
        return qint64(token.value(QStringLiteral("version")).toDouble());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        QVERIFY2(m_sandbox.start(QStringList{QStringLiteral("--data"), m_data.path(),
                                             QStringLiteral("--seed"), QStringLiteral("1000"),
                                             QStringLiteral("--token-ttl"), QStringLiteral("600")} +
                                 kClients),
                 qPrintable(m_sandbox.error()));
        QCOMPARE(m_sandbox.url().host(), QStringLiteral("127.0.0.1"));
        m_http = std::make_unique<HttpProbe>(m_sandbox.url());
        m_admin = m_http->accessToken(QStringLiteral("admin"), QStringLiteral("admin-secret"));
        m_editor = m_http->accessToken(QStringLiteral("editor"), QStringLiteral("editor-secret"));
        m_reader = m_http->accessToken(QStringLiteral("reader"), QStringLiteral("reader-secret"));
        QVERIFY(!m_admin.isEmpty() && !m_editor.isEmpty() && !m_reader.isEmpty());
    }

    void tokenEndpointFollowsOAuth()
    {
        const QByteArray form = "grant_type=client_credentials";
        const auto good = m_http->send("POST", QStringLiteral("/oauth2/token"), form,
                                       {{"Authorization", "Basic " + QByteArray("admin:admin-secret").toBase64()}});
        QCOMPARE(good.status, 200);
        QCOMPARE(good.json().value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(good.json().value(QStringLiteral("expires_in")).toInt(), 600);
        QCOMPARE(good.header("Cache-Control"), QByteArray("no-store"));

        const auto wrong = m_http->send("POST", QStringLiteral("/oauth2/token"), form,
                                        {{"Authorization", "Basic " + QByteArray("admin:nope").toBase64()}});
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_client"));
        QVERIFY(wrong.header("WWW-Authenticate").startsWith("Basic"));

        const auto grant = m_http->send("POST", QStringLiteral("/oauth2/token"), "grant_type=password",
                                        {{"Authorization", "Basic " + QByteArray("admin:admin-secret").toBase64()}});
        QCOMPARE(grant.status, 400);
        QCOMPARE(grant.json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("unsupported_grant_type"));
        const auto missing = m_http->send("POST", QStringLiteral("/oauth2/token"), QByteArray(),
                                          {{"Authorization", "Basic " + QByteArray("admin:admin-secret").toBase64()}});
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_request"));
    }

    void bearerTokenIsRequired()
    {
        const auto none = m_http->send("GET", QStringLiteral("/v1/me"));
        QCOMPARE(none.status, 401);
        QCOMPARE(none.header("Content-Type"), QByteArray("application/problem+json"));
        QCOMPARE(none.json().value(QStringLiteral("type")).toString(),
                 QStringLiteral("urn:tokendesk:problem:unauthorized"));
        const auto bogus = m_http->authorized(QStringLiteral("not-a-token"), "GET", QStringLiteral("/v1/me"));
        QCOMPARE(bogus.status, 401);
    }

    void meReportsRoleAndAccount()
    {
        const auto admin = m_http->authorized(m_admin, "GET", QStringLiteral("/v1/me"));
        QCOMPARE(admin.status, 200);
        QCOMPARE(admin.json().value(QStringLiteral("role")).toString(), QStringLiteral("administrator"));
        QCOMPARE(admin.json().value(QStringLiteral("account")).toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("acc_load"));
        const auto reader = m_http->authorized(m_reader, "GET", QStringLiteral("/v1/me"));
        QCOMPARE(reader.json().value(QStringLiteral("role")).toString(), QStringLiteral("consumer_reader"));
    }

    void deploymentsAndLicenses()
    {
        const auto deployments = m_http->authorized(m_admin, "GET", QStringLiteral("/v1/deployments"));
        QCOMPARE(deployments.status, 200);
        const QJsonArray items = deployments.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().toObject().value(QStringLiteral("token_count")).toInt(), 1000);
        QVERIFY(deployments.json().value(QStringLiteral("next_cursor")).isNull());
        const auto licenses = m_http->authorized(m_admin, "GET", QStringLiteral("/v1/deployments/dep_load/licenses"));
        QCOMPARE(licenses.status, 200);
        QVERIFY(licenses.json().value(QStringLiteral("items")).isArray());
        const auto missing = m_http->authorized(m_admin, "GET", QStringLiteral("/v1/deployments/dep_nope/licenses"));
        QCOMPARE(missing.status, 404);
    }

    void paginationVisitsEveryTokenOnce()
    {
        QSet<QString> seen;
        QString cursor;
        int pages = 0;
        do {
            QString path = QStringLiteral("/v1/deployments/dep_load/tokens?limit=100");
            if (!cursor.isEmpty())
                path += QStringLiteral("&cursor=") + cursor;
            const auto page = m_http->authorized(m_reader, "GET", path);
            QCOMPARE(page.status, 200);
            const QJsonArray items = page.json().value(QStringLiteral("items")).toArray();
            QVERIFY(items.size() <= 100);
            for (const QJsonValue &item : items) {
                const QJsonObject token = item.toObject();
                QVERIFY(!token.contains(QStringLiteral("value")));
                QVERIFY(token.value(QStringLiteral("masked_value")).toString().contains(QStringLiteral("••••")));
                seen.insert(token.value(QStringLiteral("id")).toString());
            }
            cursor = page.json().value(QStringLiteral("next_cursor")).toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 50);
        QCOMPARE(pages, 10);
        QCOMPARE(seen.size(), 1000);
    }

    void badListParametersAre400_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("limit 0") << QStringLiteral("limit=0");
        QTest::newRow("limit 501") << QStringLiteral("limit=501");
        QTest::newRow("limit text") << QStringLiteral("limit=ten");
        QTest::newRow("cursor garbage") << QStringLiteral("cursor=%%%");
        QTest::newRow("since not a time") << QStringLiteral("updated_since=yesterday");
        QTest::newRow("since without zone") << QStringLiteral("updated_since=2026-01-01T00:00:00");
    }
    void badListParametersAre400()
    {
        QFETCH(QString, query);
        const auto reply = m_http->authorized(m_admin, "GET",
                                              QStringLiteral("/v1/deployments/dep_load/tokens?") + query);
        QCOMPARE(reply.status, 400);
        QVERIFY(rulesOf(reply.json()).contains(QStringLiteral("request.invalid-parameter")));
    }

    void cursorBelongsToItsQuery()
    {
        const auto first = m_http->authorized(m_admin, "GET", QStringLiteral("/v1/deployments/dep_load/tokens?limit=5"));
        const QString cursor = first.json().value(QStringLiteral("next_cursor")).toString();
        QVERIFY(!cursor.isEmpty());
        const auto other = m_http->authorized(
            m_admin, "GET",
            QStringLiteral("/v1/deployments/dep_load/tokens?limit=5&updated_since=2020-01-01T00:00:00.000Z&cursor=") + cursor);
        QCOMPARE(other.status, 400);
    }

    void etagsGive304UntilSomethingChanges()
    {
        const QString path = QStringLiteral("/v1/deployments/dep_load/tokens?limit=500");
        const auto first = m_http->authorized(m_admin, "GET", path);
        const QByteArray etag = first.header("ETag");
        QVERIFY(etag.startsWith('"'));
        const auto again = m_http->authorized(m_admin, "GET", path, {}, {{"If-None-Match", etag}});
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());

        const QJsonObject token = firstToken();
        const auto single = m_http->authorized(m_admin, "GET", tokenPath(token));
        QCOMPARE(single.header("ETag"), quoted(versionOf(token)));
        QCOMPARE(m_http->authorized(m_admin, "GET", tokenPath(token), {}, {{"If-None-Match", single.header("ETag")}}).status, 304);

        const auto patched = m_http->authorized(m_editor, "PATCH", tokenPath(token), J("{'name':'Renamed for ETag'}"),
                                                {{"If-Match", quoted(versionOf(token))}});
        QCOMPARE(patched.status, 200);
        const auto changed = m_http->authorized(m_admin, "GET", path, {}, {{"If-None-Match", etag}});
        QCOMPARE(changed.status, 200);
        QVERIFY(changed.header("ETag") != etag);
    }

    void incrementalPullShowsChangesAndTombstones()
    {
        const QString base = QStringLiteral("/v1/deployments/dep_load/tokens");
        const auto full = m_http->authorized(m_admin, "GET", base + QStringLiteral("?limit=3"));
        const QString asOf = full.json().value(QStringLiteral("as_of")).toString();
        QVERIFY(!asOf.isEmpty());
        const QJsonArray items = full.json().value(QStringLiteral("items")).toArray();
        const QJsonObject changed = items.at(1).toObject();
        const QJsonObject deleted = items.at(2).toObject();
        QTest::qWait(5); // a change strictly after as_of

        // A real change (a status it might already have would change nothing).
        QCOMPARE(m_http->authorized(m_editor, "PATCH", tokenPath(changed), J("{'name':'Changed after as_of'}"),
                                    {{"If-Match", quoted(versionOf(changed))}}).status, 200);
        QCOMPARE(m_http->authorized(m_admin, "DELETE", tokenPath(deleted), {},
                                    {{"If-Match", quoted(versionOf(deleted))}}).status, 204);

        const auto delta = m_http->authorized(
            m_admin, "GET", base + QStringLiteral("?updated_since=") + QString::fromLatin1(QUrl::toPercentEncoding(asOf)));
        QCOMPARE(delta.status, 200);
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue &item : delta.json().value(QStringLiteral("items")).toArray())
            byId.insert(item.toObject().value(QStringLiteral("id")).toString(), item.toObject());
        QVERIFY2(byId.contains(changed.value(QStringLiteral("id")).toString()),
                 qPrintable(asOf + QLatin1Char(' ') + QString::fromUtf8(delta.body.left(600))));
        QCOMPARE(byId.value(changed.value(QStringLiteral("id")).toString()).value(QStringLiteral("name")).toString(),
                 QStringLiteral("Changed after as_of"));
        const QJsonObject tombstone = byId.value(deleted.value(QStringLiteral("id")).toString());
        QCOMPARE(tombstone.value(QStringLiteral("deleted")).toBool(), true);
        QCOMPARE(versionOf(tombstone), versionOf(deleted) + 1);
        QVERIFY(!byId.contains(items.at(0).toObject().value(QStringLiteral("id")).toString()));

        // Live lists never show tombstones.
        const auto live = m_http->authorized(m_admin, "GET", base + QStringLiteral("?limit=500"));
        for (const QJsonValue &item : live.json().value(QStringLiteral("items")).toArray())
            QVERIFY(!item.toObject().contains(QStringLiteral("deleted")));
        QCOMPARE(m_http->authorized(m_admin, "GET", tokenPath(deleted)).status, 404);
        QCOMPARE(m_http->authorized(m_admin, "DELETE", tokenPath(deleted), {}, {{"If-Match", "*"}}).status, 404);
    }

    void patchNeedsCurrentVersion()
    {
        const QJsonObject token = firstToken();
        const auto noIfMatch = m_http->authorized(m_editor, "PATCH", tokenPath(token), J("{'name':'x'}"));
        QCOMPARE(noIfMatch.status, 428);
        const auto stale = m_http->authorized(m_editor, "PATCH", tokenPath(token), J("{'name':'x'}"),
                                              {{"If-Match", quoted(versionOf(token) - 1)}});
        QCOMPARE(stale.status, 412);
        QCOMPARE(qint64(stale.json().value(QStringLiteral("current_version")).toDouble()), versionOf(token));
        const auto wrongType = m_http->authorized(m_editor, "PATCH", tokenPath(token), J("{'name':'x'}"),
                                                  {{"If-Match", quoted(versionOf(token))}, {"Content-Type", "text/plain"}});
        QCOMPARE(wrongType.status, 415);
    }

    void patchBodyIsChecked_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("index");
        QTest::newRow("not json") << QByteArray("{") << 400 << "request.invalid-json" << "" << -1;
        QTest::newRow("unknown field") << QByteArray(J("{'colour':'red'}")) << 400 << "request.unknown-field" << "colour" << -1;
        QTest::newRow("read-only") << QByteArray(J("{'version':9}")) << 400 << "request.read-only-field" << "version" << -1;
        QTest::newRow("wrong type") << QByteArray(J("{'controls':{'ip_ranges':'10.0.0.0/8'}}")) << 400 << "request.invalid-type" << "controls.ip_ranges" << -1;
        QTest::newRow("empty name") << QByteArray(J("{'name':'  '}")) << 422 << "token.name-empty" << "name" << -1;
        QTest::newRow("bad status") << QByteArray(J("{'status':'paused'}")) << 422 << "token.status-invalid" << "status" << -1;
        QTest::newRow("origin with path") << QByteArray(J("{'controls':{'cors_origins':['https://a.example.com','https://b.example.com/app']}}"))
                                          << 422 << "origin.has-path" << "controls.cors_origins" << 1;
        QTest::newRow("host bits") << QByteArray(J("{'controls':{'ip_ranges':['10.0.0.1/8']}}")) << 422 << "ip.host-bits-set" << "controls.ip_ranges" << 0;
        QTest::newRow("six entries") << QByteArray(J("{'controls':{'ip_ranges':['203.0.113.1','203.0.113.2','203.0.113.3','203.0.113.4','203.0.113.5','203.0.113.6']}}"))
                                     << 422 << "list.too-many" << "controls.ip_ranges" << 5;
        QTest::newRow("empty entry") << QByteArray(J("{'controls':{'permitted_urls':['']}}")) << 422 << "entry.empty" << "controls.permitted_urls" << 0;
        QTest::newRow("label key") << QByteArray(J("{'labels':{'Bad Key':'x'}}")) << 422 << "labels.key-invalid" << "labels.Bad Key" << -1;
    }
    void patchBodyIsChecked()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, rule);
        QFETCH(QString, field);
        QFETCH(int, index);
        const QJsonObject token = firstToken();
        const auto reply = m_http->authorized(m_editor, "PATCH", tokenPath(token), body,
                                              {{"If-Match", quoted(versionOf(token))}});
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/problem+json"));
        const QJsonArray errors = reply.json().value(QStringLiteral("errors")).toArray();
        bool found = false;
        for (const QJsonValue &value : errors) {
            const QJsonObject error = value.toObject();
            if (error.value(QStringLiteral("rule")).toString() != rule)
                continue;
            found = true;
            if (!field.isEmpty())
                QCOMPARE(error.value(QStringLiteral("field")).toString(), field);
            QCOMPARE(error.value(QStringLiteral("index")).toInt(-1), index);
            QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
        }
        QVERIFY2(found, reply.body.constData());
        // Nothing was applied.
        QCOMPARE(versionOf(m_http->authorized(m_admin, "GET", tokenPath(token)).json()), versionOf(token));
    }

    void patchAppliesAndAcceptsWarnings()
    {
        const QJsonObject token = firstToken();
        const QByteArray body = J("{'controls':{'cors_origins':['http://localhost:3000'],'ip_ranges':null},'labels':{'environment':'development','usage_model':null}}");
        const auto reply = m_http->authorized(m_editor, "PATCH", tokenPath(token), body,
                                              {{"If-Match", quoted(versionOf(token))}, {"Content-Type", "application/merge-patch+json"}});
        QCOMPARE(reply.status, 200);
        const QJsonObject updated = reply.json();
        QCOMPARE(versionOf(updated), versionOf(token) + 1);
        QCOMPARE(reply.header("ETag"), quoted(versionOf(token) + 1));
        QCOMPARE(updated.value(QStringLiteral("controls")).toObject().value(QStringLiteral("cors_origins")).toArray().first().toString(),
                 QStringLiteral("http://localhost:3000"));
        QVERIFY(updated.value(QStringLiteral("controls")).toObject().value(QStringLiteral("ip_ranges")).toArray().isEmpty());
        QCOMPARE(updated.value(QStringLiteral("labels")).toObject().value(QStringLiteral("environment")).toString(),
                 QStringLiteral("development"));
        QVERIFY(!updated.value(QStringLiteral("labels")).toObject().contains(QStringLiteral("usage_model")));

        // The same values again change nothing: no new version.
        const auto again = m_http->authorized(m_editor, "PATCH", tokenPath(token), J("{'labels':{'environment':'development'}}"),
                                              {{"If-Match", quoted(versionOf(updated))}});
        QCOMPARE(again.status, 200);
        QCOMPARE(versionOf(again.json()), versionOf(updated));
    }

    void createIsIdempotentWithAKey()
    {
        const QString path = QStringLiteral("/v1/deployments/dep_load/tokens");
        const QByteArray body = J("{'name':'Created once','kind':'integration','controls':{'ip_ranges':['203.0.113.0/28']},'labels':{'environment':'test'}}");
        const auto first = m_http->authorized(m_admin, "POST", path, body, {{"Idempotency-Key", "create-1"}});
        QCOMPARE(first.status, 201);
        const QString id = first.json().value(QStringLiteral("id")).toString();
        QVERIFY(id.startsWith(QStringLiteral("tok_")));
        QCOMPARE(first.header("Location"), QByteArray("/v1/tokens/") + id.toLatin1());
        QCOMPARE(versionOf(first.json()), 1);

        const auto replay = m_http->authorized(m_admin, "POST", path, body, {{"Idempotency-Key", "create-1"}});
        QCOMPARE(replay.status, 201);
        QCOMPARE(replay.json().value(QStringLiteral("id")).toString(), id);
        QCOMPARE(replay.header("Idempotent-Replayed"), QByteArray("true"));

        const auto reused = m_http->authorized(m_admin, "POST", path, J("{'name':'Other','kind':'api'}"),
                                               {{"Idempotency-Key", "create-1"}});
        QCOMPARE(reused.status, 422);
        QCOMPARE(reused.json().value(QStringLiteral("type")).toString(),
                 QStringLiteral("urn:tokendesk:problem:idempotency-key-reused"));

        const auto noKind = m_http->authorized(m_admin, "POST", path, J("{'name':'No kind'}"));
        QCOMPARE(noKind.status, 422);
        QVERIFY(rulesOf(noKind.json()).contains(QStringLiteral("token.kind-invalid")));
        const auto badKey = m_http->authorized(m_admin, "POST", path, body, {{"Idempotency-Key", "has space"}});
        QCOMPARE(badKey.status, 400);
        QCOMPARE(m_http->authorized(m_admin, "POST", QStringLiteral("/v1/deployments/dep_nope/tokens"), body).status, 404);
    }

    void rolesAreEnforced()
    {
        const QJsonObject token = firstToken();
        const QList<QPair<QByteArray, QByteArray>> ifMatch = {{"If-Match", quoted(versionOf(token))}};
        const QString create = QStringLiteral("/v1/deployments/dep_load/tokens");
        const QByteArray draft = J("{'name':'Not allowed','kind':'api'}");
        // consumer_reader: read only, no reveal.
        QCOMPARE(m_http->authorized(m_reader, "PATCH", tokenPath(token), J("{'name':'x'}"), ifMatch).status, 403);
        QCOMPARE(m_http->authorized(m_reader, "POST", create, draft).status, 403);
        QCOMPARE(m_http->authorized(m_reader, "DELETE", tokenPath(token), {}, ifMatch).status, 403);
        QCOMPARE(m_http->authorized(m_reader, "POST", tokenPath(token) + QStringLiteral("/reveal")).status, 403);
        QCOMPARE(m_http->authorized(m_reader, "POST", tokenPath(token) + QStringLiteral("/regenerate-secret"), {}, ifMatch).status, 403);
        QCOMPARE(m_http->authorized(m_reader, "GET", tokenPath(token)).status, 200);
        // consumer: edits and reveals, but neither creates nor deletes.
        QCOMPARE(m_http->authorized(m_editor, "POST", create, draft).status, 403);
        QCOMPARE(m_http->authorized(m_editor, "DELETE", tokenPath(token), {}, ifMatch).status, 403);
        QCOMPARE(m_http->authorized(m_editor, "POST", tokenPath(token) + QStringLiteral("/reveal")).status, 200);
    }

    void revealIsTheOnlyPlaceOfTheValue()
    {
        const QJsonObject token = firstToken();
        const auto reveal = m_http->authorized(m_admin, "POST", tokenPath(token) + QStringLiteral("/reveal"));
        QCOMPARE(reveal.status, 200);
        QCOMPARE(reveal.header("Cache-Control"), QByteArray("no-store"));
        const QString value = reveal.json().value(QStringLiteral("value")).toString();
        QVERIFY(value.startsWith(QStringLiteral("tdk_")));
        QVERIFY(value.size() > 30);
        const QString masked = token.value(QStringLiteral("masked_value")).toString();
        QVERIFY(masked.endsWith(value.right(4)));
        const auto list = m_http->authorized(m_admin, "GET", QStringLiteral("/v1/deployments/dep_load/tokens?limit=500"));
        QVERIFY(!list.body.contains(value.toUtf8()));
        QVERIFY(!m_http->authorized(m_admin, "GET", tokenPath(token)).body.contains(value.toUtf8()));
    }

    void regenerateOnlyForOAuth()
    {
        const auto page = m_http->authorized(m_admin, "GET", QStringLiteral("/v1/deployments/dep_load/tokens?limit=20"));
        QJsonObject oauth;
        QJsonObject api;
        for (const QJsonValue &item : page.json().value(QStringLiteral("items")).toArray()) {
            const QString kind = item.toObject().value(QStringLiteral("kind")).toString();
            if (kind == QLatin1String("oauth") && oauth.isEmpty())
                oauth = item.toObject();
            if (kind == QLatin1String("api") && api.isEmpty())
                api = item.toObject();
        }
        QVERIFY(!oauth.isEmpty() && !api.isEmpty());
        const auto refused = m_http->authorized(m_admin, "POST", tokenPath(api) + QStringLiteral("/regenerate-secret"), {},
                                                {{"If-Match", quoted(versionOf(api))}});
        QCOMPARE(refused.status, 409);
        QVERIFY(rulesOf(refused.json()).contains(QStringLiteral("token.kind-not-oauth")));

        const QString before = m_http->authorized(m_admin, "POST", tokenPath(oauth) + QStringLiteral("/reveal"))
                                   .json().value(QStringLiteral("value")).toString();
        QCOMPARE(m_http->authorized(m_admin, "POST", tokenPath(oauth) + QStringLiteral("/regenerate-secret")).status, 428);
        const auto regenerated = m_http->authorized(m_admin, "POST", tokenPath(oauth) + QStringLiteral("/regenerate-secret"), {},
                                                    {{"If-Match", quoted(versionOf(oauth))}});
        QCOMPARE(regenerated.status, 200);
        QCOMPARE(versionOf(regenerated.json()), versionOf(oauth) + 1);
        QVERIFY(regenerated.json().value(QStringLiteral("rotated_at")).toString() >
                oauth.value(QStringLiteral("rotated_at")).toString());
        const QString after = m_http->authorized(m_admin, "POST", tokenPath(oauth) + QStringLiteral("/reveal"))
                                  .json().value(QStringLiteral("value")).toString();
        QVERIFY(!after.isEmpty());
        QVERIFY(after != before);
    }

    void unknownPathsAndMethods()
    {
        const auto method = m_http->authorized(m_admin, "PUT", QStringLiteral("/v1/me"));
        QCOMPARE(method.status, 405);
        QCOMPARE(method.header("Allow"), QByteArray("GET"));
        const auto tokens = m_http->authorized(m_admin, "PUT", QStringLiteral("/v1/deployments/dep_load/tokens"));
        QCOMPARE(tokens.status, 405);
        QCOMPARE(tokens.header("Allow"), QByteArray("GET, POST"));
        const auto path = m_http->authorized(m_admin, "GET", QStringLiteral("/v2/everything"));
        QCOMPARE(path.status, 404);
        QCOMPARE(path.json().value(QStringLiteral("status")).toInt(), 404);
    }

    void dataSurvivesRestartButAccessTokensDoNot()
    {
        const auto created = m_http->authorized(m_admin, "POST", QStringLiteral("/v1/deployments/dep_load/tokens"),
                                                J("{'name':'Survivor','kind':'api'}"));
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(QStringLiteral("id")).toString();
        const quint16 port = m_sandbox.port();
        QCOMPARE(m_sandbox.stop(), 0);
        QVERIFY(m_sandbox.log().contains(QStringLiteral("stopped")));

        SandboxProcess again;
        QVERIFY2(again.start(QStringList{QStringLiteral("--data"), m_data.path(), QStringLiteral("--seed"),
                                         QStringLiteral("1000"), QStringLiteral("--listen"),
                                         QStringLiteral("127.0.0.1:%1").arg(port)} + kClients),
                 qPrintable(again.error()));
        HttpProbe http(again.url());
        QCOMPARE(http.authorized(m_admin, "GET", QStringLiteral("/v1/me")).status, 401);
        const QString fresh = http.accessToken(QStringLiteral("admin"), QStringLiteral("admin-secret"));
        const auto survivor = http.authorized(fresh, "GET", QStringLiteral("/v1/tokens/") + id);
        QCOMPARE(survivor.status, 200);
        QCOMPARE(survivor.json().value(QStringLiteral("name")).toString(), QStringLiteral("Survivor"));
        // The seed is not applied twice.
        const auto deployments = http.authorized(fresh, "GET", QStringLiteral("/v1/deployments"));
        QCOMPARE(deployments.json().value(QStringLiteral("items")).toArray().size(), 1);
        QCOMPARE(again.stop(), 0);
    }

    void demoSeedIsRealistic()
    {
        SandboxProcess demo;
        QVERIFY2(demo.start({QStringLiteral("--seed"), QStringLiteral("demo"), QStringLiteral("--client"),
                             QStringLiteral("admin:pw:administrator")}),
                 qPrintable(demo.error()));
        HttpProbe http(demo.url());
        const QString token = http.accessToken(QStringLiteral("admin"), QStringLiteral("pw"));
        const QJsonArray deployments = http.authorized(token, "GET", QStringLiteral("/v1/deployments"))
                                           .json().value(QStringLiteral("items")).toArray();
        QCOMPARE(deployments.size(), 3);
        int tokens = 0;
        int overdue = 0;
        QSet<QString> kinds;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const QJsonValue &deployment : deployments) {
            const QString id = deployment.toObject().value(QStringLiteral("id")).toString();
            const auto page = http.authorized(token, "GET", QStringLiteral("/v1/deployments/%1/tokens?limit=500").arg(id));
            for (const QJsonValue &item : page.json().value(QStringLiteral("items")).toArray()) {
                ++tokens;
                kinds.insert(item.toObject().value(QStringLiteral("kind")).toString());
                const QDateTime rotated = QDateTime::fromString(item.toObject().value(QStringLiteral("rotated_at")).toString(), Qt::ISODateWithMs);
                if (rotated.daysTo(now) > 90)
                    ++overdue;
            }
            QVERIFY(!http.authorized(token, "GET", QStringLiteral("/v1/deployments/%1/licenses").arg(id))
                         .json().value(QStringLiteral("items")).toArray().isEmpty());
        }
        QVERIFY2(tokens >= 35 && tokens <= 45, qPrintable(QString::number(tokens)));
        QCOMPARE(kinds.size(), 3);
        QVERIFY(overdue >= 5);
        QVERIFY(overdue < tokens);
    }

    void faultsAreInjected()
    {
        SandboxProcess faulty;
        QVERIFY(faulty.start({QStringLiteral("--fault-rate"), QStringLiteral("1"), QStringLiteral("--client"),
                              QStringLiteral("a:b:administrator")}));
        HttpProbe http(faulty.url());
        for (int i = 0; i < 6; ++i) {
            const auto reply = http.send("GET", QStringLiteral("/v1/me"));
            QVERIFY2(reply.status == 500 || reply.status == 503, qPrintable(QString::number(reply.status)));
            if (reply.status == 503)
                QCOMPARE(reply.header("Retry-After"), QByteArray("1"));
        }
    }

    void rateLimitAnswers429WithRetryAfter()
    {
        SandboxProcess limited;
        QVERIFY(limited.start({QStringLiteral("--rate-limit"), QStringLiteral("60"), QStringLiteral("--client"),
                               QStringLiteral("a:b:administrator")}));
        HttpProbe http(limited.url());
        int ok = 0;
        int limitedCount = 0;
        for (int i = 0; i < 15; ++i) {
            const auto reply = http.send("GET", QStringLiteral("/v1/me"));
            if (reply.status == 429) {
                ++limitedCount;
                QVERIFY(reply.header("Retry-After").toInt() >= 1);
                QCOMPARE(reply.json().value(QStringLiteral("type")).toString(),
                         QStringLiteral("urn:tokendesk:problem:rate-limited"));
            } else {
                QCOMPARE(reply.status, 401);
                ++ok;
            }
        }
        QVERIFY(ok >= 10); // ten seconds' worth of a 60-per-minute limit
        QVERIFY(limitedCount >= 1);
    }

    void droppedResponsesStillTakeEffect()
    {
        SandboxProcess dropping;
        QVERIFY(dropping.start({QStringLiteral("--drop-rate"), QStringLiteral("1"), QStringLiteral("--seed"),
                                QStringLiteral("3"), QStringLiteral("--client"), QStringLiteral("a:b:administrator")}));
        HttpProbe http(dropping.url());
        const auto token = http.send("POST", QStringLiteral("/oauth2/token"), "grant_type=client_credentials",
                                     {{"Authorization", "Basic " + QByteArray("a:b").toBase64()}});
        QVERIFY2(token.networkError != 0, "the response should have been cut");
        QVERIFY(dropping.log().contains(QStringLiteral("dropped")));
    }

    void latencyDelaysResponses()
    {
        SandboxProcess slow;
        QVERIFY(slow.start({QStringLiteral("--latency-ms"), QStringLiteral("300"), QStringLiteral("--client"),
                            QStringLiteral("a:b:administrator")}));
        HttpProbe http(slow.url());
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(http.send("GET", QStringLiteral("/v1/me")).status, 401);
        QVERIFY(timer.elapsed() >= 300); // a lower bound only: the sandbox sleeps at least this long
    }

    void badFlagsAreRefusedClearly_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QStringList client = {QStringLiteral("--client"), QStringLiteral("a:b:administrator")};
        QTest::newRow("public address") << (QStringList{QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")} + client) << "loopback";
        QTest::newRow("no port") << (QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1")} + client) << "HOST:PORT";
        QTest::newRow("no client") << QStringList{} << "--client";
        QTest::newRow("bad role") << QStringList{QStringLiteral("--client"), QStringLiteral("a:b:root")} << "ROLE";
        QTest::newRow("rate above 1") << (QStringList{QStringLiteral("--fault-rate"), QStringLiteral("2")} + client) << "--fault-rate";
        QTest::newRow("bad seed") << (QStringList{QStringLiteral("--seed"), QStringLiteral("lots")} + client) << "--seed";
        QTest::newRow("unknown flag") << (QStringList{QStringLiteral("--turbo")} + client) << "turbo";
    }
    void badFlagsAreRefusedClearly()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QProcess process;
        process.start(SandboxProcess::binaryPath(), arguments);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(message), qPrintable(err));
        QVERIFY(process.readAllStandardOutput().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSandboxApi)
#include "tst_sandbox_api.moc"
