#pragma once

#include <QString>
#include <optional>

namespace tokendesk::domain {

// The kinds of token a deployment holds.
enum class TokenKind { Api, Integration, OAuth };

// Stable wire names: "api", "integration", "oauth".
QString tokenKindName(TokenKind kind);
std::optional<TokenKind> tokenKindFromName(const QString &name);

enum class TokenStatus { Active, Disabled };

// Stable wire names: "active", "disabled".
QString tokenStatusName(TokenStatus status);
std::optional<TokenStatus> tokenStatusFromName(const QString &name);

} // namespace tokendesk::domain
