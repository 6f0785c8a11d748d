#include "PermittedUrlValidator.h"

#include "EntryText.h"
#include "FindingCollector.h"
#include "HostValidator.h"
#include "PathNormaliser.h"
#include "UrlParts.h"

namespace tokendesk::validation {

EntryResult PermittedUrlValidator::validate(const QString &input)
{
    const QString text = EntryText::trimmed(input);
    FindingCollector findings;
    if (!EntryText::check(text, findings))
        return findings.finish(input, QString(), validate);
    if (text == QLatin1String("*")) {
        findings.add("url.wildcard-all", {text});
        return findings.finish(input, QString(), validate);
    }

    const UrlParts parts = UrlParts::split(text);
    if (parts.opaqueScheme ||
        (!parts.scheme.isEmpty() && UrlParts::defaultPort(parts.scheme) < 0)) {
        findings.add("url.scheme-unsupported", {parts.scheme});
        return findings.finish(input, QString(), validate);
    }
    if (parts.hasUserinfo)
        findings.addRepairable("url.has-userinfo");

    const HostValidator::Result host =
        HostValidator::check(parts.host, HostValidator::Context::Url, findings);

    QString port;
    if (parts.hasPort) {
        const auto number = UrlParts::parsePort(parts.port);
        if (!number)
            findings.add("url.port-invalid", {parts.port});
        // Without a scheme, :443 is not the default for http: the port stays.
        else if (!parts.scheme.isEmpty() && *number == UrlParts::defaultPort(parts.scheme))
            findings.add("url.default-port", {parts.port});
        else
            port = QLatin1Char(':') + QString::number(*number);
    }

    const qsizetype star = parts.path.indexOf(QLatin1Char('*'));
    if (star >= 0 && star != parts.path.size() - 1)
        findings.add("url.wildcard-position");
    const PathNormaliser::Result normalised = PathNormaliser::normalise(parts.path);
    QString path = normalised.path;
    if (!normalised.malformedEscape.isEmpty())
        findings.add("url.path-invalid", {normalised.malformedEscape});
    else if (path != parts.path)
        findings.add("url.path-normalised", {path.isEmpty() ? QStringLiteral("/") : path});
    if (path == QLatin1String("/"))
        path.clear();

    if (parts.hasQuery)
        findings.addRepairable("url.has-query", {QLatin1Char('?') + parts.query});
    if (parts.hasFragment)
        findings.addRepairable("url.has-fragment", {QLatin1Char('#') + parts.fragment});

    if (host.canonical.isEmpty())
        return findings.finish(input, QString(), validate);
    if (!path.isEmpty() && path != QLatin1String("/*"))
        findings.add("url.path-may-not-match");

    const QString rest = host.canonical + port + path;
    if (parts.scheme == QLatin1String("http") && !host.loopback)
        findings.addWithFix("url.insecure-scheme", {},
                            validate(QStringLiteral("https://") + rest).canonical);
    const QString prefix =
        parts.scheme.isEmpty() ? QString() : parts.scheme + QStringLiteral("://");
    return findings.finish(input, prefix + rest, validate);
}

} // namespace tokendesk::validation
