#include "UrlParts.h"

#include <QRegularExpression>

namespace tokendesk::validation {

namespace {

bool isDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

} // namespace

UrlParts UrlParts::split(const QString &entry)
{
    static const QRegularExpression schemePattern(QStringLiteral("^([A-Za-z][A-Za-z0-9+.\\-]*):"));
    UrlParts parts;
    QStringView rest(entry);

    const auto match = schemePattern.match(entry);
    if (match.hasMatch()) {
        const QStringView afterColon = rest.mid(match.capturedLength());
        if (afterColon.startsWith(u"//")) {
            parts.scheme = match.captured(1).toLower();
            rest = afterColon.mid(2);
        } else {
            // "example.com:8080/x" is a host and a port; "mailto:x" is a scheme without //.
            qsizetype end = 0;
            while (end < afterColon.size() && afterColon.at(end) != QLatin1Char('/') &&
                   afterColon.at(end) != QLatin1Char('?') && afterColon.at(end) != QLatin1Char('#'))
                ++end;
            if (!isDigits(afterColon.left(end))) {
                parts.scheme = match.captured(1).toLower();
                parts.opaqueScheme = true;
                return parts;
            }
        }
    }

    // Browsers read a backslash as '/' in http(s) URLs: evil.com<backslash>@good.com is evil.com.
    const auto endsAuthority = [](QChar c) {
        return c == QLatin1Char('/') || c == QLatin1Char('\\') || c == QLatin1Char('?') ||
               c == QLatin1Char('#');
    };
    qsizetype authorityEnd = 0;
    while (authorityEnd < rest.size() && !endsAuthority(rest.at(authorityEnd)))
        ++authorityEnd;
    QStringView authority = rest.left(authorityEnd);
    rest = rest.mid(authorityEnd);

    const qsizetype at = authority.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        parts.hasUserinfo = true;
        authority = authority.mid(at + 1);
    }

    qsizetype portColon = -1;
    if (authority.startsWith(QLatin1Char('['))) {
        const qsizetype close = authority.indexOf(QLatin1Char(']'));
        if (close >= 0 && close + 1 < authority.size() &&
            authority.at(close + 1) == QLatin1Char(':'))
            portColon = close + 1;
    } else {
        portColon = authority.lastIndexOf(QLatin1Char(':'));
    }
    if (portColon >= 0) {
        parts.hasPort = true;
        parts.port = authority.mid(portColon + 1).toString();
        authority = authority.left(portColon);
    }
    parts.host = authority.toString();

    const qsizetype fragmentStart = rest.indexOf(QLatin1Char('#'));
    if (fragmentStart >= 0) {
        parts.hasFragment = true;
        parts.fragment = rest.mid(fragmentStart + 1).toString();
        rest = rest.left(fragmentStart);
    }
    const qsizetype queryStart = rest.indexOf(QLatin1Char('?'));
    if (queryStart >= 0) {
        parts.hasQuery = true;
        parts.query = rest.mid(queryStart + 1).toString();
        rest = rest.left(queryStart);
    }
    parts.path = rest.toString();
    return parts;
}

std::optional<int> UrlParts::parsePort(const QString &text)
{
    if (!isDigits(text) || text.size() > 5)
        return std::nullopt;
    const int port = text.toInt();
    if (port < 1 || port > 65535)
        return std::nullopt;
    return port;
}

int UrlParts::defaultPort(const QString &scheme)
{
    if (scheme == QLatin1String("https"))
        return 443;
    if (scheme == QLatin1String("http"))
        return 80;
    return -1;
}

} // namespace tokendesk::validation
