// The portal client (HttpPortalBackend) against the real sandbox over loopback: listing,
// writes, token refresh, retries under faults, idempotent creates with lost responses,
// timeouts, and secrets that never reach the log.

#include "SandboxProcess.h"

#include "portal/HttpPortalBackend.h"
#include "portal/PortalEndpoint.h"
#include "PortalWait.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QFile>
#include <QSet>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QTest>

using namespace tokendesk;
using namespace tokendesk::portal;
using namespace tokendesk::domain;
using tokendesk::cli::waitFor;

namespace {

const QByteArray kSecret = "client-secret-7d1f0c9e5b";

// A retry policy that keeps the tests quick.
RetryPolicy fastRetries(int attempts = 8)
{
    RetryPolicy policy;
    policy.maxAttempts = attempts;
    policy.baseDelayMs = 20;
    policy.maxDelayMs = 200;
    policy.transferTimeoutMs = 5000;
    return policy;
}

// Remembers every Authorization header sent, to search the log for the access tokens.
class RecordingNetwork : public QNetworkAccessManager
{
public:
    QList<QByteArray> authorizations;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *data) override
    {
        authorizations.append(request.rawHeader("Authorization"));
        return QNetworkAccessManager::createRequest(op, request, data);
    }
};

QStringList g_messages;
void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_messages.append(QString::fromLatin1(context.category ? context.category : "") +
                      QLatin1Char(' ') + message);
}

} // namespace

class TestPortalClient : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_network;

    std::unique_ptr<HttpPortalBackend> backendFor(const SandboxProcess &sandbox,
                                                  const QString &client = QStringLiteral("admin"),
                                                  const QByteArray &secret = kSecret)
    {
        auto backend = std::make_unique<HttpPortalBackend>(&m_network, sandbox.url(),
                                                           PortalCredentials{client, secret});
        backend->transport().setRetryPolicy(fastRetries());
        return backend;
    }
    static QStringList clientArguments()
    {
        return {QStringLiteral("--client"),
                QStringLiteral("admin:") + QString::fromLatin1(kSecret) + QStringLiteral(":administrator"),
                QStringLiteral("--client"), QStringLiteral("reader:reader-pw:consumer_reader")};
    }

