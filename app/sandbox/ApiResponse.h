#pragma once

#include "domain/FieldIssue.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace tokendesk::sandbox {

// One HTTP response before it is written: status, headers, body.
struct ApiResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static ApiResponse json(int status, const QJsonObject &object);
    static ApiResponse noContent(int status);
    // RFC 9457 problem details; type is urn:tokendesk:problem:<slug>.
    static ApiResponse problem(int status, const char *slug, const QString &detail,
                               const QString &instance, const domain::FieldIssues &errors = {},
                               const QJsonObject &extra = {});
    // RFC 6749 §5.2 error of the token endpoint.
    static ApiResponse oauthError(int status, const char *error, const QString &description);

    ApiResponse &withHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
};

} // namespace tokendesk::sandbox
