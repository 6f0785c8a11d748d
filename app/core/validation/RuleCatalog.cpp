#include "RuleCatalog.h"

#include <QtGlobal>
#include <cstring>

namespace tokendesk::validation {

namespace {

const QList<RuleDefinition> kRules = {
    // Every entry
    {"entry.whitespace", Severity::Error,
     QT_TRANSLATE_NOOP(
         "RuleCatalog",
         "The entry contains white space. Remove it, or split the text into separate entries.")},
    {"entry.too-long", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog",
                       "The entry is %1 characters long; at most 2048 are allowed.")},
    {"entry.control-char", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog",
                       "The entry contains an invisible or control character (%1).")},

    // Hosts
    {"host.invalid", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog",
                       "“%1” is not a valid host name: each label takes letters, digits and inner "
                       "hyphens, at most 63 characters, and the name at most 253.")},
    {"host.idn-converted", Severity::Info,
     QT_TRANSLATE_NOOP("RuleCatalog",
                       "The international name %1 was converted to its ASCII form %2."),
     FixKind::CanonicalForm},
    {"host.uppercase", Severity::Info,
     QT_TRANSLATE_NOOP("RuleCatalog", "Upper-case letters in the host were lower-cased."),
     FixKind::CanonicalForm},
    {"host.trailing-dot", Severity::Info,
     QT_TRANSLATE_NOOP("RuleCatalog", "The trailing dot of the host was removed."),
     FixKind::CanonicalForm},
    {"host.ipv4-noncanonical", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog",
                       "“%1” is a legacy IPv4 form that programs read differently. Write the "
                       "address as four decimal numbers without leading zeros."),
     FixKind::CanonicalForm},
    {"host.single-label", Severity::Warning,
     QT_TRANSLATE_NOOP("RuleCatalog",
                       "“%1” has a single label: it only resolves inside one network.")},
    {"host.loopback", Severity::Warning,
     QT_TRANSLATE_NOOP(
         "RuleCatalog",
         "“%1” is a loopback host: it only works on the machine itself, for development.")},
    {"host.ip-literal", Severity::Warning,
     QT_TRANSLATE_NOOP(
         "RuleCatalog",
         "The host is the IP address %1: the entry stops working when the address changes.")},

    // CORS origins
    {"origin.scheme-added", Severity::Info,
     QT_TRANSLATE_NOOP("RuleCatalog", "No scheme was given; https:// was added."),
     FixKind::CanonicalForm},
    {"origin.scheme-unsupported", Severity::Error,
     QT_TRANSLATE_NOOP(
         "RuleCatalog",
         "“%1” is not a scheme of web origins. Use https:// (or http:// for loopback hosts).")},
    {"origin.insecure-scheme", Severity::Warning,
     QT_TRANSLATE_NOOP("RuleCatalog",
                       "http:// pages travel in clear over the network. Use https://."),
     FixKind::Specific},
    {"origin.default-port", Severity::Info,
     QT_TRANSLATE_NOOP("RuleCatalog", "The default port %1 was removed: browsers never send it."),
     FixKind::CanonicalForm},
    {"origin.port-invalid", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog", "“%1” is not a valid port: use a number from 1 to 65535.")},
    {"origin.trailing-slash", Severity::Info,
     QT_TRANSLATE_NOOP(
         "RuleCatalog",
         "The trailing slash was removed: a browser never sends one in the Origin header."),
     FixKind::CanonicalForm},
    {"origin.has-path", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog", "An origin has no path, query or fragment (“%1”): browsers "
                                      "send only scheme, host and port."),
     FixKind::CanonicalForm},
    {"origin.has-userinfo", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog", "An origin cannot contain a user name or password."),
     FixKind::CanonicalForm},
    {"origin.null", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog", "The “null” origin is sent by sandboxed frames and local "
                                      "files: any page can produce it.")},
    {"origin.wildcard-all", Severity::Error,
     QT_TRANSLATE_NOOP(
         "RuleCatalog",
         "“%1” admits sites of any owner. A wildcard may only stand below a domain you control.")},
    {"origin.wildcard-subdomain", Severity::Warning,
     QT_TRANSLATE_NOOP("RuleCatalog",
                       "“%1” admits every name below %2, at any depth, but not %2 itself.")},
    {"origin.wildcard-position", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog", "“*” may only stand as the whole leftmost label of the host, "
                                      "as in https://*.example.com.")},

    // Permitted URLs
    {"url.scheme-unsupported", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog", "“%1” is not a web scheme. Use https://, http:// for "
                                      "loopback hosts, or no scheme to admit both.")},
    {"url.insecure-scheme", Severity::Warning,
     QT_TRANSLATE_NOOP("RuleCatalog",
                       "http:// pages travel in clear over the network. Use https://."),
     FixKind::Specific},
    {"url.default-port", Severity::Info,
     QT_TRANSLATE_NOOP("RuleCatalog", "The default port %1 was removed.")},
    {"url.port-invalid", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog", "“%1” is not a valid port: use a number from 1 to 65535.")},
    {"url.has-userinfo", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog", "A permitted URL cannot contain a user name or password."),
     FixKind::CanonicalForm},
    {"url.has-query", Severity::Error,
     QT_TRANSLATE_NOOP(
         "RuleCatalog",
         "A permitted URL cannot have a query (“%1”): browsers do not send it in the referrer."),
     FixKind::CanonicalForm},
    {"url.has-fragment", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog",
                       "A permitted URL cannot have a fragment (“%1”): browsers never send it."),
     FixKind::CanonicalForm},
    {"url.path-invalid", Severity::Error,
     QT_TRANSLATE_NOOP(
         "RuleCatalog",
         "The path contains a malformed percent-escape (“%1”). Write a literal % as %25.")},
    {"url.path-normalised", Severity::Info,
     QT_TRANSLATE_NOOP("RuleCatalog", "The path was normalised to %1, the form browsers send."),
     FixKind::CanonicalForm},
    {"url.path-may-not-match", Severity::Info,
     QT_TRANSLATE_NOOP("RuleCatalog",
                       "Browsers often send only the origin as the referrer of a request from "
                       "another site, so an entry with a path may not match it.")},
    {"url.wildcard-subdomain", Severity::Warning,
     QT_TRANSLATE_NOOP("RuleCatalog",
                       "“%1” admits every name below %2, at any depth, but not %2 itself.")},
    {"url.wildcard-all", Severity::Error,
     QT_TRANSLATE_NOOP(
         "RuleCatalog",
         "“%1” admits sites of any owner. A wildcard may only stand below a domain you control.")},
    {"url.wildcard-position", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog", "“*” may only stand as the whole leftmost label of the host, "
                                      "or once at the very end of the path.")},

    // IPs and IP ranges
    {"ip.invalid", Severity::Error,
     QT_TRANSLATE_NOOP(
         "RuleCatalog",
         "“%1” is not an IP address, a network (address/prefix) or a range (first-last).")},
    {"ip.ipv4-noncanonical", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog", "“%1” is a legacy IPv4 form that programs read differently. "
                                      "Write four decimal numbers without leading zeros."),
     FixKind::CanonicalForm},
    {"ip.brackets", Severity::Info,
     QT_TRANSLATE_NOOP("RuleCatalog", "The brackets around the IPv6 address were removed."),
     FixKind::CanonicalForm},
    {"ip.prefix-invalid", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog",
                       "“/%1” is not a valid prefix length: use a number from 0 to %2.")},
    {"ip.host-bits-set", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog", "The address has bits set below its /%1 prefix, so the entry "
                                      "silently admits the whole network %2."),
     FixKind::CanonicalForm},
    {"ip.zone-id", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog",
                       "The scope id “%1” only means something on one machine; remove it."),
     FixKind::CanonicalForm},
    {"ip.range-reversed", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog", "The range starts above its end."), FixKind::CanonicalForm},
    {"ip.range-mixed-family", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog", "A range cannot go from an IPv4 to an IPv6 address.")},
    {"ip.any", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog", "The entry admits every %1 address: it restricts nothing.")},
    {"ip.unspecified", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog", "%1 is the unspecified address: no client ever has it.")},
    {"ip.prefix-redundant", Severity::Info,
     QT_TRANSLATE_NOOP("RuleCatalog", "The /%1 prefix of a single address was removed."),
     FixKind::CanonicalForm},
    {"ip.ipv4-mapped", Severity::Info,
     QT_TRANSLATE_NOOP("RuleCatalog", "The IPv4-mapped IPv6 address was written as IPv4."),
     FixKind::CanonicalForm},
    {"ip.range-is-cidr", Severity::Info,
     QT_TRANSLATE_NOOP("RuleCatalog",
                       "The range is exactly the network %1, which is shorter to read."),
     FixKind::Specific},
    {"ip.private", Severity::Warning,
     QT_TRANSLATE_NOOP(
         "RuleCatalog",
         "The entry lies in the private network %1: the portal only ever sees public addresses.")},
    {"ip.loopback", Severity::Warning,
     QT_TRANSLATE_NOOP(
         "RuleCatalog",
         "The entry lies in the loopback network %1: the portal never sees these addresses.")},
    {"ip.link-local", Severity::Warning,
     QT_TRANSLATE_NOOP("RuleCatalog", "The entry lies in the link-local network %1: these "
                                      "addresses never leave the local link.")},
    {"ip.shared", Severity::Warning,
     QT_TRANSLATE_NOOP("RuleCatalog", "The entry lies in the carrier-grade NAT network %1: the "
                                      "portal sees the provider's public address instead.")},
    {"ip.documentation", Severity::Warning,
     QT_TRANSLATE_NOOP("RuleCatalog",
                       "The entry lies in the documentation network %1, reserved for examples.")},
    {"ip.multicast", Severity::Warning,
     QT_TRANSLATE_NOOP(
         "RuleCatalog",
         "The entry lies in the multicast network %1: no client sends requests from it.")},
    {"ip.reserved", Severity::Warning,
     QT_TRANSLATE_NOOP("RuleCatalog", "The entry lies in the special-purpose network %1, which "
                                      "clients on the Internet do not use.")},
    {"ip.broad", Severity::Warning,
     QT_TRANSLATE_NOOP(
         "RuleCatalog",
         "The entry admits more addresses than a %1 network. Narrow it to the networks you use.")},

    // Lists
    {"list.too-many", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog",
                       "The control has %1 entries; the portal accepts at most %2.")},
    {"list.duplicate", Severity::Error,
     QT_TRANSLATE_NOOP("RuleCatalog", "Entries %1 and %2 are the same: %3.")},
    {"list.redundant", Severity::Warning,
     QT_TRANSLATE_NOOP("RuleCatalog", "Entry %1 (%2) is already covered by entry %3 (%4).")},
};

} // namespace

const QList<RuleDefinition> &RuleCatalog::all()
{
    return kRules;
}

const RuleDefinition *RuleCatalog::find(const QString &id)
{
    for (const RuleDefinition &rule : kRules) {
        if (id == QLatin1String(rule.id))
            return &rule;
    }
    return nullptr;
}

const RuleDefinition &RuleCatalog::rule(const char *id)
{
    for (const RuleDefinition &rule : kRules) {
        if (std::strcmp(rule.id, id) == 0)
            return rule;
    }
    qFatal("unknown validation rule id %s", id);
}

QString RuleCatalog::message(const RuleDefinition &rule, const QStringList &arguments)
{
    // One pass over the text, so that an argument holding "%1" (user input) stays as typed.
    const QString text = tr(rule.message);
    QString result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('%') && i + 1 < text.size() && text.at(i + 1).isDigit()) {
            const int index = text.at(i + 1).digitValue() - 1;
            if (index >= 0 && index < arguments.size()) {
                result += arguments.at(index);
                ++i;
                continue;
            }
        }
        result += c;
    }
    return result;
}

} // namespace tokendesk::validation