private Q_SLOTS:
    void endpointsRequireHttpsOffLoopback_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https") << "https://portal.example.com" << true;
        QTest::newRow("https prefix") << "https://example.com/portal/" << true;
        QTest::newRow("http loopback") << "http://127.0.0.1:8080" << true;
        QTest::newRow("http loopback 127/8") << "http://127.8.9.10:8080" << true;
        QTest::newRow("http ::1") << "http://[::1]:8080" << true;
        QTest::newRow("http localhost") << "http://localhost:8080" << true;
        QTest::newRow("http remote") << "http://portal.example.com" << false;
        QTest::newRow("http private") << "http://10.0.0.1" << false;
        QTest::newRow("user info") << "https://user:pw@portal.example.com" << false;
        QTest::newRow("query") << "https://portal.example.com/?x=1" << false;
        QTest::newRow("ftp") << "ftp://portal.example.com" << false;
        QTest::newRow("no host") << "https://" << false;
    }
    void endpointsRequireHttpsOffLoopback()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        QString error;
        const auto parsed = PortalEndpoint::parse(url, &error);
        QCOMPARE(parsed.has_value(), accepted);
        QCOMPARE(error.isEmpty(), accepted);
    }

    void retryAfterIsParsed()
    {
        const QDateTime now = QDateTime(QDate(2026, 12, 3), QTime(12, 0, 0), Qt::UTC);
        QCOMPARE(PortalHttpTransport::retryAfterSeconds("7", now), 7);
        QCOMPARE(PortalHttpTransport::retryAfterSeconds("Thu, 03 Dec 2026 12:00:30 GMT", now), 30);
        QCOMPARE(PortalHttpTransport::retryAfterSeconds("soon", now), -1);
        QCOMPARE(PortalHttpTransport::retryAfterSeconds("", now), -1);
    }

    void backoffGrowsWithJitterWithinBounds()
    {
        RetryPolicy policy;
        QRandomGenerator random(42);
        for (int attempt = 1; attempt <= 8; ++attempt) {
            const int ceiling = std::min(policy.baseDelayMs << (attempt - 1), policy.maxDelayMs);
            QSet<int> seen;
            for (int i = 0; i < 50; ++i) {
                const int delay = policy.backoffMs(attempt, random);
                QVERIFY(delay >= ceiling / 2 && delay <= ceiling);
                seen.insert(delay);
            }
            QVERIFY2(seen.size() > 1, "jitter must vary the delay");
        }
    }

    void listsEveryTokenAndWrites()
    {
        SandboxProcess sandbox;
        QVERIFY2(sandbox.start(QStringList{QStringLiteral("--seed"), QStringLiteral("1200")} + clientArguments()),
                 qPrintable(sandbox.error()));
        auto backend = backendFor(sandbox);

        const auto me = waitFor<PortalIdentity>([&](auto done) { return backend->fetchIdentity(done); });
        QVERIFY2(me.ok(), qPrintable(me.error.message));
        QCOMPARE(me.value->role, PortalRole::Administrator);

        const auto deployments = waitFor<Conditional<QList<Deployment>>>(
            [&](auto done) { return backend->fetchDeployments(QByteArray(), done); });
        QVERIFY(deployments.ok());
        QCOMPARE(deployments.value->value.size(), 1);
        const QString deployment = deployments.value->value.first().id;
        const auto unchanged = waitFor<Conditional<QList<Deployment>>>(
            [&](auto done) { return backend->fetchDeployments(deployments.value->etag, done); });
        QVERIFY(unchanged.ok() && unchanged.value->notModified);

        int lastProgress = 0;
        const auto listing = waitFor<TokenListing>([&](auto done) {
            return backend->fetchAllTokens(deployment, std::nullopt, [&](int n) { lastProgress = n; }, done);
        });
        QVERIFY2(listing.ok(), qPrintable(listing.error.message));
        QCOMPARE(listing.value->tokens.size(), 1200);
        QCOMPARE(listing.value->pages, 3);
        QCOMPARE(lastProgress, 1200);
        QSet<QString> ids;
        for (const Token &token : listing.value->tokens)
            ids.insert(token.id);
        QCOMPARE(ids.size(), 1200);

        // Conditional page: 304 the second time.
        TokenPageRequest pageRequest{deployment, QString(), 50, std::nullopt, QByteArray()};
        const auto page = waitFor<TokenPage>([&](auto done) { return backend->fetchTokenPage(pageRequest, done); });
        QVERIFY(page.ok() && !page.value->etag.isEmpty());
        pageRequest.ifNoneMatch = page.value->etag;
        const auto again = waitFor<TokenPage>([&](auto done) { return backend->fetchTokenPage(pageRequest, done); });
        QVERIFY(again.ok());
        QVERIFY(again.value->notModified);

        // Update with the right version, then a stale one: typed 412.
        const Token first = listing.value->tokens.first();
        TokenChange change;
        change.ipRanges = QStringList{QStringLiteral("203.0.113.0/28")};
        const auto updated = waitFor<Token>([&](auto done) {
            return backend->updateToken(first.id, first.version, change, QString(), done);
        });
        QVERIFY2(updated.ok(), qPrintable(updated.error.message));
        QCOMPARE(updated.value->version, first.version + 1);
        const auto stale = waitFor<Token>([&](auto done) {
            return backend->updateToken(first.id, first.version, change, QString(), done);
        });
        QCOMPARE(stale.error.kind, PortalErrorKind::PreconditionFailed);
        QCOMPARE(stale.error.currentVersion, std::optional<qint64>(first.version + 1));

        // A value the engine refuses: typed 422 with the rule id.
        TokenChange bad;
        bad.corsOrigins = QStringList{QStringLiteral("https://shop.example.com/path")};
        const auto refused = waitFor<Token>([&](auto done) {
            return backend->updateToken(first.id, updated.value->version, bad, QString(), done);
        });
        QCOMPARE(refused.error.kind, PortalErrorKind::Validation);
        QCOMPARE(refused.error.httpStatus, 422);
        QVERIFY(!refused.error.fieldIssues.isEmpty());
        QCOMPARE(refused.error.fieldIssues.first().rule, QStringLiteral("origin.has-path"));
        QCOMPARE(refused.error.fieldIssues.first().index, std::optional<int>(0));

        // Delete, then the incremental pull carries the tombstone.
        const QDateTime since = listing.value->asOf;
        const auto deleted = waitFor<Done>([&](auto done) {
            return backend->deleteToken(first.id, updated.value->version, QString(), done);
        });
        QVERIFY(deleted.ok());
        const auto delta = waitFor<TokenListing>([&](auto done) {
            return backend->fetchAllTokens(deployment, since, {}, done);
        });
        QVERIFY(delta.ok());
        QCOMPARE(delta.value->tombstones.size(), 1);
        QCOMPARE(delta.value->tombstones.first().id, first.id);
        const auto gone = waitFor<Token>([&](auto done) { return backend->fetchToken(first.id, done); });
        QCOMPARE(gone.error.kind, PortalErrorKind::NotFound);
    }

    void readerIsRefusedWithATypedError()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(QStringList{QStringLiteral("--seed"), QStringLiteral("5")} + clientArguments()));
        auto reader = backendFor(sandbox, QStringLiteral("reader"), "reader-pw");
        const auto listing = waitFor<TokenListing>([&](auto done) {
            return reader->fetchAllTokens(QStringLiteral("dep_load"), std::nullopt, {}, done);
        });
        QVERIFY(listing.ok());
        const auto reveal = waitFor<RevealedValue>([&](auto done) {
            return reader->revealToken(listing.value->tokens.first().id, done);
        });
        QCOMPARE(reveal.error.kind, PortalErrorKind::Forbidden);
        auto wrong = backendFor(sandbox, QStringLiteral("admin"), "not-the-secret");
        const auto me = waitFor<PortalIdentity>([&](auto done) { return wrong->fetchIdentity(done); });
        QCOMPARE(me.error.kind, PortalErrorKind::Unauthorized);
        QVERIFY(!me.error.message.contains(QStringLiteral("not-the-secret")));
    }

    void refreshesOnceAfter401AndNeverTwiceAtOnce()
    {
        QTemporaryDir data;
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(QStringList{QStringLiteral("--data"), data.path(), QStringLiteral("--seed"),
                                          QStringLiteral("5")} + clientArguments()));
        auto backend = backendFor(sandbox);

        // Ten calls at once with no token yet: one token request.
        int finished = 0;
        int succeeded = 0;
        QEventLoop loop;
        for (int i = 0; i < 10; ++i) {
            backend->fetchIdentity([&](const PortalResult<PortalIdentity> &result) {
                succeeded += result.ok() ? 1 : 0;
                if (++finished == 10)
                    loop.quit();
            });
        }
        loop.exec();
        QCOMPARE(succeeded, 10);
        QCOMPARE(sandbox.countLogLines(QStringLiteral("POST /oauth2/token 200")), 1);

        // The portal restarts and forgets every token: the next call gets 401, fetches a new
        // token once and succeeds.
        const quint16 port = sandbox.port();
        QCOMPARE(sandbox.stop(), 0);
        SandboxProcess restarted;
        QVERIFY(restarted.start(QStringList{QStringLiteral("--data"), data.path(), QStringLiteral("--listen"),
                                            QStringLiteral("127.0.0.1:%1").arg(port)} + clientArguments()));
        const auto me = waitFor<PortalIdentity>([&](auto done) { return backend->fetchIdentity(done); });
        QVERIFY2(me.ok(), qPrintable(me.error.message));
        QCOMPARE(restarted.countLogLines(QStringLiteral("GET /v1/me 401")), 1);
        QCOMPARE(restarted.countLogLines(QStringLiteral("POST /oauth2/token 200")), 1);
        QCOMPARE(restarted.countLogLines(QStringLiteral("GET /v1/me 200")), 1);
    }

    void refreshesAheadOfExpiry()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(QStringList{QStringLiteral("--token-ttl"), QStringLiteral("2")} + clientArguments()));
        auto backend = backendFor(sandbox);
        QVERIFY((waitFor<PortalIdentity>([&](auto done) { return backend->fetchIdentity(done); })).ok());
        // 1.9 s into a 2 s lifetime: the token still works, but is too close to expiry to use.
        QTest::qWait(1900);
        QVERIFY((waitFor<PortalIdentity>([&](auto done) { return backend->fetchIdentity(done); })).ok());
        // The client fetched a new token before the old one expired, and never sent a stale one.
        QCOMPARE(sandbox.countLogLines(QStringLiteral("GET /v1/me 401")), 0);
        QCOMPARE(sandbox.countLogLines(QStringLiteral("POST /oauth2/token 200")), 2);
    }

    void listingSurvivesFaultsAndRateLimits()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(QStringList{QStringLiteral("--seed"), QStringLiteral("1000"), QStringLiteral("--fault-rate"),
                                          QStringLiteral("0.3"), QStringLiteral("--rate-limit"), QStringLiteral("60"),
                                          QStringLiteral("--random-seed"), QStringLiteral("7")} + clientArguments()));
        auto backend = backendFor(sandbox);
        RetryPolicy policy = fastRetries(12);
        backend->transport().setRetryPolicy(policy);
        for (int round = 0; round < 2; ++round) {
            TokenPageRequest request{QStringLiteral("dep_load"), QString(), 100, std::nullopt, QByteArray()};
            QSet<QString> ids;
            do {
                const auto page = waitFor<TokenPage>([&](auto done) { return backend->fetchTokenPage(request, done); });
                QVERIFY2(page.ok(), qPrintable(page.error.message));
                for (const Token &token : page.value->tokens)
                    ids.insert(token.id);
                request.cursor = page.value->nextCursor;
            } while (!request.cursor.isEmpty());
            QCOMPARE(ids.size(), 1000);
        }
        QVERIFY2(sandbox.countLogLines(QStringLiteral("GET /v1/deployments/dep_load/tokens")) > 20,
                 "faults should have caused retries");
        const QString log = sandbox.log();
        QVERIFY(log.contains(QStringLiteral(" 503 ")) || log.contains(QStringLiteral(" 500 ")));
        QVERIFY(log.contains(QStringLiteral(" 429 ")));
    }

    void createsWithLostResponsesApplyOnce()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(QStringList{QStringLiteral("--seed"), QStringLiteral("1"), QStringLiteral("--drop-rate"),
                                          QStringLiteral("0.5"), QStringLiteral("--random-seed"), QStringLiteral("11")} +
                              clientArguments()));
        auto backend = backendFor(sandbox);
        backend->transport().setRetryPolicy(fastRetries(15));
        for (int i = 0; i < 12; ++i) {
            TokenDraft draft;
            draft.name = QStringLiteral("Created %1").arg(i);
            draft.kind = TokenKind::Integration;
            const auto created = waitFor<Token>([&](auto done) {
                return backend->createToken(QStringLiteral("dep_load"), draft, QString(), done);
            });
            QVERIFY2(created.ok(), qPrintable(created.error.message));
            QCOMPARE(created.value->name, draft.name);
        }
        QVERIFY2(sandbox.log().contains(QStringLiteral("dropped")), "some responses should have been lost");
        QVERIFY(sandbox.log().contains(QStringLiteral("POST /v1/deployments/dep_load/tokens 201")));
        // Read back without drops: exactly one token per create.
        auto reader = backendFor(sandbox);
        QStringList names;
        const auto listing = waitFor<TokenListing>([&](auto done) {
            return reader->fetchAllTokens(QStringLiteral("dep_load"), std::nullopt, {}, done);
        });
        QVERIFY(listing.ok());
        for (const Token &token : listing.value->tokens)
            names.append(token.name);
        for (int i = 0; i < 12; ++i)
            QCOMPARE(names.count(QStringLiteral("Created %1").arg(i)), 1);
    }

    // A certificate the system does not trust: the client refuses, says why, and does not
    // retry or fall back to plain HTTP.
    void tlsErrorsFailClosed()
    {
        QTemporaryDir dir;
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                       QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-keyout"), dir.filePath(QStringLiteral("key.pem")),
                       QStringLiteral("-out"), dir.filePath(QStringLiteral("cert.pem"))});
        QVERIFY2(openssl.waitForFinished(30000) && openssl.exitCode() == 0, "openssl could not make a certificate");
        QFile certFile(dir.filePath(QStringLiteral("cert.pem")));
        QFile keyFile(dir.filePath(QStringLiteral("key.pem")));
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(QSslCertificate(certFile.readAll()));
        configuration.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
        QVERIFY(!configuration.localCertificate().isNull() && !configuration.privateKey().isNull());

        QSslServer server;
        server.setSslConfiguration(configuration);
        int handshakes = 0;
        connect(&server, &QSslServer::startedEncryptionHandshake, this, [&] { ++handshakes; });
        QVERIFY(server.listen(QHostAddress::LocalHost));

        QNetworkAccessManager network;
        HttpPortalBackend backend(&network, QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort())),
                                  PortalCredentials{QStringLiteral("admin"), kSecret});
        backend.transport().setRetryPolicy(fastRetries(4));
        const auto me = waitFor<PortalIdentity>([&](auto done) { return backend.fetchIdentity(done); });
        QCOMPARE(me.error.kind, PortalErrorKind::Tls);
        QVERIFY2(me.error.message.contains(QStringLiteral("certificate")), qPrintable(me.error.message));
        QVERIFY(!me.error.isTransient());
        QCOMPARE(handshakes, 1);
    }

    void honoursRetryAfter()
    {
        // 60 a minute: ten at once, then one a second, each 429 saying "Retry-After: 1".
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(QStringList{QStringLiteral("--rate-limit"), QStringLiteral("60")} + clientArguments()));
        auto impatient = backendFor(sandbox);
        RetryPolicy noWaiting = fastRetries();
        noWaiting.maxRetryAfterSeconds = 0;
        impatient->transport().setRetryPolicy(noWaiting);
        PortalResult<PortalIdentity> limited;
        for (int i = 0; i < 12 && !limited.error.isError(); ++i)
            limited = waitFor<PortalIdentity>([&](auto done) { return impatient->fetchIdentity(done); });
        QCOMPARE(limited.error.kind, PortalErrorKind::RateLimited);
        QCOMPARE(limited.error.retryAfterSeconds, 1);
        QTest::qWait(3000);

        // A patient client waits as told: at most one 429 per call (the wait refills the
        // bucket), not a storm of retries at backoff pace.
        const int before = sandbox.countLogLines(QStringLiteral("GET /v1/me 429"));
        auto patient = backendFor(sandbox);
        for (int i = 0; i < 12; ++i)
            QVERIFY(waitFor<PortalIdentity>([&](auto done) { return patient->fetchIdentity(done); }).ok());
        const int limitedCalls = sandbox.countLogLines(QStringLiteral("GET /v1/me 429")) - before;
        QVERIFY2(limitedCalls >= 1 && limitedCalls <= 12, qPrintable(QString::number(limitedCalls)));
    }

    void insecureEndpointSendsNothing()
    {
        QNetworkAccessManager network;
        // Loopback is allowed over plain HTTP; a host name that is not loopback is not, and
        // the call fails before anything is looked up or sent.
        HttpPortalBackend backend(&network, QUrl(QStringLiteral("http://portal.example.com")),
                                  PortalCredentials{QStringLiteral("a"), kSecret});
        const auto me = waitFor<PortalIdentity>([&](auto done) { return backend.fetchIdentity(done); });
        QCOMPARE(me.error.kind, PortalErrorKind::InvalidEndpoint);
        QVERIFY(me.error.message.contains(QStringLiteral("https://")));
    }

    void slowPortalTimesOut()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(QStringList{QStringLiteral("--latency-ms"), QStringLiteral("1500")} + clientArguments()));
        auto backend = backendFor(sandbox);
        RetryPolicy policy = fastRetries(2);
        policy.transferTimeoutMs = 300;
        backend->transport().setRetryPolicy(policy);
        const auto me = waitFor<PortalIdentity>([&](auto done) { return backend->fetchIdentity(done); });
        QCOMPARE(me.error.kind, PortalErrorKind::Timeout);
        QVERIFY(me.error.isTransient());
    }

    void unreachablePortalIsANetworkError()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        QNetworkAccessManager network;
        HttpPortalBackend backend(&network, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)),
                                  PortalCredentials{QStringLiteral("a"), "b"});
        backend.transport().setRetryPolicy(fastRetries(3));
        const auto me = waitFor<PortalIdentity>([&](auto done) { return backend.fetchIdentity(done); });
        QCOMPARE(me.error.kind, PortalErrorKind::Network);
        QVERIFY(me.error.message.contains(QStringLiteral("127.0.0.1")));
    }

    void cancelledCallsReportCancelled()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(QStringList{QStringLiteral("--latency-ms"), QStringLiteral("500")} + clientArguments()));
        auto backend = backendFor(sandbox);
        PortalResult<PortalIdentity> result;
        int calls = 0;
        PortalCall *call = backend->fetchIdentity([&](const PortalResult<PortalIdentity> &r) {
            result = r;
            ++calls;
        });
        QTimer::singleShot(50, call, &PortalCall::cancel);
        QTRY_COMPARE(calls, 1);
        QCOMPARE(result.error.kind, PortalErrorKind::Cancelled);
        QTest::qWait(700);
        QCOMPARE(calls, 1);
    }

    void secretsNeverReachTheLog()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(QStringList{QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--fault-rate"),
                                          QStringLiteral("0.2"), QStringLiteral("--random-seed"), QStringLiteral("3")} +
                              clientArguments()));
        g_messages.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
        QByteArray revealedValue;
        RecordingNetwork network;
        {
            auto backend = std::make_unique<HttpPortalBackend>(&network, sandbox.url(),
                                                               PortalCredentials{QStringLiteral("admin"), kSecret});
            backend->transport().setRetryPolicy(fastRetries());
            const auto listing = waitFor<TokenListing>([&](auto done) {
                return backend->fetchAllTokens(QStringLiteral("dep_load"), std::nullopt, {}, done);
            });
            if (listing.ok()) {
                const auto revealed = waitFor<RevealedValue>([&](auto done) {
                    return backend->revealToken(listing.value->tokens.first().id, done);
                });
                if (revealed.ok())
                    revealedValue = revealed.value->value;
            }
            auto wrong = backendFor(sandbox, QStringLiteral("admin"), "wrong-secret-31f9a2");
            waitFor<PortalIdentity>([&](auto done) { return wrong->fetchIdentity(done); });
        }
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());

        QVERIFY(revealedValue.startsWith("tdk_"));
        const QString all = g_messages.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("tokendesk.portal")), "debug logging should have been on");
        const QList<QByteArray> secrets = {kSecret, "wrong-secret-31f9a2", revealedValue};
        for (const QByteArray &secret : secrets) {
            for (const QByteArray &form : {secret, secret.toBase64(), secret.toHex(),
                                           QByteArray("admin:" + secret).toBase64()}) {
                QVERIFY2(!all.contains(QString::fromLatin1(form)), form.constData());
            }
        }
        QVERIFY(!all.contains(QStringLiteral("Bearer ")));
        int bearerTokens = 0;
        for (const QByteArray &authorization : network.authorizations) {
            const QByteArray credential = authorization.mid(authorization.indexOf(' ') + 1);
            if (credential.isEmpty())
                continue;
            ++bearerTokens;
            QVERIFY2(!all.contains(QString::fromLatin1(credential)), "an access token reached the log");
        }
        QVERIFY(bearerTokens >= 2);
    }
};

QTEST_GUILESS_MAIN(TestPortalClient)
#include "tst_portal_client.moc"
