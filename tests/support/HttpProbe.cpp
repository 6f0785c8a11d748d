#include "HttpProbe.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>

QByteArray HttpProbe::Reply::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

QJsonObject HttpProbe::Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

HttpProbe::Reply HttpProbe::send(const QByteArray &method, const QString &pathAndQuery,
                                 const QByteArray &body,
                                 const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QUrl url = m_base.resolved(QUrl(pathAndQuery));
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(30000);
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    const int error = int(reply->error());
    result.networkError = (error > 0 && error < 200) || (error >= 300 && error < 400) ? error : 0;
    reply->deleteLater();
    return result;
}

QString HttpProbe::accessToken(const QString &clientId, const QString &secret)
{
    const QByteArray basic = (clientId + QLatin1Char(':') + secret).toUtf8().toBase64();
    const Reply reply = send("POST", QStringLiteral("/oauth2/token"),
                             "grant_type=client_credentials",
                             {{"Authorization", "Basic " + basic},
                              {"Content-Type", "application/x-www-form-urlencoded"}});
    return reply.json().value(QStringLiteral("access_token")).toString();
}

HttpProbe::Reply HttpProbe::authorized(const QString &token, const QByteArray &method,
                                       const QString &pathAndQuery, const QByteArray &body,
                                       QList<QPair<QByteArray, QByteArray>> headers)
{
    headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer " + token.toLatin1())));
    if (!body.isEmpty()) {
        bool hasType = false;
        for (const auto &header : headers)
            hasType = hasType || header.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
        if (!hasType)
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    }
    return send(method, pathAndQuery, body, headers);
}
