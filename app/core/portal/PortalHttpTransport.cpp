#include "PortalHttpTransport.h"

#include "PortalEndpoint.h"
#include "PortalJson.h"
#include "PortalLogging.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslError>
#include <QTimer>

namespace tokendesk::portal {

namespace {

// Larger answers are not a token list: refuse them rather than fill memory.
constexpr qint64 kMaxResponseBytes = 64 * 1024 * 1024;

PortalError makeError(PortalErrorKind kind, const QString &message, int status = 0)
{
    PortalError error;
    error.kind = kind;
    error.message = message;
    error.httpStatus = status;
    return error;
}

bool isTransportFailure(QNetworkReply::NetworkError error)
{
    // Qt numbers connection problems below 200 and protocol failures from 300 to 399;
    // 200-299 and 400-499 mirror HTTP statuses, which are judged by the status itself.
    const int code = int(error);
    return (code > 0 && code < 200) || (code >= 300 && code < 400);
}

PortalErrorKind kindForStatus(int status)
{
    switch (status) {
    case 400:
    case 422:
        return PortalErrorKind::Validation;
    case 401:
        return PortalErrorKind::Unauthorized;
    case 403:
        return PortalErrorKind::Forbidden;
    case 404:
    case 410:
        return PortalErrorKind::NotFound;
    case 409:
        return PortalErrorKind::Conflict;
    case 412:
        return PortalErrorKind::PreconditionFailed;
    case 428:
        return PortalErrorKind::PreconditionRequired;
    case 429:
        return PortalErrorKind::RateLimited;
    default:
        return status >= 500 ? PortalErrorKind::Server : PortalErrorKind::Protocol;
    }
}

// The TLS errors of a reply, as a PortalError; nullopt when TLS was not the problem.
std::optional<PortalError> tlsFailure(QNetworkReply *reply)
{
    const QStringList errors = reply->property("tokendeskSslErrors").toStringList();
    if (errors.isEmpty() && reply->error() != QNetworkReply::SslHandshakeFailedError)
        return std::nullopt;
    return makeError(PortalErrorKind::Tls,
                     PortalHttpTransport::tr("The portal's TLS certificate was not accepted: %1")
                         .arg(errors.isEmpty() ? reply->errorString()
                                               : errors.join(QStringLiteral("; "))));
}

bool isRetryableStatus(int status)
{
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

} // namespace

struct PortalHttpTransport::Exchange
{
    PortalRequest request;
    Completion completion;
    QPointer<PortalCall> call;
    bool ownsCall = true;
    int attempt = 1;
    bool refreshedAfter401 = false;
    bool finished = false;
    QElapsedTimer clock;
};

PortalHttpTransport::PortalHttpTransport(QNetworkAccessManager *network, QUrl baseUrl,
                                         PortalCredentials credentials, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_baseUrl(std::move(baseUrl))
    , m_credentials(std::move(credentials))
    , m_jitter(QRandomGenerator::system()->generate())
{
    const auto checked = PortalEndpoint::parse(m_baseUrl.toString(), &m_endpointError);
    if (checked)
        m_baseUrl = *checked;
}

PortalHttpTransport::~PortalHttpTransport()
{
    const QSet<QNetworkReply *> replies = std::exchange(m_replies, {});
    for (QNetworkReply *reply : replies) {
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
}

QNetworkReply *PortalHttpTransport::track(QNetworkReply *reply)
{
    m_replies.insert(reply);
    connect(reply, &QObject::destroyed, this, [this, reply] { m_replies.remove(reply); });
    // TLS problems fail closed at once: nothing more is sent or read on that connection.
    connect(reply, &QNetworkReply::sslErrors, this, [reply](const QList<QSslError> &errors) {
        QStringList messages;
        for (const QSslError &error : errors)
            messages.append(error.errorString());
        reply->setProperty("tokendeskSslErrors", messages);
        reply->abort();
    });
    return reply;
}

PortalCall *PortalHttpTransport::send(const PortalRequest &request, Completion completion)
{
    auto *call = new PortalCall(this);
    auto exchange = std::make_shared<Exchange>();
    exchange->request = request;
    exchange->completion = std::move(completion);
    exchange->call = call;
    exchange->ownsCall = true;
    connect(call, &PortalCall::cancelled, this, [this, exchange] {
        finish(exchange, {}, makeError(PortalErrorKind::Cancelled, tr("Cancelled.")));
    });
    // Started from the event loop, so that the caller can connect to the call first.
    QTimer::singleShot(0, this, [this, exchange] {
        if (!m_endpointError.isEmpty())
            finish(exchange, {}, makeError(PortalErrorKind::InvalidEndpoint, m_endpointError));
        else
            startAttempt(exchange);
    });
    return call;
}

void PortalHttpTransport::sendWithin(PortalCall *call, const PortalRequest &request,
                                     Completion completion)
{
    auto exchange = std::make_shared<Exchange>();
    exchange->request = request;
    exchange->completion = std::move(completion);
    exchange->call = call;
    exchange->ownsCall = false;
    if (call->isCancelled()) {
        finish(exchange, {}, makeError(PortalErrorKind::Cancelled, tr("Cancelled.")));
        return;
    }
    if (!m_endpointError.isEmpty()) {
        finish(exchange, {}, makeError(PortalErrorKind::InvalidEndpoint, m_endpointError));
        return;
    }
    connect(call, &PortalCall::cancelled, this, [this, exchange] {
        finish(exchange, {}, makeError(PortalErrorKind::Cancelled, tr("Cancelled.")));
    });
    startAttempt(exchange);
}

void PortalHttpTransport::startAttempt(const std::shared_ptr<Exchange> &exchange)
{
    if (exchange->finished)
        return;
    withAccessToken([this, exchange](const QString &token, const PortalError &error) {
        if (exchange->finished)
            return;
        if (error.isError())
            finish(exchange, {}, error);
        else
            sendHttp(exchange, token);
    });
}

void PortalHttpTransport::sendHttp(const std::shared_ptr<Exchange> &exchange,
                                   const QString &accessToken)
{
    const PortalRequest &request = exchange->request;
    QUrl url = PortalEndpoint::resolve(m_baseUrl, request.path);
    if (!request.query.isEmpty())
        url.setQuery(request.query);
    QNetworkRequest http(url);
    http.setTransferTimeout(m_policy.transferTimeoutMs);
    http.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                      QNetworkRequest::ManualRedirectPolicy);
    http.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                      QNetworkRequest::AlwaysNetwork);
    http.setRawHeader("Accept", "application/json, application/problem+json");
    http.setRawHeader("Authorization", "Bearer " + accessToken.toLatin1());
    if (!request.contentType.isEmpty())
        http.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
    for (const auto &header : request.headers)
        http.setRawHeader(header.first, header.second);

    exchange->clock.start();
    QNetworkReply *reply = track(m_network->sendCustomRequest(http, request.method, request.body));
    if (exchange->call)
        exchange->call->setCurrentReply(reply);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxResponseBytes) {
            reply->setProperty("tokendeskTooLarge", true);
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, exchange, reply, accessToken] {
        onReplyFinished(exchange, reply, accessToken);
    });
}

