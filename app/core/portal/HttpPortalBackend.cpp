#include "HttpPortalBackend.h"

#include "PortalJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QUuid>

namespace tokendesk::portal {

using namespace tokendesk::domain;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HttpPortalBackend", text);
}

PortalError protocolError(const QString &what)
{
    PortalError error;
    error.kind = PortalErrorKind::Protocol;
    error.message = tr("The portal's answer does not follow the contract: %1").arg(what);
    return error;
}

std::optional<QJsonObject> jsonObject(const PortalResponse &response)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

QString encoded(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QByteArray quotedVersion(qint64 version)
{
    return '"' + QByteArray::number(version) + '"';
}

// Runs `done` with the token in the response body, or the error.
PortalHttpTransport::Completion tokenCompletion(PortalCallback<Token> done)
{
    return [done = std::move(done)](const PortalResponse &response, const PortalError &error) {
        if (error.isError()) {
            done(PortalResult<Token>::failure(error));
            return;
        }
        const auto json = jsonObject(response);
        const auto token = json ? PortalJson::tokenFromJson(*json) : std::nullopt;
        if (!token) {
            done(PortalResult<Token>::failure(protocolError(tr("a token was expected"))));
            return;
        }
        done(PortalResult<Token>::success(*token));
    };
}

} // namespace

HttpPortalBackend::HttpPortalBackend(QNetworkAccessManager *network, const QUrl &baseUrl,
                                     PortalCredentials credentials, QObject *parent)
    : QObject(parent)
    , m_transport(new PortalHttpTransport(network, baseUrl, std::move(credentials), this))
{
}

PortalRequest HttpPortalBackend::write(const QByteArray &method, const QString &path,
                                       const QString &idempotencyKey)
{
    PortalRequest request;
    request.method = method;
    request.path = path;
    // With a key the portal replays the first answer to a repeat, so retrying is safe.
    const QString key = idempotencyKey.isEmpty()
                            ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                            : idempotencyKey;
    request.headers.append({"Idempotency-Key", key.toLatin1()});
    request.retryable = true;
    return request;
}

PortalCall *HttpPortalBackend::fetchIdentity(PortalCallback<PortalIdentity> done)
{
    PortalRequest request;
    request.path = QStringLiteral("/v1/me");
    return m_transport->send(request, [done = std::move(done)](const PortalResponse &response,
                                                               const PortalError &error) {
        if (error.isError()) {
            done(PortalResult<PortalIdentity>::failure(error));
            return;
        }
        const auto json = jsonObject(response);
        const auto identity = json ? PortalJson::identityFromJson(*json) : std::nullopt;
        if (!identity)
            done(PortalResult<PortalIdentity>::failure(protocolError(tr("/v1/me"))));
        else
            done(PortalResult<PortalIdentity>::success(*identity));
    });
}

PortalCall *HttpPortalBackend::fetchDeployments(
    const QByteArray &ifNoneMatch, PortalCallback<Conditional<QList<Deployment>>> done)
{
    auto *call = new PortalCall(this);
    auto collected = std::make_shared<Conditional<QList<Deployment>>>();
    QTimer::singleShot(0, call, [this, call, ifNoneMatch, collected, done = std::move(done)] {
        fetchDeploymentPage(call, QString(), ifNoneMatch, collected, done);
    });
    return call;
}

void HttpPortalBackend::fetchDeploymentPage(
    PortalCall *call, const QString &cursor, const QByteArray &ifNoneMatch,
    std::shared_ptr<Conditional<QList<Deployment>>> collected,
    PortalCallback<Conditional<QList<Deployment>>> done)
{
    using Result = PortalResult<Conditional<QList<Deployment>>>;
    PortalRequest request;
    request.path = QStringLiteral("/v1/deployments");
    if (!cursor.isEmpty())
        request.query.addQueryItem(QStringLiteral("cursor"), cursor);
    else if (!ifNoneMatch.isEmpty())
        request.headers.append({"If-None-Match", ifNoneMatch});
    m_transport->sendWithin(call, request, [this, call, cursor, collected, done](
                                               const PortalResponse &response,
                                               const PortalError &error) {
        const QPointer<PortalCall> guard(call);
        const auto finish = [&](const Result &result) {
            done(result);
            if (guard) // the callback may have destroyed the backend
                guard->markFinished();
        };
        if (error.isError())
            return finish(Result::failure(error));
        if (cursor.isEmpty())
            collected->etag = response.header("etag");
        if (response.status == 304) {
            collected->notModified = true;
            return finish(Result::success(*collected));
        }
        const auto json = jsonObject(response);
        if (!json || !json->value(QStringLiteral("items")).isArray())
            return finish(Result::failure(protocolError(tr("a page of deployments was expected"))));
        for (const QJsonValue &item : json->value(QStringLiteral("items")).toArray()) {
            const auto deployment = PortalJson::deploymentFromJson(item.toObject());
            if (!deployment)
                return finish(Result::failure(protocolError(tr("a deployment is malformed"))));
            collected->value.append(*deployment);
        }
        const QString next = json->value(QStringLiteral("next_cursor")).toString();
        if (!next.isEmpty() && next != cursor) {
            fetchDeploymentPage(call, next, QByteArray(), collected, done);
            return;
        }
        finish(Result::success(*collected));
    });
}

