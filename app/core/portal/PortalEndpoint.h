#pragma once

#include <QString>
#include <QUrl>
#include <optional>

namespace tokendesk::portal {

// The base URL of a portal, checked: HTTPS, except plain HTTP to a loopback address (the
// sandbox). No user name, password, query or fragment.
class PortalEndpoint
{
public:
    static std::optional<QUrl> parse(const QString &text, QString *error);
    static bool isLoopbackHost(const QString &host);
    // base + "/v1/tokens/x", keeping a path prefix the base may carry.
    static QUrl resolve(const QUrl &base, const QString &path);
};

} // namespace tokendesk::portal