void PortalHttpTransport::onReplyFinished(const std::shared_ptr<Exchange> &exchange,
                                          QNetworkReply *reply, const QString &accessToken)
{
    reply->deleteLater();
    if (exchange->finished)
        return;
    const PortalRequest &request = exchange->request;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError networkError = reply->error();
    const qint64 elapsed = exchange->clock.elapsed();

    if (const auto tls = tlsFailure(reply)) {
        qCDebug(lcPortal) << request.method << request.path << "TLS failure after" << elapsed
                          << "ms";
        finish(exchange, {}, *tls);
        return;
    }
    if (reply->property("tokendeskTooLarge").toBool()) {
        finish(exchange, {},
               makeError(PortalErrorKind::Protocol, tr("The portal's answer is too large.")));
        return;
    }
    if (isTransportFailure(networkError) || status == 0) {
        const bool timedOut = networkError == QNetworkReply::OperationCanceledError ||
                              networkError == QNetworkReply::TimeoutError;
        qCDebug(lcPortal) << request.method << request.path << (timedOut ? "timed out" : "failed:")
                          << (timedOut ? QString() : reply->errorString()) << "after" << elapsed
                          << "ms, attempt" << exchange->attempt;
        const PortalError error =
            timedOut ? makeError(PortalErrorKind::Timeout,
                                 tr("The portal did not answer within %1 seconds.")
                                     .arg(m_policy.transferTimeoutMs / 1000.0))
                     : makeError(PortalErrorKind::Network,
                                 tr("Cannot reach the portal at %1: %2")
                                     .arg(m_baseUrl.toDisplayString(), reply->errorString()));
        retryOrFail(exchange, error, -1);
        return;
    }

    PortalResponse response;
    response.status = status;
    response.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        response.headers.insert(pair.first.toLower(), pair.second);
    qCDebug(lcPortal) << request.method << request.path << "->" << status << "in" << elapsed
                      << "ms, attempt" << exchange->attempt;

    // A connection closed in the middle of the body can end without a reported error.
    // (304 and 204 have no body whatever Content-Length says.)
    const QByteArray declaredLength = response.header("content-length");
    const bool hasBody = status >= 200 && status != 204 && status != 304;
    if (hasBody && !declaredLength.isEmpty() &&
        response.body.size() < declaredLength.toLongLong()) {
        qCDebug(lcPortal) << "response cut short after" << response.body.size() << "of"
                          << declaredLength << "bytes";
        retryOrFail(exchange,
                    makeError(PortalErrorKind::Network,
                              tr("The connection to the portal at %1 broke off mid-answer.")
                                  .arg(m_baseUrl.toDisplayString())),
                    -1);
        return;
    }

    if (status == 401 && !exchange->refreshedAfter401) {
        // The portal may forget tokens at any time: fetch a new one, once per request.
        exchange->refreshedAfter401 = true;
        m_tokens.invalidate(accessToken);
        qCDebug(lcPortal) << "access token refused; fetching a new one";
        startAttempt(exchange);
        return;
    }
    const PortalError portalError = status >= 400 ? errorFromResponse(response) : PortalError();
    if (isRetryableStatus(status) ||
        portalError.problemType == QLatin1String("urn:tokendesk:problem:idempotency-key-in-progress")) {
        retryOrFail(exchange, portalError,
                    retryAfterSeconds(response.header("retry-after"),
                                      QDateTime::currentDateTimeUtc()));
        return;
    }
    if (status >= 300 && status != 304) {
        PortalError error = errorFromResponse(response);
        if (status < 400)
            error = makeError(PortalErrorKind::Protocol,
                              tr("The portal answered with a redirect (%1), which TokenDesk "
                                 "does not follow. Check the portal URL.")
                                  .arg(status),
                              status);
        finish(exchange, {}, error);
        return;
    }
    finish(exchange, response, {});
}

