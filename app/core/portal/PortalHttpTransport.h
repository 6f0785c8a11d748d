#pragma once

#include "AccessTokenCache.h"
#include "PortalCall.h"
#include "PortalCredentials.h"
#include "PortalError.h"
#include "PortalExchange.h"
#include "RetryPolicy.h"

#include <QList>
#include <QSet>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QUrl>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace tokendesk::portal {

// Sends portal requests over an injected QNetworkAccessManager: adds the bearer token
// (fetched with the client credentials, refreshed ahead of expiry and once after a 401,
// never twice at the same time), a transfer timeout, and retries with backoff and jitter
// for requests that are safe to repeat, honouring Retry-After. Redirects are not followed,
// TLS errors are never ignored.
class PortalHttpTransport : public QObject
{
    Q_OBJECT

public:
    using Completion = std::function<void(const PortalResponse &, const PortalError &)>;

    // A base URL that PortalEndpoint refuses (plain HTTP off loopback, say) makes every call
    // fail with InvalidEndpoint: nothing is sent.
    PortalHttpTransport(QNetworkAccessManager *network, QUrl baseUrl,
                        PortalCredentials credentials, QObject *parent = nullptr);
    ~PortalHttpTransport() override;

    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    const RetryPolicy &retryPolicy() const { return m_policy; }
    QUrl baseUrl() const { return m_baseUrl; }

    // Completion runs exactly once, unless the transport is destroyed first.
    PortalCall *send(const PortalRequest &request, Completion completion);
    // The same, as one step of a longer call (pages of a list).
    void sendWithin(PortalCall *call, const PortalRequest &request, Completion completion);

    // Maps a portal error response (problem details or OAuth error) to a PortalError.
    static PortalError errorFromResponse(const PortalResponse &response);
    // Retry-After as seconds (delta or HTTP date), or -1.
    static int retryAfterSeconds(const QByteArray &value, const QDateTime &now);

private:
    struct Exchange;
    void startAttempt(const std::shared_ptr<Exchange> &exchange);
    void sendHttp(const std::shared_ptr<Exchange> &exchange, const QString &accessToken);
    void onReplyFinished(const std::shared_ptr<Exchange> &exchange, QNetworkReply *reply,
                         const QString &accessToken);
    // Retries if allowed; otherwise finishes with the error.
    void retryOrFail(const std::shared_ptr<Exchange> &exchange, const PortalError &error,
                     int retryAfter);
    void finish(const std::shared_ptr<Exchange> &exchange, const PortalResponse &response,
                const PortalError &error);

    using TokenWaiter = std::function<void(const QString &token, const PortalError &error)>;
    void withAccessToken(TokenWaiter waiter);
    void requestAccessToken(int attempt);
    void onTokenReply(QNetworkReply *reply, int attempt);
    void deliverToken(const QString &token, const PortalError &error);
    QNetworkReply *track(QNetworkReply *reply);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    PortalCredentials m_credentials;
    RetryPolicy m_policy;
    QRandomGenerator m_jitter;
    AccessTokenCache m_tokens;
    bool m_refreshing = false;
    QList<TokenWaiter> m_tokenWaiters;
    QString m_endpointError;
    QSet<QNetworkReply *> m_replies; // in flight, aborted if the transport goes first
};

} // namespace tokendesk::portal
