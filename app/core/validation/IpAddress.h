#pragma once

#include <QString>
#include <QStringView>
#include <array>
#include <optional>

namespace tokendesk::validation {

// An IPv4 or IPv6 address as bits, with strict parsers and canonical (RFC 5952) output.
class IpAddress
{
public:
    enum class Family { V4, V6 };

    // What a lenient, inet_aton-style reading of an IPv4 literal found.
    struct LegacyIpv4
    {
        quint32 value = 0;
        bool canonical = false; // four decimal parts, no leading zeros
        // A part with a leading zero: octal to some parsers, decimal to others.
        bool ambiguous = false;
    };

    IpAddress() = default;
    static IpAddress fromIpv4(quint32 value);
    static IpAddress zero(Family family);
    static IpAddress allOnes(Family family);

    // Accepts dotted quads, hex, octal, and fewer than four parts, as legacy parsers do.
    static std::optional<LegacyIpv4> parseLegacyIpv4(QStringView text);
    // Four decimal parts without leading zeros, nothing else.
    static std::optional<IpAddress> parseCanonicalIpv4(QStringView text);
    // RFC 4291 text form without brackets or zone id; an embedded IPv4 tail must be canonical.
    static std::optional<IpAddress> parseIpv6(QStringView text);

    Family family() const { return m_family; }
    int bitCount() const { return m_family == Family::V4 ? 32 : 128; }
    bool bit(int index) const;
    quint32 toIpv4() const;

    bool isIpv4Mapped() const;
    IpAddress mappedIpv4() const;
    bool isZero() const;

    // The address with every bit below prefixLength cleared (network) or set (last address).
    IpAddress networkAddress(int prefixLength) const;
    IpAddress lastAddress(int prefixLength) const;
    // Whether last - first + 1 exceeds 2^bits (first <= last, same family).
    static bool spanExceedsPowerOfTwo(const IpAddress &first, const IpAddress &last, int bits);
    // Length of the prefix the two addresses share.
    static int commonPrefixLength(const IpAddress &a, const IpAddress &b);

    QString toString() const;

    int compare(const IpAddress &other) const;
    bool operator==(const IpAddress &other) const { return compare(other) == 0; }
    bool operator!=(const IpAddress &other) const { return compare(other) != 0; }
    bool operator<(const IpAddress &other) const { return compare(other) < 0; }
    bool operator<=(const IpAddress &other) const { return compare(other) <= 0; }

private:
    void setBit(int index, bool on);

    Family m_family = Family::V4;
    std::array<quint8, 16> m_bytes{}; // IPv4 uses the first four bytes
};

} // namespace tokendesk::validation