PortalCall *HttpPortalBackend::fetchLicenses(const QString &deploymentId,
                                             const QByteArray &ifNoneMatch,
                                             PortalCallback<Conditional<QList<License>>> done)
{
    using Result = PortalResult<Conditional<QList<License>>>;
    PortalRequest request;
    request.path = QStringLiteral("/v1/deployments/%1/licenses").arg(encoded(deploymentId));
    if (!ifNoneMatch.isEmpty())
        request.headers.append({"If-None-Match", ifNoneMatch});
    return m_transport->send(request, [done = std::move(done)](const PortalResponse &response,
                                                               const PortalError &error) {
        if (error.isError()) {
            done(Result::failure(error));
            return;
        }
        Conditional<QList<License>> licenses;
        licenses.etag = response.header("etag");
        if (response.status == 304) {
            licenses.notModified = true;
            done(Result::success(licenses));
            return;
        }
        const auto json = jsonObject(response);
        if (!json || !json->value(QStringLiteral("items")).isArray()) {
            done(Result::failure(protocolError(tr("licenses"))));
            return;
        }
        for (const QJsonValue &item : json->value(QStringLiteral("items")).toArray()) {
            const auto license = PortalJson::licenseFromJson(item.toObject());
            if (!license) {
                done(Result::failure(protocolError(tr("a licence is malformed"))));
                return;
            }
            licenses.value.append(*license);
        }
        done(Result::success(licenses));
    });
}

PortalRequest HttpPortalBackend::tokenPageRequest(const TokenPageRequest &page)
{
    PortalRequest request;
    request.path = QStringLiteral("/v1/deployments/%1/tokens").arg(encoded(page.deploymentId));
    request.query.addQueryItem(QStringLiteral("limit"), QString::number(page.limit));
    if (!page.cursor.isEmpty())
        request.query.addQueryItem(QStringLiteral("cursor"), page.cursor);
    if (page.updatedSince)
        request.query.addQueryItem(QStringLiteral("updated_since"),
                                   PortalJson::formatTime(*page.updatedSince));
    if (!page.ifNoneMatch.isEmpty())
        request.headers.append({"If-None-Match", page.ifNoneMatch});
    return request;
}

std::optional<TokenPage> HttpPortalBackend::parseTokenPage(const PortalResponse &response)
{
    TokenPage page;
    page.etag = response.header("etag");
    if (response.status == 304) {
        page.notModified = true;
        return page;
    }
    const auto json = jsonObject(response);
    if (!json || !json->value(QStringLiteral("items")).isArray())
        return std::nullopt;
    for (const QJsonValue &item : json->value(QStringLiteral("items")).toArray()) {
        const QJsonObject object = item.toObject();
        if (PortalJson::isTombstone(object)) {
            const auto tombstone = PortalJson::tombstoneFromJson(object);
            if (!tombstone)
                return std::nullopt;
            page.tombstones.append(*tombstone);
        } else {
            const auto token = PortalJson::tokenFromJson(object);
            if (!token)
                return std::nullopt;
            page.tokens.append(*token);
        }
    }
    page.nextCursor = json->value(QStringLiteral("next_cursor")).toString();
    page.asOf = PortalJson::parseTime(json->value(QStringLiteral("as_of")).toString())
                    .value_or(QDateTime());
    return page;
}

PortalCall *HttpPortalBackend::fetchTokenPage(const TokenPageRequest &page,
                                              PortalCallback<TokenPage> done)
{
    return m_transport->send(tokenPageRequest(page), [done = std::move(done)](
                                                         const PortalResponse &response,
                                                         const PortalError &error) {
        if (error.isError()) {
            done(PortalResult<TokenPage>::failure(error));
            return;
        }
        const auto parsed = parseTokenPage(response);
        if (!parsed)
            done(PortalResult<TokenPage>::failure(protocolError(tr("a page of tokens"))));
        else
            done(PortalResult<TokenPage>::success(*parsed));
    });
}

PortalCall *HttpPortalBackend::fetchAllTokens(const QString &deploymentId,
                                              const std::optional<QDateTime> &updatedSince,
                                              std::function<void(int)> progress,
                                              PortalCallback<TokenListing> done)
{
    auto *call = new PortalCall(this);
    TokenPageRequest request;
    request.deploymentId = deploymentId;
    request.updatedSince = updatedSince;
    request.limit = 500;
    auto listing = std::make_shared<TokenListing>();
    QTimer::singleShot(0, call, [=] { fetchNextTokenPage(call, request, listing, progress, done); });
    return call;
}

