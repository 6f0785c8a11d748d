#include "IpRange.h"

#include <utility>

namespace tokendesk::validation {

namespace {

std::optional<IpAddress> parseCanonicalAddress(QStringView text)
{
    if (text.contains(QLatin1Char(':')))
        return IpAddress::parseIpv6(text);
    return IpAddress::parseCanonicalIpv4(text);
}

} // namespace

IpRange::IpRange(IpAddress first, IpAddress last)
    : m_first(std::move(first))
    , m_last(std::move(last))
{}

IpRange IpRange::fromNetwork(const IpAddress &network, int prefixLength)
{
    return IpRange(network.networkAddress(prefixLength), network.lastAddress(prefixLength));
}

std::optional<IpRange> IpRange::fromCanonical(const QString &entry)
{
    const QStringView text(entry);
    const qsizetype dash = text.indexOf(QLatin1Char('-'));
    if (dash >= 0) {
        const auto first = parseCanonicalAddress(text.left(dash));
        const auto last = parseCanonicalAddress(text.mid(dash + 1));
        if (!first || !last || first->family() != last->family() || *last < *first)
            return std::nullopt;
        return IpRange(*first, *last);
    }
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    const auto address = parseCanonicalAddress(slash >= 0 ? text.left(slash) : text);
    if (!address)
        return std::nullopt;
    if (slash < 0)
        return IpRange(*address, *address);
    bool ok = false;
    const int prefix = text.mid(slash + 1).toInt(&ok);
    if (!ok || prefix < 0 || prefix > address->bitCount())
        return std::nullopt;
    return fromNetwork(*address, prefix);
}

bool IpRange::contains(const IpRange &other) const
{
    return family() == other.family() && m_first <= other.m_first && other.m_last <= m_last;
}

bool IpRange::contains(const IpAddress &address) const
{
    return contains(IpRange(address, address));
}

bool IpRange::overlaps(const IpRange &other) const
{
    return family() == other.family() && m_first <= other.m_last && other.m_first <= m_last;
}

bool IpRange::coversWholeFamily() const
{
    return m_first == IpAddress::zero(family()) && m_last == IpAddress::allOnes(family());
}

std::optional<int> IpRange::cidrPrefixLength() const
{
    const int prefix = IpAddress::commonPrefixLength(m_first, m_last);
    if (m_first.networkAddress(prefix) == m_first && m_last.lastAddress(prefix) == m_last)
        return prefix;
    return std::nullopt;
}

} // namespace tokendesk::validation
