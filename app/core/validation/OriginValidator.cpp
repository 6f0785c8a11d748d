#include "OriginValidator.h"

#include "EntryText.h"
#include "FindingCollector.h"
#include "HostValidator.h"
#include "UrlParts.h"

namespace tokendesk::validation {

EntryResult OriginValidator::validate(const QString &input)
{
    const QString text = EntryText::trimmed(input);
    FindingCollector findings;
    if (!EntryText::check(text, findings))
        return findings.finish(input, QString(), validate);

    if (text.compare(QLatin1String("null"), Qt::CaseInsensitive) == 0) {
        findings.add("origin.null");
        return findings.finish(input, QString(), validate);
    }
    if (text == QLatin1String("*")) {
        findings.add("origin.wildcard-all", {text});
        return findings.finish(input, QString(), validate);
    }

    const UrlParts parts = UrlParts::split(text);
    QString scheme = parts.scheme;
    if (parts.opaqueScheme || (!scheme.isEmpty() && UrlParts::defaultPort(scheme) < 0)) {
        findings.add("origin.scheme-unsupported", {scheme});
        return findings.finish(input, QString(), validate);
    }
    if (scheme.isEmpty()) {
        scheme = QStringLiteral("https");
        findings.add("origin.scheme-added");
    }
    if (parts.hasUserinfo)
        findings.addRepairable("origin.has-userinfo");

    const HostValidator::Result host =
        HostValidator::check(parts.host, HostValidator::Context::Origin, findings);

    QString port;
    if (parts.hasPort) {
        const auto number = UrlParts::parsePort(parts.port);
        if (!number)
            findings.add("origin.port-invalid", {parts.port});
        else if (*number == UrlParts::defaultPort(scheme))
            findings.add("origin.default-port", {parts.port});
        else
            port = QLatin1Char(':') + QString::number(*number);
    }

    const QString trailer = parts.path +
                            (parts.hasQuery ? QLatin1Char('?') + parts.query : QString()) +
                            (parts.hasFragment ? QLatin1Char('#') + parts.fragment : QString());
    if (trailer == QLatin1String("/"))
        findings.add("origin.trailing-slash");
    else if (!trailer.isEmpty())
        findings.addRepairable("origin.has-path", {trailer});

    if (host.canonical.isEmpty())
        return findings.finish(input, QString(), validate);
    const QString hostPort = host.canonical + port;
    if (scheme == QLatin1String("http") && !host.loopback)
        findings.addWithFix("origin.insecure-scheme", {},
                            validate(QStringLiteral("https://") + hostPort).canonical);
    return findings.finish(input, scheme + QStringLiteral("://") + hostPort, validate);
}

} // namespace tokendesk::validation
