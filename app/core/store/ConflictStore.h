#pragma once

#include "Conflict.h"
#include "Workspace.h"

#include <QList>
#include <optional>

namespace tokendesk::store {

// Conflicts found by the sync engine. Resolved ones stay, marked, as a record.
class ConflictStore
{
public:
    explicit ConflictStore(Workspace &workspace) : m_workspace(workspace) {}

    qint64 add(const Conflict &conflict);
    std::optional<Conflict> find(qint64 id) const;
    // Unresolved conflicts of a profile (all when empty), oldest first.
    QList<Conflict> open(const QString &profileId = {}) const;
    bool markResolved(qint64 id, const QString &resolution, const QDateTime &when);

private:
    Workspace &m_workspace;
};

} // namespace tokendesk::store
