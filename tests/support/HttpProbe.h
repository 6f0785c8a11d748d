#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QUrl>

// Raw HTTP requests for tests that check the wire, not the client: sends one request and
// waits for its answer.
class HttpProbe
{
public:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        int networkError = 0;

        QByteArray header(const QByteArray &name) const;
        QJsonObject json() const;
    };

    explicit HttpProbe(QUrl base) : m_base(std::move(base)) {}

    Reply send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
               const QList<QPair<QByteArray, QByteArray>> &headers = {});
    // POST /oauth2/token with Basic credentials; the access token, or empty.
    QString accessToken(const QString &clientId, const QString &secret);
    // The same with "Authorization: Bearer <token>" added.
    Reply authorized(const QString &token, const QByteArray &method, const QString &pathAndQuery,
                     const QByteArray &body = {},
                     QList<QPair<QByteArray, QByteArray>> headers = {});

private:
    QUrl m_base;
    QNetworkAccessManager m_network;
};
