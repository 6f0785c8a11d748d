#pragma once

#include "IpRange.h"

#include <QList>
#include <QString>

namespace tokendesk::validation {

// The IANA special-purpose address blocks (IPv4 and IPv6 registries) with the warning each
// one raises in an IP whitelist.
class SpecialPurposeBlocks
{
public:
    struct Block
    {
        QString network; // canonical CIDR, as shown to the user
        IpRange range;
        const char *rule;
    };

    static const QList<Block> &all();
    // Blocks that contain or overlap the range, in table order.
    static QList<Block> overlapping(const IpRange &range);
};

} // namespace tokendesk::validation
