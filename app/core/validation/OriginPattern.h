#pragma once

#include "HostPattern.h"

#include <QString>
#include <optional>

namespace tokendesk::validation {

// A canonical CORS origin entry, read back for matching and containment.
class OriginPattern
{
public:
    static std::optional<OriginPattern> fromCanonical(const QString &entry);

    // Whether a browser's Origin header value (canonical) is admitted.
    bool matches(const OriginPattern &requestOrigin) const;
    bool covers(const OriginPattern &other) const;

    const QString &scheme() const { return m_scheme; }
    const HostPattern &host() const { return m_host; }
    int port() const { return m_port; }

private:
    OriginPattern(QString scheme, HostPattern host, int port);

    QString m_scheme;
    HostPattern m_host;
    int m_port;
};

} // namespace tokendesk::validation
