#pragma once

#include "validation/ControlKind.h"

#include <QStringList>

namespace tokendesk::domain {

// The three lists a token carries, each of at most five entries.
struct SecurityControls
{
    QStringList corsOrigins;
    QStringList permittedUrls;
    QStringList ipRanges;

    const QStringList &list(validation::ControlKind kind) const;
    QStringList &list(validation::ControlKind kind);
    bool isEmpty() const;

    friend bool operator==(const SecurityControls &a, const SecurityControls &b)
    {
        return a.corsOrigins == b.corsOrigins && a.permittedUrls == b.permittedUrls &&
               a.ipRanges == b.ipRanges;
    }
    friend bool operator!=(const SecurityControls &a, const SecurityControls &b)
    {
        return !(a == b);
    }
};

// Wire names of the lists: "cors_origins", "permitted_urls", "ip_ranges".
QString controlFieldName(validation::ControlKind kind);

} // namespace tokendesk::domain
