#include "TokenValues.h"

namespace tokendesk::sandbox {

namespace {

QString base62(QRandomGenerator &random, int length)
{
    static const char alphabet[] =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QString text;
    text.reserve(length);
    for (int i = 0; i < length; ++i)
        text.append(QLatin1Char(alphabet[random.bounded(62)]));
    return text;
}

} // namespace

QString TokenValues::generate(domain::TokenKind kind, QRandomGenerator &random)
{
    return QStringLiteral("tdk_%1_%2").arg(domain::tokenKindName(kind), base62(random, 32));
}

QString TokenValues::mask(const QString &value)
{
    const int prefixEnd = value.lastIndexOf(QLatin1Char('_')) + 1;
    return value.left(prefixEnd) + QStringLiteral("••••••••") + value.right(4);
}

QString TokenValues::identifier(const char *prefix, QRandomGenerator &random)
{
    return QLatin1String(prefix) + base62(random, 16);
}

} // namespace tokendesk::sandbox
