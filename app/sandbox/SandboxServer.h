#pragma once

#include "AccessTokenRegistry.h"
#include "ApiResponse.h"
#include "RateLimiter.h"
#include "SandboxApi.h"
#include "SandboxOptions.h"
#include "SandboxStore.h"

#include <QHttpServer>
#include <QObject>
#include <QRandomGenerator>
#include <QUrl>

class QHttpServerRequest;
class QHttpServerResponder;

namespace tokendesk::sandbox {

// The sandbox portal on a loopback port: routes each request of the contract to SandboxApi,
// after the faults the options ask for (latency, rate limit, 5xx), and replays writes that
// carry an Idempotency-Key it has seen. Writes one access-log line per request on stderr,
// never a header or a body.
class SandboxServer : public QObject
{
    Q_OBJECT

public:
    SandboxServer(const SandboxOptions &options, SandboxStore &store, QObject *parent = nullptr);

    // Starts listening; returns the base URL, or an empty URL with *error set.
    QUrl listen(QString *error);

private:
    void serve(const QString &path, const QStringList &arguments,
               const QHttpServerRequest &request, QHttpServerResponder &responder);
    ApiResponse respond(const SandboxRoute &route, ApiRequest &request);
    std::optional<ApiResponse> injectedFault(const ApiRequest &request);
    ApiResponse withIdempotency(const SandboxRoute &route, const ApiRequest &request);
    void write(QHttpServerResponder &responder, const ApiResponse &response, bool drop);
    void logLine(const ApiRequest &request, int status, qint64 elapsedMs, const char *note);

    SandboxOptions m_options;
    SandboxStore &m_store;
    AccessTokenRegistry m_accessTokens;
    SandboxApi m_api;
    RateLimiter m_rateLimiter;
    QRandomGenerator m_faults;
    QHttpServer m_server;
};

} // namespace tokendesk::sandbox
