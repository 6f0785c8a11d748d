#pragma once

#include "TokenDraft.h"

#include <QJsonObject>
#include <optional>

namespace tokendesk::domain {

// Applying and computing changes: the outbox stores a change, the sync engine replays it on
// the portal's newer version, and a merge turns a merged token back into a change.
class TokenChanges
{
public:
    static Token apply(const Token &token, const TokenChange &change);
    // The change that turns `from` into `to` (name, status, lists, labels).
    static TokenChange diff(const Token &from, const Token &to);
    // `first` then `second`, as one change (what `second` sets wins).
    static TokenChange compose(const TokenChange &first, const TokenChange &second);
    // The same change as a JSON merge patch and back (the outbox's payload).
    static QJsonObject toJson(const TokenChange &change);
    static std::optional<TokenChange> fromJson(const QJsonObject &json);
    // A draft as the portal would create it, for tokens made offline.
    static Token tokenFromDraft(const QString &id, const QString &deploymentId,
                                const TokenDraft &draft, const QDateTime &now);
    static TokenDraft draftFromToken(const Token &token);
};

} // namespace tokendesk::domain
