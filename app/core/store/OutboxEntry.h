#pragma once

#include "domain/Token.h"

#include <QDateTime>
#include <QJsonObject>
#include <optional>

namespace tokendesk::store {

// One accepted edit waiting for the portal. `payload` is the change as the portal takes it
// (a merge patch for updates, the new token for creates); `base` is the token as the portal
// last confirmed it when the edit was made, the base of a three-way merge on 412.
struct OutboxEntry
{
    enum class Operation { Create, Update, Delete };
    enum class State {
        Pending,  // not sent yet: may still be combined with later edits
        Sent,     // sent at least once with this key: only ever sent again unchanged
        Conflict, // waiting for the user
    };

    qint64 seq = 0;
    QString profileId;
    QString tokenId;
    Operation operation = Operation::Update;
    QJsonObject payload;
    std::optional<domain::Token> base;
    qint64 baseVersion = 0;
    QString idempotencyKey;
    State state = State::Pending;
    int attempts = 0;
    QString lastError;
    QDateTime createdAt;
    QString actor;

    static QString operationName(Operation operation);
    static QString stateName(State state);
};

} // namespace tokendesk::store
