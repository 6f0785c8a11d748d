#include "IpAddress.h"

#include <QStringList>

namespace tokendesk::validation {

namespace {

int byteCount(IpAddress::Family family)
{
    return family == IpAddress::Family::V4 ? 4 : 16;
}

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

int hexValue(QChar c)
{
    if (isAsciiDigit(c))
        return c.unicode() - '0';
    const char16_t lower = c.toLower().unicode();
    if (lower >= 'a' && lower <= 'f')
        return lower - 'a' + 10;
    return -1;
}

// One part of a legacy IPv4 literal: decimal, 0x-hex or 0-octal. Caps at 2^32 to stay exact.
struct LegacyPart
{
    quint64 value = 0;
    bool leadingZero = false;
    bool decimal = false;
};

std::optional<LegacyPart> parseLegacyPart(QStringView part)
{
    if (part.isEmpty())
        return std::nullopt;
    LegacyPart result;
    int base = 10;
    QStringView digits = part;
    if (part.size() >= 2 && part.at(0) == QLatin1Char('0') &&
        (part.at(1) == QLatin1Char('x') || part.at(1) == QLatin1Char('X'))) {
        base = 16;
        digits = part.mid(2);
    } else if (part.size() >= 2 && part.at(0) == QLatin1Char('0')) {
        base = 8;
        digits = part.mid(1);
        result.leadingZero = true;
    }
    result.decimal = base == 10;
    // "09" is no octal number, but some parsers read it as decimal 9: ambiguous, not garbage.
    if (base == 8) {
        bool decimalOnly = true;
        for (QChar c : digits)
            decimalOnly = decimalOnly && isAsciiDigit(c);
        if (decimalOnly && (digits.contains(QLatin1Char('8')) || digits.contains(QLatin1Char('9'))))
            base = 10;
    }
    for (QChar c : digits) {
        const int digit = hexValue(c);
        if (digit < 0 || digit >= base)
            return std::nullopt;
        result.value = result.value * quint64(base) + quint64(digit);
        if (result.value > 0xFFFFFFFFull)
            return std::nullopt;
    }
    return result;
}

} // namespace

IpAddress IpAddress::fromIpv4(quint32 value)
{
    IpAddress address;
    address.m_family = Family::V4;
    for (int i = 0; i < 4; ++i)
        address.m_bytes[i] = quint8(value >> (24 - 8 * i));
    return address;
}

IpAddress IpAddress::zero(Family family)
{
    IpAddress address;
    address.m_family = family;
    return address;
}

IpAddress IpAddress::allOnes(Family family)
{
    IpAddress address = zero(family);
    for (int i = 0; i < byteCount(family); ++i)
        address.m_bytes[i] = 0xFF;
    return address;
}

std::optional<IpAddress::LegacyIpv4> IpAddress::parseLegacyIpv4(QStringView text)
{
    const auto parts = text.split(QLatin1Char('.'));
    if (parts.isEmpty() || parts.size() > 4)
        return std::nullopt;
    LegacyIpv4 result;
    result.canonical = parts.size() == 4;
    quint64 value = 0;
    for (int i = 0; i < parts.size(); ++i) {
        const auto part = parseLegacyPart(parts.at(i));
        if (!part)
            return std::nullopt;
        const bool last = i == parts.size() - 1;
        const quint64 limit = last ? (quint64(1) << (8 * (5 - parts.size()))) : 256;
        if (part->value >= limit)
            return std::nullopt;
        if (last)
            value += part->value;
        else
            value += part->value << (8 * (3 - i));
        result.canonical = result.canonical && part->decimal;
        result.ambiguous = result.ambiguous || part->leadingZero;
    }
    result.value = quint32(value);
    return result;
}

std::optional<IpAddress> IpAddress::parseCanonicalIpv4(QStringView text)
{
    const auto parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return std::nullopt;
    quint32 value = 0;
    for (QStringView part : parts) {
        if (part.isEmpty() || part.size() > 3 ||
            (part.size() > 1 && part.at(0) == QLatin1Char('0')))
            return std::nullopt;
        int octet = 0;
        for (QChar c : part) {
            if (!isAsciiDigit(c))
                return std::nullopt;
            octet = octet * 10 + (c.unicode() - '0');
        }
        if (octet > 255)
            return std::nullopt;
        value = (value << 8) | quint32(octet);
    }
    return fromIpv4(value);
}

std::optional<IpAddress> IpAddress::parseIpv6(QStringView text)
{
    if (text.size() < 2)
        return std::nullopt;
    std::array<quint16, 8> groups{};
    int count = 0;
    int compressAt = -1;
    qsizetype pos = 0;
    if (text.startsWith(u"::")) {
        compressAt = 0;
        pos = 2;
        if (pos == text.size())
            return zero(Family::V6);
    } else if (text.at(0) == QLatin1Char(':')) {
        return std::nullopt;
    }
    while (pos < text.size()) {
        if (count == 8)
            return std::nullopt;
        qsizetype end = pos;
        while (end < text.size() && text.at(end) != QLatin1Char(':'))
            ++end;
        const QStringView group = text.mid(pos, end - pos);
        if (group.contains(QLatin1Char('.'))) {
            // An IPv4 tail occupies the last two groups.
            if (end != text.size() || count > 6)
                return std::nullopt;
            const auto ipv4 = parseCanonicalIpv4(group);
            if (!ipv4)
                return std::nullopt;
            const quint32 value = ipv4->toIpv4();
            groups[count++] = quint16(value >> 16);
            groups[count++] = quint16(value & 0xFFFF);
            pos = end;
            break;
        }
        if (group.isEmpty() || group.size() > 4)
            return std::nullopt;
        quint16 value = 0;
        for (QChar c : group) {
            const int digit = hexValue(c);
            if (digit < 0)
                return std::nullopt;
            value = quint16(value * 16 + digit);
        }
        groups[count++] = value;
        pos = end;
        if (pos == text.size())
            break;
        // pos is at ':'
        if (pos + 1 < text.size() && text.at(pos + 1) == QLatin1Char(':')) {
            if (compressAt >= 0)
                return std::nullopt;
            compressAt = count;
            pos += 2;
        } else {
            ++pos;
            if (pos == text.size())
                return std::nullopt; // trailing single ':'
        }
    }
    if (compressAt < 0 && count != 8)
        return std::nullopt;
    if (compressAt >= 0 && count > 7)
        return std::nullopt; // "::" must stand for at least one group
    IpAddress address = zero(Family::V6);
    std::array<quint16, 8> full{};
    if (compressAt >= 0) {
        const int tail = count - compressAt;
        for (int i = 0; i < compressAt; ++i)
            full[i] = groups[i];
        for (int i = 0; i < tail; ++i)
            full[8 - tail + i] = groups[compressAt + i];
    } else {
        full = groups;
    }
    for (int i = 0; i < 8; ++i) {
        address.m_bytes[2 * i] = quint8(full[i] >> 8);
        address.m_bytes[2 * i + 1] = quint8(full[i] & 0xFF);
    }
    return address;
}

bool IpAddress::bit(int index) const
{
    return (m_bytes[index / 8] >> (7 - index % 8)) & 1;
}

void IpAddress::setBit(int index, bool on)
{
    const quint8 mask = quint8(1u << (7 - index % 8));
    if (on)
        m_bytes[index / 8] |= mask;
    else
        m_bytes[index / 8] &= quint8(~mask);
}

quint32 IpAddress::toIpv4() const
{
    return (quint32(m_bytes[0]) << 24) | (quint32(m_bytes[1]) << 16) | (quint32(m_bytes[2]) << 8) |
           quint32(m_bytes[3]);
}

bool IpAddress::isIpv4Mapped() const
{
    if (m_family != Family::V6)
        return false;
    for (int i = 0; i < 10; ++i) {
        if (m_bytes[i] != 0)
            return false;
    }
    return m_bytes[10] == 0xFF && m_bytes[11] == 0xFF;
}

IpAddress IpAddress::mappedIpv4() const
{
    IpAddress address = zero(Family::V4);
    for (int i = 0; i < 4; ++i)
        address.m_bytes[i] = m_bytes[12 + i];
    return address;
}

bool IpAddress::isZero() const
{
    for (int i = 0; i < byteCount(m_family); ++i) {
        if (m_bytes[i] != 0)
            return false;
    }
    return true;
}

IpAddress IpAddress::networkAddress(int prefixLength) const
{
    IpAddress address = *this;
    for (int i = prefixLength; i < bitCount(); ++i)
        address.setBit(i, false);
    return address;
}

IpAddress IpAddress::lastAddress(int prefixLength) const
{
    IpAddress address = *this;
    for (int i = prefixLength; i < bitCount(); ++i)
        address.setBit(i, true);
    return address;
}

bool IpAddress::spanExceedsPowerOfTwo(const IpAddress &first, const IpAddress &last, int bits)
{
    // difference = last - first, computed bytewise; the span exceeds 2^bits exactly when
    // difference >= 2^bits, that is when any bit of weight 2^bits or more is set.
    const int bytes = byteCount(first.m_family);
    std::array<quint8, 16> difference{};
    int borrow = 0;
    for (int i = bytes - 1; i >= 0; --i) {
        int value = int(last.m_bytes[i]) - int(first.m_bytes[i]) - borrow;
        borrow = value < 0 ? 1 : 0;
        if (value < 0)
            value += 256;
        difference[i] = quint8(value);
    }
    const int totalBits = bytes * 8;
    for (int index = 0; index < totalBits - bits; ++index) {
        if ((difference[index / 8] >> (7 - index % 8)) & 1)
            return true;
    }
    return false;
}

int IpAddress::commonPrefixLength(const IpAddress &a, const IpAddress &b)
{
    int length = 0;
    while (length < a.bitCount() && a.bit(length) == b.bit(length))
        ++length;
    return length;
}

QString IpAddress::toString() const
{
    if (m_family == Family::V4) {
        return QStringLiteral("%1.%2.%3.%4")
            .arg(m_bytes[0])
            .arg(m_bytes[1])
            .arg(m_bytes[2])
            .arg(m_bytes[3]);
    }
    std::array<quint16, 8> groups{};
    for (int i = 0; i < 8; ++i)
        groups[i] = quint16((m_bytes[2 * i] << 8) | m_bytes[2 * i + 1]);
    // RFC 5952 4.2: compress the longest run of two or more zero groups, the first on a tie.
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8;) {
        if (groups[i] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && groups[j] == 0)
            ++j;
        if (j - i > bestLength) {
            bestStart = i;
            bestLength = j - i;
        }
        i = j;
    }
    QString text;
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            text += QStringLiteral("::");
            i += bestLength - 1;
            continue;
        }
        if (!text.isEmpty() && !text.endsWith(QLatin1Char(':')))
            text += QLatin1Char(':');
        text += QString::number(groups[i], 16);
    }
    return text;
}

int IpAddress::compare(const IpAddress &other) const
{
    if (m_family != other.m_family)
        return m_family == Family::V4 ? -1 : 1;
    for (int i = 0; i < byteCount(m_family); ++i) {
        if (m_bytes[i] != other.m_bytes[i])
            return m_bytes[i] < other.m_bytes[i] ? -1 : 1;
    }
    return 0;
}

} // namespace tokendesk::validation
