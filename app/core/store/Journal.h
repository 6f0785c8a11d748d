#pragma once

#include "JournalEntry.h"
#include "Workspace.h"

#include <QList>

namespace tokendesk::store {

// The append-only activity journal (the schema refuses updates and deletes).
class Journal
{
public:
    explicit Journal(Workspace &workspace) : m_workspace(workspace) {}

    bool append(const JournalEntry &entry);
    QList<JournalEntry> forToken(const QString &profileId, const QString &tokenId) const;
    // The account name of whoever runs TokenDesk, for the journal's "who".
    static QString localActor();

private:
    Workspace &m_workspace;
};

} // namespace tokendesk::store
