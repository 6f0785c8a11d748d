#pragma once

#include "SyncState.h"
#include "Workspace.h"

namespace tokendesk::store {

class SyncStateStore
{
public:
    explicit SyncStateStore(Workspace &workspace) : m_workspace(workspace) {}

    SyncState get(const QString &profileId, const QString &collection) const;
    bool put(const QString &profileId, const QString &collection, const SyncState &state);
    // The most recent success of any collection of the profile.
    std::optional<QDateTime> lastSuccess(const QString &profileId) const;
    // The last error of the profile, if its latest attempt failed.
    QString lastError(const QString &profileId) const;

private:
    Workspace &m_workspace;
};

} // namespace tokendesk::store
