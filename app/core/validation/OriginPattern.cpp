#include "OriginPattern.h"

#include "UrlParts.h"

#include <utility>

namespace tokendesk::validation {

OriginPattern::OriginPattern(QString scheme, HostPattern host, int port)
    : m_scheme(std::move(scheme))
    , m_host(std::move(host))
    , m_port(port)
{}

std::optional<OriginPattern> OriginPattern::fromCanonical(const QString &entry)
{
    const UrlParts parts = UrlParts::split(entry);
    if (parts.scheme.isEmpty() || parts.host.isEmpty())
        return std::nullopt;
    int port = UrlParts::defaultPort(parts.scheme);
    if (parts.hasPort) {
        const auto number = UrlParts::parsePort(parts.port);
        if (!number)
            return std::nullopt;
        port = *number;
    }
    return OriginPattern(parts.scheme, HostPattern(parts.host), port);
}

bool OriginPattern::matches(const OriginPattern &requestOrigin) const
{
    return m_scheme == requestOrigin.m_scheme && m_port == requestOrigin.m_port &&
           !requestOrigin.m_host.isWildcard() && m_host.matches(requestOrigin.m_host.text());
}

bool OriginPattern::covers(const OriginPattern &other) const
{
    return m_scheme == other.m_scheme && m_port == other.m_port && m_host.covers(other.m_host);
}

} // namespace tokendesk::validation
