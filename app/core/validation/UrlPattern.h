#pragma once

#include "HostPattern.h"

#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace tokendesk::validation {

// A canonical permitted-URL entry, read back for matching and containment.
// No scheme admits http and https; no path admits the whole site; a trailing * admits every
// path that starts with what precedes it.
class UrlPattern
{
public:
    static std::optional<UrlPattern> fromCanonical(const QString &entry);

    // Whether a request (a referrer cut into parts, canonical host) is admitted.
    bool admits(const QString &scheme, const QString &host, int port, const QString &path) const;
    bool covers(const UrlPattern &other) const;

private:
    UrlPattern(QString scheme, HostPattern host, int port, QString path, bool prefix);
    // The (scheme, port) pairs this entry admits.
    QList<QPair<QString, int>> schemePorts() const;
    bool admitsSchemePort(const QString &scheme, int port) const;
    bool admitsPath(const QString &path) const;

    QString m_scheme;
    HostPattern m_host;
    int m_port; // -1: the scheme's default
    QString m_path;
    bool m_prefix;
};

} // namespace tokendesk::validation
