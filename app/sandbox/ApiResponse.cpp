#include "ApiResponse.h"

#include "portal/PortalJson.h"

#include <QJsonDocument>

namespace tokendesk::sandbox {

namespace {

QString titleFor(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("Invalid request");
    case 401:
        return QStringLiteral("Authentication required");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not found");
    case 405:
        return QStringLiteral("Method not allowed");
    case 409:
        return QStringLiteral("Conflict");
    case 412:
        return QStringLiteral("Precondition failed");
    case 415:
        return QStringLiteral("Unsupported media type");
    case 422:
        return QStringLiteral("Unprocessable content");
    case 428:
        return QStringLiteral("Precondition required");
    case 429:
        return QStringLiteral("Too many requests");
    case 503:
        return QStringLiteral("Service unavailable");
    default:
        return QStringLiteral("Internal server error");
    }
}

} // namespace

ApiResponse ApiResponse::json(int status, const QJsonObject &object)
{
    ApiResponse response;
    response.status = status;
    response.contentType = "application/json";
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

ApiResponse ApiResponse::noContent(int status)
{
    ApiResponse response;
    response.status = status;
    return response;
}

ApiResponse ApiResponse::problem(int status, const char *slug, const QString &detail,
                                 const QString &instance, const domain::FieldIssues &errors,
                                 const QJsonObject &extra)
{
    QJsonObject object = extra;
    object.insert(QStringLiteral("type"), QString(QStringLiteral("urn:tokendesk:problem:") +
                                                      QString::fromLatin1(slug)));
    object.insert(QStringLiteral("title"), titleFor(status));
    object.insert(QStringLiteral("status"), status);
    object.insert(QStringLiteral("detail"), detail);
    object.insert(QStringLiteral("instance"), instance);
    if (!errors.isEmpty())
        object.insert(QStringLiteral("errors"), portal::PortalJson::fieldIssuesToJson(errors));
    ApiResponse response = json(status, object);
    response.contentType = "application/problem+json";
    return response;
}

ApiResponse ApiResponse::oauthError(int status, const char *error, const QString &description)
{
    ApiResponse response = json(status, QJsonObject{{QStringLiteral("error"), QLatin1String(error)},
                                                    {QStringLiteral("error_description"),
                                                     description}});
    response.withHeader("Cache-Control", "no-store");
    return response;
}

ApiResponse &ApiResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

QByteArray ApiResponse::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

} // namespace tokendesk::sandbox
