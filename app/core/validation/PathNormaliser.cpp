#include "PathNormaliser.h"

#include <QByteArray>
#include <QStringList>

namespace tokendesk::validation {

namespace {

bool isUnreserved(uchar c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

// Characters a path may hold as they are (RFC 3986 pchar, '/' and the wildcard '*').
bool isPathCharacter(uchar c)
{
    return isUnreserved(c) || QByteArrayView("!$&'()*+,;=:@/").contains(char(c));
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    if (u >= 'A' && u <= 'F')
        return u - 'A' + 10;
    return -1;
}

void appendEscape(QString &out, uchar byte)
{
    out += QStringLiteral("%%1").arg(byte, 2, 16, QLatin1Char('0')).toUpper();
}

} // namespace

PathNormaliser::Result PathNormaliser::normalise(const QString &path)
{
    Result result;
    QString encoded;
    encoded.reserve(path.size());
    for (qsizetype i = 0; i < path.size(); ++i) {
        const QChar c = path.at(i);
        if (c == QLatin1Char('%')) {
            const int high = i + 1 < path.size() ? hexValue(path.at(i + 1)) : -1;
            const int low = i + 2 < path.size() ? hexValue(path.at(i + 2)) : -1;
            if (high < 0 || low < 0) {
                result.malformedEscape = path.mid(i, 3);
                return result;
            }
            const uchar byte = uchar(high * 16 + low);
            if (isUnreserved(byte))
                encoded += QLatin1Char(char(byte));
            else
                appendEscape(encoded, byte);
            i += 2;
        } else if (c == QLatin1Char('\\')) {
            encoded += QLatin1Char('/'); // browsers send a backslash in a path as a slash
        } else if (c.unicode() < 0x80 && isPathCharacter(uchar(c.unicode()))) {
            encoded += c;
        } else {
            // Everything else travels percent-encoded as UTF-8, as browsers send it.
            qsizetype length = 1;
            if (c.isHighSurrogate() && i + 1 < path.size() && path.at(i + 1).isLowSurrogate())
                length = 2;
            for (const char byte : path.mid(i, length).toUtf8())
                appendEscape(encoded, uchar(byte));
            i += length - 1;
        }
    }
    result.path = removeDotSegments(encoded);
    return result;
}

QString PathNormaliser::removeDotSegments(const QString &path)
{
    QStringView input(path);
    QString output;
    while (!input.isEmpty()) {
        if (input.startsWith(u"../")) {
            input = input.mid(3);
        } else if (input.startsWith(u"./")) {
            input = input.mid(2);
        } else if (input.startsWith(u"/./")) {
            input = input.mid(2);
        } else if (input == u"/.") {
            input = u"/";
        } else if (input.startsWith(u"/../") || input == u"/..") {
            input = input.size() == 3 ? QStringView(u"/") : input.mid(3);
            const qsizetype lastSlash = output.lastIndexOf(QLatin1Char('/'));
            output.truncate(lastSlash < 0 ? 0 : lastSlash);
        } else if (input == u"." || input == u"..") {
            input = QStringView();
        } else {
            const qsizetype next =
                input.indexOf(QLatin1Char('/'), input.startsWith(QLatin1Char('/')) ? 1 : 0);
            const qsizetype length = next < 0 ? input.size() : next;
            output += input.left(length);
            input = input.mid(length);
        }
    }
    return output;
}

} // namespace tokendesk::validation
