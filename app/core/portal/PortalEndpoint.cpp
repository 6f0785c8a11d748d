#include "PortalEndpoint.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace tokendesk::portal {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PortalEndpoint", text);
}

} // namespace

bool PortalEndpoint::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

std::optional<QUrl> PortalEndpoint::parse(const QString &text, QString *error)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        *error = tr("“%1” is not a URL such as https://portal.example.com").arg(text);
        return std::nullopt;
    }
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http")) {
        *error = tr("the portal URL must start with https://");
        return std::nullopt;
    }
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host())) {
        *error = tr("the portal URL must use https:// (plain http:// is accepted only for "
                    "loopback addresses such as 127.0.0.1)");
        return std::nullopt;
    }
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment()) {
        *error = tr("the portal URL may not contain a user name, password, query or fragment");
        return std::nullopt;
    }
    QUrl base = url;
    QString path = base.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    base.setPath(path);
    return base;
}

QUrl PortalEndpoint::resolve(const QUrl &base, const QString &path)
{
    QUrl url = base;
    url.setPath(base.path() + path);
    return url;
}

} // namespace tokendesk::portal
