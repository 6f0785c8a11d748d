#include "SpecialPurposeBlocks.h"

namespace tokendesk::validation {

namespace {

struct BlockSource
{
    const char *network;
    const char *rule;
};

// From the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and updates),
// plus multicast and the 240/4 block, which the registries leave to their own documents.
// Entries inside IPv4-mapped IPv6 (::ffff:0:0/96) are rewritten as IPv4 and classified there;
// the block stays listed for shorter IPv6 networks that reach into it.
const BlockSource kSources[] = {
    {"0.0.0.0/8", "ip.reserved"},
    {"10.0.0.0/8", "ip.private"},
    {"100.64.0.0/10", "ip.shared"},
    {"127.0.0.0/8", "ip.loopback"},
    {"169.254.0.0/16", "ip.link-local"},
    {"172.16.0.0/12", "ip.private"},
    {"192.0.0.0/24", "ip.reserved"},
    {"192.0.2.0/24", "ip.documentation"},
    {"192.31.196.0/24", "ip.reserved"},
    {"192.52.193.0/24", "ip.reserved"},
    {"192.88.99.0/24", "ip.reserved"},
    {"192.168.0.0/16", "ip.private"},
    {"192.175.48.0/24", "ip.reserved"},
    {"198.18.0.0/15", "ip.reserved"},
    {"198.51.100.0/24", "ip.documentation"},
    {"203.0.113.0/24", "ip.documentation"},
    {"224.0.0.0/4", "ip.multicast"},
    {"240.0.0.0/4", "ip.reserved"},
    {"::1/128", "ip.loopback"},
    {"::/128", "ip.reserved"},
    {"::ffff:0:0/96", "ip.reserved"},
    {"64:ff9b::/96", "ip.reserved"},
    {"64:ff9b:1::/48", "ip.reserved"},
    {"100::/64", "ip.reserved"},
    {"2001::/23", "ip.reserved"},
    {"2001:db8::/32", "ip.documentation"},
    {"2002::/16", "ip.reserved"},
    {"2620:4f:8000::/48", "ip.reserved"},
    {"3fff::/20", "ip.documentation"},
    {"5f00::/16", "ip.reserved"},
    {"fc00::/7", "ip.private"},
    {"fe80::/10", "ip.link-local"},
    {"ff00::/8", "ip.multicast"},
};

QList<SpecialPurposeBlocks::Block> buildBlocks()
{
    QList<SpecialPurposeBlocks::Block> blocks;
    for (const BlockSource &source : kSources) {
        const QString network = QString::fromLatin1(source.network);
        const auto range = IpRange::fromCanonical(network);
        Q_ASSERT(range);
        blocks.append({network, *range, source.rule});
    }
    return blocks;
}

} // namespace

const QList<SpecialPurposeBlocks::Block> &SpecialPurposeBlocks::all()
{
    static const QList<Block> blocks = buildBlocks();
    return blocks;
}

QList<SpecialPurposeBlocks::Block> SpecialPurposeBlocks::overlapping(const IpRange &range)
{
    QList<Block> result;
    for (const Block &block : all()) {
        if (block.range.overlaps(range))
            result.append(block);
    }
    return result;
}

} // namespace tokendesk::validation
