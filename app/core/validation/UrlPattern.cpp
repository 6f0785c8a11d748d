#include "UrlPattern.h"

#include "UrlParts.h"

#include <utility>

namespace tokendesk::validation {

UrlPattern::UrlPattern(QString scheme, HostPattern host, int port, QString path, bool prefix)
    : m_scheme(std::move(scheme))
    , m_host(std::move(host))
    , m_port(port)
    , m_path(std::move(path))
    , m_prefix(prefix)
{}

std::optional<UrlPattern> UrlPattern::fromCanonical(const QString &entry)
{
    const UrlParts parts = UrlParts::split(entry);
    if (parts.host.isEmpty() || parts.opaqueScheme)
        return std::nullopt;
    int port = -1;
    if (parts.hasPort) {
        const auto number = UrlParts::parsePort(parts.port);
        if (!number)
            return std::nullopt;
        port = *number;
    }
    QString path = parts.path;
    const bool prefix = path.endsWith(QLatin1Char('*'));
    if (prefix)
        path.chop(1);
    return UrlPattern(parts.scheme, HostPattern(parts.host), port, path, prefix);
}

QList<QPair<QString, int>> UrlPattern::schemePorts() const
{
    QList<QPair<QString, int>> pairs;
    const QStringList schemes = m_scheme.isEmpty()
                                    ? QStringList{QStringLiteral("http"), QStringLiteral("https")}
                                    : QStringList{m_scheme};
    for (const QString &scheme : schemes)
        pairs.append({scheme, m_port > 0 ? m_port : UrlParts::defaultPort(scheme)});
    return pairs;
}

bool UrlPattern::admitsSchemePort(const QString &scheme, int port) const
{
    if (!m_scheme.isEmpty() && m_scheme != scheme)
        return false;
    return port == (m_port > 0 ? m_port : UrlParts::defaultPort(scheme));
}

bool UrlPattern::admitsPath(const QString &path) const
{
    if (m_path.isEmpty() && !m_prefix)
        return true;
    const QString requested = path.isEmpty() ? QStringLiteral("/") : path;
    return m_prefix ? requested.startsWith(m_path) : requested == m_path;
}

bool UrlPattern::admits(const QString &scheme, const QString &host, int port,
                        const QString &path) const
{
    return admitsSchemePort(scheme, port) && m_host.matches(host) && admitsPath(path);
}

bool UrlPattern::covers(const UrlPattern &other) const
{
    for (const auto &pair : other.schemePorts()) {
        if (!admitsSchemePort(pair.first, pair.second))
            return false;
    }
    if (!m_host.covers(other.m_host))
        return false;
    if (m_path.isEmpty() && !m_prefix)
        return true;
    if (other.m_path.isEmpty() && !other.m_prefix)
        return m_prefix && m_path == QLatin1String("/");
    if (m_prefix)
        return other.m_path.startsWith(m_path);
    return !other.m_prefix && other.m_path == m_path;
}

} // namespace tokendesk::validation
