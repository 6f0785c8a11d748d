#include "HostPattern.h"

#include <utility>

namespace tokendesk::validation {

HostPattern::HostPattern(QString canonicalHost)
    : m_host(std::move(canonicalHost))
{}

bool HostPattern::matches(const QString &host) const
{
    if (!isWildcard())
        return host == m_host;
    const QStringView suffix = QStringView(m_host).mid(1); // ".example.com"
    return host.size() > suffix.size() && host.endsWith(suffix);
}

bool HostPattern::covers(const HostPattern &other) const
{
    if (other.m_host == m_host)
        return true;
    if (!isWildcard())
        return false;
    // "*.a.example.com" is below "*.example.com" exactly when "a.example.com" is.
    const QString otherBase = other.isWildcard() ? other.m_host.mid(2) : other.m_host;
    return matches(otherBase);
}

} // namespace tokendesk::validation
