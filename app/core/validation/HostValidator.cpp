#include "HostValidator.h"

#include "IpAddress.h"
#include "PublicSuffixList.h"

#include <QUrl>

namespace tokendesk::validation {

namespace {

constexpr int kMaxLabelLength = 63;
constexpr int kMaxNameLength = 253;

const char *wildcardRule(HostValidator::Context context, const char *origin, const char *url)
{
    return context == HostValidator::Context::Origin ? origin : url;
}

bool isAsciiDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

// As the WHATWG URL standard decides whether a host is an IPv4 literal: its last label is a
// number (decimal or 0x-hex). Such a host is never a domain name.
bool endsInNumber(const QString &host)
{
    const QStringView last = QStringView(host).mid(host.lastIndexOf(QLatin1Char('.')) + 1);
    if (isAsciiDigits(last))
        return true;
    if (last.startsWith(u"0x") || last.startsWith(u"0X")) {
        for (QChar c : last.mid(2)) {
            if (!isxdigit(c.toLatin1()))
                return false;
        }
        return true;
    }
    return false;
}

bool isValidLabel(QStringView label)
{
    if (label.isEmpty() || label.size() > kMaxLabelLength)
        return false;
    if (label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-')))
        return false;
    for (QChar c : label) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                        (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-');
        if (!ok)
            return false;
    }
    // An A-label must decode: "xn--zz" is not punycode for anything.
    if (label.startsWith(u"xn--")) {
        const QString labelText = label.toString();
        if (QUrl::fromAce(labelText.toLatin1(), QUrl::IgnoreIDNWhitelist) == labelText)
            return false;
    }
    return true;
}

bool isAscii(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() > 0x7F)
            return false;
    }
    return true;
}

} // namespace

bool HostValidator::isLoopback(const QString &host)
{
    if (host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost")))
        return true;
    std::optional<IpAddress> address;
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        address = IpAddress::parseIpv6(QStringView(host).mid(1, host.size() - 2));
    else
        address = IpAddress::parseCanonicalIpv4(host);
    if (!address)
        return false;
    if (address->isIpv4Mapped()) // [::ffff:127.0.0.1] reaches 127.0.0.1
        address = address->mappedIpv4();
    if (address->family() == IpAddress::Family::V6)
        return *address == *IpAddress::parseIpv6(u"::1");
    return (address->toIpv4() >> 24) == 127;
}

HostValidator::Result HostValidator::check(const QString &host, Context context,
                                           FindingCollector &findings)
{
    Result result;
    if (host.isEmpty()) {
        findings.add("host.invalid", {host});
        return result;
    }

    if (host.startsWith(QLatin1Char('['))) {
        const QString inner = host.mid(1, host.size() - 2);
        const auto address =
            host.endsWith(QLatin1Char(']')) ? IpAddress::parseIpv6(inner) : std::nullopt;
        if (!address) {
            findings.add("host.invalid", {host});
            return result;
        }
        result.canonical = QLatin1Char('[') + address->toString() + QLatin1Char(']');
        if (host != host.toLower())
            findings.add("host.uppercase");
        findings.add("host.ip-literal", {result.canonical});
        result.loopback = isLoopback(result.canonical);
        if (result.loopback)
            findings.add("host.loopback", {result.canonical});
        return result;
    }

    if (host.contains(QLatin1Char('*'))) {
        const char *allRule = wildcardRule(context, "origin.wildcard-all", "url.wildcard-all");
        if (host == QLatin1String("*")) {
            findings.add(allRule, {host});
            return result;
        }
        const QString base = host.mid(2);
        if (!host.startsWith(QLatin1String("*.")) || base.contains(QLatin1Char('*'))) {
            findings.add(
                wildcardRule(context, "origin.wildcard-position", "url.wildcard-position"));
            return result;
        }
        bool baseLoopback = false;
        const auto baseName = checkName(base, findings, baseLoopback, false);
        if (!baseName)
            return result;
        result.canonical = QStringLiteral("*.") + *baseName;
        // Refused when the wildcard covers a whole public suffix: the base itself is one, or
        // one lies below it (*.kawasaki.jp covers every x.kawasaki.jp).
        const PublicSuffixList &suffixes = PublicSuffixList::embedded();
        if (suffixes.isPublicSuffix(*baseName) || suffixes.hasPublicSuffixBelow(*baseName)) {
            findings.add(allRule, {result.canonical});
            return result;
        }
        findings.add(wildcardRule(context, "origin.wildcard-subdomain", "url.wildcard-subdomain"),
                     {result.canonical, *baseName});
        result.loopback = baseLoopback;
        return result;
    }

    const auto name = checkName(host, findings, result.loopback, true);
    if (name)
        result.canonical = *name;
    return result;
}

std::optional<QString> HostValidator::checkName(const QString &host, FindingCollector &findings,
                                                bool &loopback, bool allowIpLiteral)
{
    QString name = host;
    if (name != name.toLower())
        findings.add("host.uppercase");
    if (name.size() > 1 && name.endsWith(QLatin1Char('.'))) {
        name.chop(1);
        findings.add("host.trailing-dot");
    }

    QString ascii = name.toLower();
    if (!isAscii(name)) {
        const QByteArray ace = QUrl::toAce(name);
        if (ace.isEmpty()) {
            findings.add("host.invalid", {host});
            return std::nullopt;
        }
        ascii = QString::fromLatin1(ace);
        if (ascii.size() > 1 && ascii.endsWith(QLatin1Char('.'))) {
            ascii.chop(1); // "example.com。": the full stop maps to a trailing dot
            findings.add("host.trailing-dot");
        }
        findings.add("host.idn-converted", {name, ascii});
    }

    if (allowIpLiteral && endsInNumber(ascii)) {
        const auto legacy = IpAddress::parseLegacyIpv4(ascii);
        if (!legacy) {
            findings.add("host.invalid", {host});
            return std::nullopt;
        }
        const QString dotted = IpAddress::fromIpv4(legacy->value).toString();
        loopback = isLoopback(dotted);
        if (!legacy->canonical) {
            if (legacy->ambiguous)
                findings.add("host.ipv4-noncanonical", {host});
            else
                findings.addRepairable("host.ipv4-noncanonical", {host});
            return dotted;
        }
        findings.add("host.ip-literal", {dotted});
        if (loopback)
            findings.add("host.loopback", {dotted});
        return dotted;
    }

    const auto labels = QStringView(ascii).split(QLatin1Char('.'));
    bool valid = ascii.size() <= kMaxNameLength;
    for (QStringView label : labels)
        valid = valid && isValidLabel(label);
    if (!valid || (!allowIpLiteral && endsInNumber(ascii))) {
        findings.add("host.invalid", {host});
        return std::nullopt;
    }

    loopback = isLoopback(ascii);
    if (loopback)
        findings.add("host.loopback", {ascii});
    else if (labels.size() == 1 && allowIpLiteral) // a wildcard's base is judged by the PSL
        findings.add("host.single-label", {ascii});
    return ascii;
}

} // namespace tokendesk::validation