void HttpPortalBackend::fetchNextTokenPage(PortalCall *call, TokenPageRequest request,
                                           std::shared_ptr<TokenListing> listing,
                                           std::function<void(int)> progress,
                                           PortalCallback<TokenListing> done)
{
    m_transport->sendWithin(call, tokenPageRequest(request), [=](const PortalResponse &response,
                                                                 const PortalError &error) {
        const QPointer<PortalCall> guard(call);
        const auto fail = [&](const PortalError &failure) {
            done(PortalResult<TokenListing>::failure(failure));
            if (guard) // the callback may have destroyed the backend
                guard->markFinished();
        };
        if (error.isError())
            return fail(error);
        const auto page = parseTokenPage(response);
        if (!page || page->notModified)
            return fail(protocolError(tr("a page of tokens")));
        if (listing->pages == 0)
            listing->asOf = page->asOf;
        listing->pages += 1;
        // Paging may show an item twice (it changed meanwhile): keep its latest version.
        for (const Token &token : page->tokens)
            listing->addToken(token);
        for (const TokenTombstone &tombstone : page->tombstones)
            listing->addTombstone(tombstone);
        if (progress)
            progress(int(listing->tokens.size() + listing->tombstones.size()));
        if (!page->nextCursor.isEmpty() && page->nextCursor != request.cursor) {
            TokenPageRequest next = request;
            next.cursor = page->nextCursor;
            fetchNextTokenPage(call, next, listing, progress, done);
            return;
        }
        done(PortalResult<TokenListing>::success(*listing));
        if (guard)
            guard->markFinished();
    });
}

PortalCall *HttpPortalBackend::fetchToken(const QString &tokenId, PortalCallback<Token> done)
{
    PortalRequest request;
    request.path = QStringLiteral("/v1/tokens/%1").arg(encoded(tokenId));
    return m_transport->send(request, tokenCompletion(std::move(done)));
}

PortalCall *HttpPortalBackend::createToken(const QString &deploymentId, const TokenDraft &draft,
                                           const QString &idempotencyKey,
                                           PortalCallback<Token> done)
{
    PortalRequest request = write(
        "POST", QStringLiteral("/v1/deployments/%1/tokens").arg(encoded(deploymentId)),
        idempotencyKey);
    request.contentType = "application/json";
    request.body = QJsonDocument(PortalJson::draftToJson(draft)).toJson(QJsonDocument::Compact);
    return m_transport->send(request, tokenCompletion(std::move(done)));
}

PortalCall *HttpPortalBackend::updateToken(const QString &tokenId, qint64 expectedVersion,
                                           const TokenChange &change,
                                           const QString &idempotencyKey,
                                           PortalCallback<Token> done)
{
    PortalRequest request =
        write("PATCH", QStringLiteral("/v1/tokens/%1").arg(encoded(tokenId)), idempotencyKey);
    request.contentType = "application/merge-patch+json";
    request.headers.append({"If-Match", quotedVersion(expectedVersion)});
    request.body =
        QJsonDocument(PortalJson::changeToMergePatch(change)).toJson(QJsonDocument::Compact);
    return m_transport->send(request, tokenCompletion(std::move(done)));
}

PortalCall *HttpPortalBackend::deleteToken(const QString &tokenId, qint64 expectedVersion,
                                           const QString &idempotencyKey,
                                           PortalCallback<Done> done)
{
    PortalRequest request =
        write("DELETE", QStringLiteral("/v1/tokens/%1").arg(encoded(tokenId)), idempotencyKey);
    request.headers.append({"If-Match", quotedVersion(expectedVersion)});
    return m_transport->send(request, [done = std::move(done)](const PortalResponse &,
                                                               const PortalError &error) {
        if (error.isError())
            done(PortalResult<Done>::failure(error));
        else
            done(PortalResult<Done>::success(Done{}));
    });
}

PortalCall *HttpPortalBackend::revealToken(const QString &tokenId,
                                           PortalCallback<RevealedValue> done)
{
    PortalRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/v1/tokens/%1/reveal").arg(encoded(tokenId));
    request.retryable = true; // reveal changes nothing
    return m_transport->send(request, [done = std::move(done)](const PortalResponse &response,
                                                               const PortalError &error) {
        if (error.isError()) {
            done(PortalResult<RevealedValue>::failure(error));
            return;
        }
        const auto json = jsonObject(response);
        const QJsonValue value = json ? json->value(QStringLiteral("value")) : QJsonValue();
        if (!value.isString() || value.toString().isEmpty()) {
            done(PortalResult<RevealedValue>::failure(protocolError(tr("a token value"))));
            return;
        }
        RevealedValue revealed;
        revealed.tokenId = json->value(QStringLiteral("id")).toString();
        revealed.value = value.toString().toUtf8();
        revealed.version = qint64(json->value(QStringLiteral("version")).toDouble());
        done(PortalResult<RevealedValue>::success(revealed));
    });
}

PortalCall *HttpPortalBackend::regenerateSecret(const QString &tokenId, qint64 expectedVersion,
                                                const QString &idempotencyKey,
                                                PortalCallback<Token> done)
{
    PortalRequest request = write(
        "POST", QStringLiteral("/v1/tokens/%1/regenerate-secret").arg(encoded(tokenId)),
        idempotencyKey);
    request.headers.append({"If-Match", quotedVersion(expectedVersion)});
    return m_transport->send(request, tokenCompletion(std::move(done)));
}

} // namespace tokendesk::portal
