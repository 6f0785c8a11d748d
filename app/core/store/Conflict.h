#pragma once

#include "domain/Token.h"

#include <QDateTime>
#include <QStringList>
#include <optional>

namespace tokendesk::store {

// An edit the portal and the user both changed, kept until the user decides. `mine` is the
// token with the user's edit, `theirs` the portal's current token (none when the portal
// deleted it), `merged` the automatic merge when one exists (it may break a rule).
struct Conflict
{
    qint64 id = 0;
    QString profileId;
    QString tokenId;
    qint64 outboxSeq = 0;
    std::optional<domain::Token> base;
    std::optional<domain::Token> mine;
    std::optional<domain::Token> theirs;
    std::optional<domain::Token> merged;
    QStringList fields; // "name", "status", "controls.ip_ranges", …
    QString reason;     // for people
    QDateTime createdAt;
    std::optional<QDateTime> resolvedAt;
    QString resolution; // "mine", "theirs", "merged", or "custom" (chosen field by field)
};

} // namespace tokendesk::store
