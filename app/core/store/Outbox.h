#pragma once

#include "OutboxEntry.h"
#include "Workspace.h"

#include <QList>
#include <optional>

namespace tokendesk::store {

// The queue of accepted edits, oldest first. An entry leaves it only when the portal
// confirmed it (in the same transaction that records the confirmation), or when the user
// resolves its conflict.
class Outbox
{
public:
    explicit Outbox(Workspace &workspace) : m_workspace(workspace) {}

    // Returns the new entry's seq, or 0 on a database error.
    qint64 enqueue(const OutboxEntry &entry);
    bool update(const OutboxEntry &entry);
    bool remove(qint64 seq);
    std::optional<OutboxEntry> entry(qint64 seq) const;
    // Entries of a profile (all profiles when empty), in order.
    QList<OutboxEntry> entries(const QString &profileId = {}) const;
    QList<OutboxEntry> entriesFor(const QString &profileId, const QString &tokenId) const;
    int pendingCount(const QString &profileId = {}) const;

private:
    Workspace &m_workspace;
};

} // namespace tokendesk::store