void PortalHttpTransport::retryOrFail(const std::shared_ptr<Exchange> &exchange,
                                      const PortalError &error, int retryAfter)
{
    PortalError failure = error;
    if (retryAfter >= 0)
        failure.retryAfterSeconds = retryAfter;
    const bool mayRetry = exchange->request.mayRepeat() &&
                          exchange->attempt < m_policy.maxAttempts &&
                          retryAfter <= m_policy.maxRetryAfterSeconds;
    if (!mayRetry) {
        finish(exchange, {}, failure);
        return;
    }
    const int delayMs = retryAfter >= 0 ? retryAfter * 1000
                                        : m_policy.backoffMs(exchange->attempt, m_jitter);
    qCDebug(lcPortal) << "retrying" << exchange->request.method << exchange->request.path << "in"
                      << delayMs << "ms (" << PortalError::kindName(error.kind) << ")";
    exchange->attempt += 1;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    if (exchange->call)
        exchange->call->setRetryTimer(timer);
    connect(timer, &QTimer::timeout, this, [this, exchange, timer] {
        timer->deleteLater();
        startAttempt(exchange);
    });
    timer->start(delayMs);
}

void PortalHttpTransport::finish(const std::shared_ptr<Exchange> &exchange,
                                 const PortalResponse &response, const PortalError &error)
{
    if (exchange->finished)
        return;
    exchange->finished = true;
    const Completion completion = std::move(exchange->completion);
    if (completion)
        completion(response, error);
    if (exchange->ownsCall && exchange->call)
        exchange->call->markFinished();
}

void PortalHttpTransport::withAccessToken(TokenWaiter waiter)
{
    const QString token = m_tokens.freshToken(QDateTime::currentDateTimeUtc());
    if (!token.isEmpty()) {
        waiter(token, {});
        return;
    }
    m_tokenWaiters.append(std::move(waiter));
    if (!m_refreshing) {
        m_refreshing = true;
        requestAccessToken(1);
    }
}

void PortalHttpTransport::requestAccessToken(int attempt)
{
    QNetworkRequest http(PortalEndpoint::resolve(m_baseUrl, QStringLiteral("/oauth2/token")));
    http.setTransferTimeout(m_policy.transferTimeoutMs);
    http.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                      QNetworkRequest::ManualRedirectPolicy);
    http.setHeader(QNetworkRequest::ContentTypeHeader,
                   QByteArrayLiteral("application/x-www-form-urlencoded"));
    http.setRawHeader("Accept", "application/json");
    // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined.
    QByteArray basic = QUrl::toPercentEncoding(m_credentials.clientId) + ':' +
                       QUrl::toPercentEncoding(QString::fromUtf8(m_credentials.clientSecret));
    http.setRawHeader("Authorization", "Basic " + basic.toBase64());
    basic.fill('\0');
    QNetworkReply *reply =
        track(m_network->post(http, QByteArrayLiteral("grant_type=client_credentials")));
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, attempt] { onTokenReply(reply, attempt); });
}

