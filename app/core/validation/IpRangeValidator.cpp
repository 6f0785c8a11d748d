#include "IpRangeValidator.h"

#include "EntryText.h"
#include "IpRange.h"
#include "SpecialPurposeBlocks.h"

#include <QSet>

namespace tokendesk::validation {

namespace {

QString familyName(IpAddress::Family family)
{
    return family == IpAddress::Family::V4 ? QStringLiteral("IPv4") : QStringLiteral("IPv6");
}

// The prefix that a network must not be shorter than before it counts as broad.
int broadPrefix(IpAddress::Family family)
{
    return family == IpAddress::Family::V4 ? 16 : 32;
}

void classify(const IpRange &range, FindingCollector &findings)
{
    QSet<QString> raised;
    for (const auto &block : SpecialPurposeBlocks::overlapping(range)) {
        const QString rule = QString::fromLatin1(block.rule);
        if (raised.contains(rule))
            continue;
        raised.insert(rule);
        findings.add(block.rule, {block.network});
    }
    const int prefix = broadPrefix(range.family());
    if (IpAddress::spanExceedsPowerOfTwo(range.first(), range.last(),
                                         range.first().bitCount() - prefix))
        findings.add("ip.broad", {QStringLiteral("/%1").arg(prefix)});
}

} // namespace

std::optional<IpAddress> IpRangeValidator::parseAddress(QStringView text,
                                                        FindingCollector &findings)
{
    QStringView address = text;
    const bool looksIpv6 = text.contains(QLatin1Char(':'));
    if ((text.startsWith(QLatin1Char('[')) || text.contains(QLatin1Char('%'))) && !looksIpv6) {
        findings.add("ip.invalid", {text.toString()}); // brackets and scope ids are IPv6 only
        return std::nullopt;
    }
    if (address.startsWith(QLatin1Char('[')) && address.endsWith(QLatin1Char(']'))) {
        address = address.mid(1, address.size() - 2);
        findings.add("ip.brackets");
    }
    const qsizetype percent = address.indexOf(QLatin1Char('%'));
    if (percent >= 0) {
        findings.addRepairable("ip.zone-id", {address.mid(percent).toString()});
        address = address.left(percent);
    }
    if (address.contains(QLatin1Char(':'))) {
        auto ipv6 = IpAddress::parseIpv6(address);
        if (!ipv6) {
            findings.add("ip.invalid", {text.toString()});
            return std::nullopt;
        }
        return ipv6;
    }
    if (const auto ipv4 = IpAddress::parseCanonicalIpv4(address))
        return ipv4;
    const auto legacy = IpAddress::parseLegacyIpv4(address);
    if (!legacy) {
        findings.add("ip.invalid", {text.toString()});
        return std::nullopt;
    }
    if (legacy->ambiguous)
        findings.add("ip.ipv4-noncanonical", {address.toString()});
    else
        findings.addRepairable("ip.ipv4-noncanonical", {address.toString()});
    return IpAddress::fromIpv4(legacy->value);
}

EntryResult IpRangeValidator::validate(const QString &input)
{
    const QString text = EntryText::trimmed(input);
    FindingCollector findings;
    if (!EntryText::check(text, findings))
        return findings.finish(input, QString(), validate);

    // An IPv4-mapped address is rewritten as IPv4 (with its prefix, when that stays inside
    // the mapped block), so that one address has one canonical entry.
    const auto unmap = [&findings](IpAddress &address, int *prefix) {
        if (!address.isIpv4Mapped() || (prefix && *prefix < 96))
            return;
        address = address.mappedIpv4();
        if (prefix)
            *prefix -= 96;
        findings.add("ip.ipv4-mapped");
    };

    IpRange range;
    QString candidate;
    bool isRange = false;
    const qsizetype dash = text.indexOf(QLatin1Char('-'));
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (dash >= 0 && (slash < 0 || dash < slash)) {
        const QStringView firstText = QStringView(text).left(dash);
        const QStringView lastText = QStringView(text).mid(dash + 1);
        if (slash >= 0 || lastText.contains(QLatin1Char('-'))) {
            findings.add("ip.invalid", {text});
            return findings.finish(input, QString(), validate);
        }
        auto first = parseAddress(firstText, findings);
        auto last = parseAddress(lastText, findings);
        if (!first || !last)
            return findings.finish(input, QString(), validate);
        if (first->isIpv4Mapped() && last->isIpv4Mapped()) {
            unmap(*first, nullptr);
            *last = last->mappedIpv4(); // one finding for the entry
        }
        if (first->family() != last->family()) {
            findings.add("ip.range-mixed-family");
            return findings.finish(input, QString(), validate);
        }
        if (*last < *first) {
            // "1.2.3.4-5" reads as 1.2.3.4-0.0.0.5; swapping would admit 16 million addresses.
            if (findings.hasError())
                findings.add("ip.range-reversed");
            else
                findings.addRepairable("ip.range-reversed");
            std::swap(*first, *last);
        }
        range = IpRange(*first, *last);
        isRange = true;
        candidate = first->toString() + QLatin1Char('-') + last->toString();
    } else if (slash >= 0) {
        auto address = parseAddress(QStringView(text).left(slash), findings);
        const QString prefixText = text.mid(slash + 1);
        if (!address)
            return findings.finish(input, QString(), validate);
        // "/010" is 8 to some parsers and 10 to others: refused like an octal octet.
        bool isNumber = !prefixText.isEmpty() && prefixText.size() <= 3 &&
                        !(prefixText.size() > 1 && prefixText.startsWith(QLatin1Char('0')));
        for (QChar c : prefixText)
            isNumber = isNumber && c >= QLatin1Char('0') && c <= QLatin1Char('9');
        int prefix = isNumber ? prefixText.toInt() : -1;
        if (prefix < 0 || prefix > address->bitCount()) {
            findings.add("ip.prefix-invalid", {prefixText, QString::number(address->bitCount())});
            return findings.finish(input, QString(), validate);
        }
        unmap(*address, &prefix);
        const IpAddress network = address->networkAddress(prefix);
        const QString networkText = network.toString() + QLatin1Char('/') + QString::number(prefix);
        if (network != *address)
            findings.addRepairable("ip.host-bits-set", {QString::number(prefix), networkText});
        range = IpRange::fromNetwork(network, prefix);
        if (prefix == network.bitCount()) {
            findings.add("ip.prefix-redundant", {QString::number(prefix)});
            candidate = network.toString();
        } else {
            candidate = networkText;
        }
    } else {
        auto address = parseAddress(text, findings);
        if (!address)
            return findings.finish(input, QString(), validate);
        unmap(*address, nullptr);
        range = IpRange(*address, *address);
        candidate = address->toString();
    }

    if (range.first() == range.last() && range.first().isZero()) {
        findings.add("ip.unspecified", {range.first().toString()});
        return findings.finish(input, QString(), validate);
    }
    if (range.coversWholeFamily()) {
        findings.add("ip.any", {familyName(range.family())});
        return findings.finish(input, QString(), validate);
    }
    if (findings.hasError())
        return findings.finish(input, candidate, validate);
    if (const auto prefix = range.cidrPrefixLength(); isRange && prefix) {
        const IpAddress &first = range.first();
        const QString cidr = *prefix == first.bitCount()
                                 ? first.toString()
                                 : first.toString() + QLatin1Char('/') + QString::number(*prefix);
        findings.addWithFix("ip.range-is-cidr", {cidr}, cidr);
    }
    classify(range, findings);
    return findings.finish(input, candidate, validate);
}

} // namespace tokendesk::validation
