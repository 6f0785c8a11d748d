#pragma once

#include "IpAddress.h"

#include <QString>
#include <optional>

namespace tokendesk::validation {

// An inclusive span of addresses of one family: what every IP whitelist entry denotes.
class IpRange
{
public:
    IpRange() = default;
    IpRange(IpAddress first, IpAddress last);
    static IpRange fromNetwork(const IpAddress &network, int prefixLength);
    // Reads a canonical entry ("a", "a/n", "a-b"); nullopt for anything else.
    static std::optional<IpRange> fromCanonical(const QString &entry);

    const IpAddress &first() const { return m_first; }
    const IpAddress &last() const { return m_last; }
    IpAddress::Family family() const { return m_first.family(); }

    bool contains(const IpRange &other) const;
    bool contains(const IpAddress &address) const;
    bool overlaps(const IpRange &other) const;
    bool coversWholeFamily() const;
    // The prefix length when the range is exactly one CIDR block.
    std::optional<int> cidrPrefixLength() const;

private:
    IpAddress m_first;
    IpAddress m_last;
};

} // namespace tokendesk::validation
