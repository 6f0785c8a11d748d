#include "TokenKind.h"

namespace tokendesk::domain {

QString tokenKindName(TokenKind kind)
{
    switch (kind) {
    case TokenKind::Api:
        return QStringLiteral("api");
    case TokenKind::Integration:
        return QStringLiteral("integration");
    case TokenKind::OAuth:
        return QStringLiteral("oauth");
    }
    return {};
}

std::optional<TokenKind> tokenKindFromName(const QString &name)
{
    for (TokenKind kind : {TokenKind::Api, TokenKind::Integration, TokenKind::OAuth}) {
        if (tokenKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString tokenStatusName(TokenStatus status)
{
    return status == TokenStatus::Active ? QStringLiteral("active") : QStringLiteral("disabled");
}

std::optional<TokenStatus> tokenStatusFromName(const QString &name)
{
    if (name == QLatin1String("active"))
        return TokenStatus::Active;
    if (name == QLatin1String("disabled"))
        return TokenStatus::Disabled;
    return std::nullopt;
}

} // namespace tokendesk::domain