void PortalHttpTransport::onTokenReply(QNetworkReply *reply, int attempt)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError networkError = reply->error();
    qCDebug(lcPortal) << "POST /oauth2/token ->" << status << "attempt" << attempt;

    PortalError error;
    int retryAfter = -1;
    if (const auto tls = tlsFailure(reply)) {
        error = *tls;
    } else if (isTransportFailure(networkError) || status == 0) {
        const bool timedOut = networkError == QNetworkReply::OperationCanceledError ||
                              networkError == QNetworkReply::TimeoutError;
        error = timedOut ? makeError(PortalErrorKind::Timeout,
                                     tr("The portal did not answer within %1 seconds.")
                                         .arg(m_policy.transferTimeoutMs / 1000.0))
                         : makeError(PortalErrorKind::Network,
                                     tr("Cannot reach the portal at %1: %2")
                                         .arg(m_baseUrl.toDisplayString(), reply->errorString()));
    } else {
        PortalResponse response;
        response.status = status;
        response.body = reply->readAll();
        for (const auto &pair : reply->rawHeaderPairs())
            response.headers.insert(pair.first.toLower(), pair.second);
        if (status == 200) {
            const QJsonObject json = QJsonDocument::fromJson(response.body).object();
            const QString token = json.value(QStringLiteral("access_token")).toString();
            const int expiresIn = json.value(QStringLiteral("expires_in")).toInt(3600);
            if (token.isEmpty() ||
                json.value(QStringLiteral("token_type")).toString().compare(
                    QLatin1String("bearer"), Qt::CaseInsensitive) != 0) {
                error = makeError(PortalErrorKind::Protocol,
                                  tr("The portal's token endpoint did not return a bearer "
                                     "token."),
                                  status);
            } else {
                m_tokens.store(token, expiresIn, QDateTime::currentDateTimeUtc());
                deliverToken(token, {});
                return;
            }
        } else {
            error = errorFromResponse(response);
            if (status == 400 || status == 401) {
                const QJsonObject json = QJsonDocument::fromJson(response.body).object();
                error.kind = PortalErrorKind::Unauthorized;
                error.message =
                    tr("The portal refused client “%1”: %2")
                        .arg(m_credentials.clientId,
                             json.value(QStringLiteral("error_description"))
                                 .toString(json.value(QStringLiteral("error")).toString(
                                     tr("wrong client id or secret"))));
            }
            if (isRetryableStatus(status))
                retryAfter = retryAfterSeconds(response.header("retry-after"),
                                               QDateTime::currentDateTimeUtc());
        }
    }
    const bool transient = error.isTransient();
    if (transient && attempt < m_policy.maxAttempts &&
        retryAfter <= m_policy.maxRetryAfterSeconds) {
        const int delayMs = retryAfter >= 0 ? retryAfter * 1000 : m_policy.backoffMs(attempt, m_jitter);
        qCDebug(lcPortal) << "retrying POST /oauth2/token in" << delayMs << "ms";
        QTimer::singleShot(delayMs, this, [this, attempt] { requestAccessToken(attempt + 1); });
        return;
    }
    if (retryAfter >= 0)
        error.retryAfterSeconds = retryAfter;
    deliverToken(QString(), error);
}

void PortalHttpTransport::deliverToken(const QString &token, const PortalError &error)
{
    m_refreshing = false;
    const QList<TokenWaiter> waiters = std::exchange(m_tokenWaiters, {});
    // A waiter's callback may destroy this transport; the rest are then moot.
    const QPointer<PortalHttpTransport> self(this);
    for (const TokenWaiter &waiter : waiters) {
        if (!self)
            return;
        waiter(token, error);
    }
}

PortalError PortalHttpTransport::errorFromResponse(const PortalResponse &response)
{
    PortalError error;
    error.kind = kindForStatus(response.status);
    error.httpStatus = response.status;
    const QJsonObject problem = QJsonDocument::fromJson(response.body).object();
    error.problemType = problem.value(QStringLiteral("type")).toString();
    error.fieldIssues =
        PortalJson::fieldIssuesFromJson(problem.value(QStringLiteral("errors")).toArray());
    if (problem.value(QStringLiteral("current_version")).isDouble())
        error.currentVersion = qint64(problem.value(QStringLiteral("current_version")).toDouble());
    const QString detail = problem.value(QStringLiteral("detail")).toString();
    const QString title = problem.value(QStringLiteral("title")).toString();
    error.message = !detail.isEmpty() ? detail
                    : !title.isEmpty() ? title
                                       : tr("The portal answered with HTTP status %1.")
                                             .arg(response.status);
    return error;
}

int PortalHttpTransport::retryAfterSeconds(const QByteArray &value, const QDateTime &now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = text.toInt(&ok);
    if (ok)
        return seconds >= 0 ? seconds : -1;
    // An HTTP date (RFC 9110 IMF-fixdate) is an RFC 2822 date in GMT.
    QString date = QString::fromLatin1(text);
    if (date.endsWith(QLatin1String(" GMT")))
        date = date.left(date.size() - 4) + QStringLiteral(" +0000");
    const QDateTime utc = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!utc.isValid())
        return -1;
    return int(std::max<qint64>(0, now.secsTo(utc)));
}

} // namespace tokendesk::portal
