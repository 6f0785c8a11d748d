#pragma once

#include "Token.h"

#include <optional>

namespace tokendesk::domain {

// A token to create: what the user chooses; the portal assigns the rest.
struct TokenDraft
{
    QString name;
    TokenKind kind = TokenKind::Api;
    TokenStatus status = TokenStatus::Active;
    SecurityControls controls;
    Labels labels;
};

// A change to an existing token: only the fields that are set change. A control list that is
// set replaces the whole list; a label set to nullopt is removed.
struct TokenChange
{
    std::optional<QString> name;
    std::optional<TokenStatus> status;
    std::optional<QStringList> corsOrigins;
    std::optional<QStringList> permittedUrls;
    std::optional<QStringList> ipRanges;
    QMap<QString, std::optional<QString>> labels;

    bool isEmpty() const;
};

} // namespace tokendesk::domain
