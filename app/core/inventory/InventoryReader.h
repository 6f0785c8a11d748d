#pragma once

#include "InventorySnapshot.h"

#include "review/ReviewPolicy.h"
#include "store/Workspace.h"

#include <QDateTime>
#include <atomic>
#include <functional>

namespace tokendesk::inventory {

// Reads what the main window lists. Runs on any thread with a Workspace of its own (SQLite
// in WAL mode lets it read while the application writes).
class InventoryReader
{
public:
    explicit InventoryReader(store::Workspace &workspace) : m_workspace(workspace) {}

    // Profiles, deployments and token summaries in name order (grades not yet set); stops reading
    // summaries early when `cancelled` is set.
    InventorySnapshot snapshot(const std::atomic_bool *cancelled = nullptr) const;
    // Reviews every token, in batches handed to `deliver`; stops early when `cancelled`.
    void reviewAll(const QDateTime &now, const review::ReviewPolicy &policy,
                   const std::function<void(QList<GradeUpdate>)> &deliver,
                   const std::atomic_bool &cancelled, int batchSize = 2000) const;

    // Sorts by name, case-insensitively, then by id.
    static void sortByName(QList<TokenSummary> &tokens);

private:
    store::Workspace &m_workspace;
};

} // namespace tokendesk::inventory
