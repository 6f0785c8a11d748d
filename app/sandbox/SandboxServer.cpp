#include "SandboxServer.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpSocket>
#include <QThread>
#include <cstdio>

namespace tokendesk::sandbox {

namespace {

constexpr int kIdempotencyKeyDays = 1;

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

ApiRequest toApiRequest(const QHttpServerRequest &request, const QStringList &arguments)
{
    ApiRequest api;
    api.method = methodName(request.method());
    api.path = request.url().path();
    api.query = request.query();
    for (const auto &header : request.headers())
        api.headers.insert(header.first.toLower(), header.second);
    api.body = request.body();
    api.pathArguments = arguments;
    return api;
}

bool isWrite(Operation operation)
{
    return operation == Operation::CreateToken || operation == Operation::UpdateToken ||
           operation == Operation::DeleteToken || operation == Operation::RegenerateTokenSecret;
}

bool isValidIdempotencyKey(const QByteArray &key)
{
    if (key.isEmpty() || key.size() > 255)
        return false;
    return std::all_of(key.cbegin(), key.cend(), [](char c) { return c > 0x20 && c < 0x7f; });
}

} // namespace

SandboxServer::SandboxServer(const SandboxOptions &options, SandboxStore &store, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_store(store)
    , m_accessTokens(options.tokenTtlSeconds)
    , m_api(store, m_accessTokens, options.clients)
    , m_rateLimiter(options.rateLimitPerMinute)
    , m_faults(options.randomSeed ? QRandomGenerator(*options.randomSeed)
                                  : QRandomGenerator(QRandomGenerator::system()->generate()))
{
    for (const QString &path : SandboxRoutes::paths()) {
        const QString pattern = SandboxRoutes::routerPattern(path);
        if (pattern.contains(QLatin1String("<arg>"))) {
            m_server.route(pattern, [this, path](const QString &argument,
                                                 const QHttpServerRequest &request,
                                                 QHttpServerResponder &&responder) {
                serve(path, {argument}, request, responder);
            });
        } else {
            m_server.route(pattern, [this, path](const QHttpServerRequest &request,
                                                 QHttpServerResponder &&responder) {
                serve(path, {}, request, responder);
            });
        }
    }
    m_server.setMissingHandler([this](const QHttpServerRequest &request,
                                      QHttpServerResponder &&responder) {
        QElapsedTimer timer;
        timer.start();
        const ApiRequest api = toApiRequest(request, {});
        const ApiResponse response = ApiResponse::problem(
            404, "not-found", QStringLiteral("The portal API has no such path."), api.path);
        logLine(api, response.status, timer.elapsed(), "");
        write(responder, response, false);
    });
}

QUrl SandboxServer::listen(QString *error)
{
    const quint16 port = m_server.listen(m_options.listenAddress, m_options.port);
    if (port == 0) {
        *error = tr("cannot listen on %1 port %2 (is it in use?)")
                     .arg(m_options.listenAddress.toString())
                     .arg(m_options.port);
        return {};
    }
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_options.listenAddress.toString());
    url.setPort(port);
    return url;
}

void SandboxServer::serve(const QString &path, const QStringList &arguments,
                          const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    QElapsedTimer timer;
    timer.start();
    // A slow portal: the sandbox serves one request at a time, so latency also queues.
    if (m_options.latencyMs > 0)
        QThread::msleep(ulong(m_options.latencyMs));

    ApiRequest api = toApiRequest(request, arguments);
    const SandboxRoute *route = nullptr;
    QByteArrayList allowed;
    for (const SandboxRoute &candidate : SandboxRoutes::all()) {
        if (candidate.path != path)
            continue;
        allowed.append(candidate.method);
        if (candidate.method == api.method)
            route = &candidate;
    }
    if (!route) {
        ApiResponse response = ApiResponse::problem(
            405, "method-not-allowed",
            tr("%1 is not allowed here.").arg(QString::fromLatin1(api.method)), api.path);
        response.withHeader("Allow", allowed.join(", "));
        logLine(api, response.status, timer.elapsed(), "");
        write(responder, response, false);
        return;
    }

    ApiResponse response;
    if (auto fault = injectedFault(api)) {
        response = *fault;
    } else {
        response = respond(*route, api);
    }
    // A dropped response is lost after the request took effect, as when a network fails
    // between the portal and the client.
    const bool drop = m_options.dropRate > 0.0 && response.status < 500 &&
                      m_faults.generateDouble() < m_options.dropRate;
    // Logged before the answer leaves, so that whoever reads the answer finds the line.
    logLine(api, response.status, timer.elapsed(), drop ? " dropped" : "");
    write(responder, response, drop);
}

std::optional<ApiResponse> SandboxServer::injectedFault(const ApiRequest &request)
{
    if (const int wait = m_rateLimiter.admit(); wait > 0) {
        ApiResponse response = ApiResponse::problem(
            429, "rate-limited",
            tr("Too many requests: try again in %n second(s).", nullptr, wait), request.path);
        response.withHeader("Retry-After", QByteArray::number(wait));
        return response;
    }
    if (m_options.faultRate > 0.0 && m_faults.generateDouble() < m_options.faultRate) {
        if (m_faults.bounded(2) == 0)
            return ApiResponse::problem(500, "internal-error", tr("Injected fault."), request.path);
        ApiResponse response =
            ApiResponse::problem(503, "unavailable", tr("Injected fault."), request.path);
        response.withHeader("Retry-After", "1");
        return response;
    }
    return std::nullopt;
}

ApiResponse SandboxServer::respond(const SandboxRoute &route, ApiRequest &request)
{
    if (route.operation == Operation::IssueAccessToken)
        return m_api.issueAccessToken(request);
    const auto client = m_api.authenticate(request);
    if (!client) {
        ApiResponse response = ApiResponse::problem(
            401, "unauthorized",
            tr("A valid bearer token is needed: get one from POST /oauth2/token."), request.path);
        response.withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        return response;
    }
    request.client = *client;
    if (isWrite(route.operation) && request.hasHeader("idempotency-key"))
        return withIdempotency(route, request);
    return m_api.handle(route.operation, request);
}

ApiResponse SandboxServer::withIdempotency(const SandboxRoute &route, const ApiRequest &request)
{
    const QByteArray key = request.header("idempotency-key");
    if (!isValidIdempotencyKey(key))
        return ApiResponse::problem(
            400, "invalid-request",
            tr("Idempotency-Key is 1 to 255 visible ASCII characters."), request.path,
            {domain::FieldIssue{QStringLiteral("Idempotency-Key"), std::nullopt,
                                QStringLiteral("request.invalid-parameter"),
                                tr("Idempotency-Key is 1 to 255 visible ASCII characters."),
                                validation::Severity::Error}});
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArray(request.method + ' ' + request.path.toUtf8() + '\n'));
    hash.addData(QByteArray(request.header("if-match") + '\n'));
    hash.addData(request.body);
    const QByteArray fingerprint = hash.result();

