#pragma once

#include <QString>

namespace tokendesk::validation {

// A canonical host as it stands in an origin or permitted URL: a name, an IP literal, or
// "*.name", which matches every name below "name" at any depth and never "name" itself.
// Matching is on whole labels: example.com never matches evil-example.com.
class HostPattern
{
public:
    explicit HostPattern(QString canonicalHost);

    bool isWildcard() const { return m_host.startsWith(QLatin1String("*.")); }
    const QString &text() const { return m_host; }

    // Whether a request host (canonical, no wildcard) is admitted.
    bool matches(const QString &host) const;
    // Whether every host this pattern's other admits is admitted by this one.
    bool covers(const HostPattern &other) const;

private:
    QString m_host;
};

} // namespace tokendesk::validation
