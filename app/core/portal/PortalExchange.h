#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace tokendesk::portal {

// One request of the portal API, before authentication and retries are added.
struct PortalRequest
{
    QByteArray method = "GET";
    QString path; // "/v1/tokens/tok_1", appended to the portal's base URL
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType;
    QList<QPair<QByteArray, QByteArray>> headers;
    // Safe to send again after a failure even though the method is not GET: reveal, and
    // writes that carry an Idempotency-Key. GETs are always safe to repeat.
    bool retryable = false;

    bool mayRepeat() const { return retryable || method == "GET" || method == "HEAD"; }
};

// The answer, once the transport has finished with retries and authentication.
struct PortalResponse
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names

    QByteArray header(const char *lowerCaseName) const
    {
        return headers.value(QByteArray(lowerCaseName));
    }
};

} // namespace tokendesk::portal