    m_store.forgetResponsesBefore(QDateTime::currentDateTimeUtc().addDays(-kIdempotencyKeyDays));
    const QString keyText = QString::fromLatin1(key);
    if (const auto stored = m_store.storedResponse(request.client.id, keyText)) {
        if (stored->fingerprint != fingerprint)
            return ApiResponse::problem(
                422, "idempotency-key-reused",
                tr("This Idempotency-Key was used for another request."), request.path);
        ApiResponse replay;
        replay.status = stored->status;
        replay.contentType = stored->contentType;
        replay.body = stored->body;
        if (!stored->etag.isEmpty())
            replay.withHeader("ETag", stored->etag);
        if (!stored->location.isEmpty())
            replay.withHeader("Location", stored->location);
        replay.withHeader("Idempotent-Replayed", "true");
        return replay;
    }
    // The write and the response kept for its key commit together: a retry after a lost
    // answer then finds either both or neither.
    if (!m_store.beginTransaction())
        return ApiResponse::problem(500, "internal-error", tr("The portal's storage failed."),
                                    request.path);
    ApiResponse response = m_api.handle(route.operation, request);
    // Failures the client may retry (rate limits, server errors) are not remembered.
    const bool remember = response.status < 500 && response.status != 429;
    if (remember &&
        !m_store.storeResponse(request.client.id, keyText,
                               StoredResponse{fingerprint, response.status, response.contentType,
                                              response.header("ETag"),
                                              response.header("Location"), response.body})) {
        m_store.rollback();
        return ApiResponse::problem(500, "internal-error", tr("The portal's storage failed."),
                                    request.path);
    }
    if (!m_store.commit()) {
        m_store.rollback();
        return ApiResponse::problem(500, "internal-error", tr("The portal's storage failed."),
                                    request.path);
    }
    return response;
}

void SandboxServer::write(QHttpServerResponder &responder, const ApiResponse &response, bool drop)
{
    QTcpSocket *socket = responder.socket();
    responder.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
    if (drop && response.body.isEmpty()) {
        socket->flush();
        socket->abort();
        return;
    }
    for (const auto &header : response.headers)
        responder.writeHeader(header.first, header.second);
    const bool hasBody = response.status != 204 && response.status != 304;
    if (hasBody) {
        if (!response.contentType.isEmpty())
            responder.writeHeader("Content-Type", response.contentType);
        responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    }
    if (drop) {
        responder.writeBody(response.body.left(response.body.size() / 2));
        socket->flush();
        socket->abort();
        return;
    }
    responder.writeBody(hasBody ? response.body : QByteArray());
}

void SandboxServer::logLine(const ApiRequest &request, int status, qint64 elapsedMs,
                            const char *note)
{
    QString target = request.path;
    if (!request.query.isEmpty())
        target += QLatin1Char('?') + request.query.toString(QUrl::FullyEncoded);
    const QByteArray line =
        request.method + ' ' + target.toUtf8() + ' ' + QByteArray::number(status) + ' ' +
        QByteArray::number(elapsedMs) + "ms" +
        (request.client.id.isEmpty() ? QByteArray() : " client=" + request.client.id.toUtf8()) +
        note + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace tokendesk::sandbox
