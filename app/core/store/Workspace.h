#pragma once

#include "WorkspaceError.h"

#include <QSqlDatabase>
#include <QString>

namespace tokendesk::store {

// The local workspace: one SQLite file (WAL, foreign keys on) holding profiles, portal data,
// local metadata, the outbox, conflicts, sync state and the journal. Never a secret.
// One Workspace is one connection, used from one thread; it is the only writer.
class Workspace
{
public:
    Workspace();
    ~Workspace();
    Workspace(const Workspace &) = delete;
    Workspace &operator=(const Workspace &) = delete;

    // Opens (or creates) the file and brings its schema up to date. A file that is not a
    // workspace, is damaged, or comes from a newer TokenDesk is refused and left as it was.
    // A second connection to a file this process has opened and checked already (a reader
    // thread) skips the integrity check, which reads every page of a large workspace.
    enum class Check { Integrity, AlreadyChecked };
    WorkspaceError open(const QString &path, Check check = Check::Integrity);
    void close();
    bool isOpen() const;

    QString path() const { return m_path; }
    QSqlDatabase database() const;
    int schemaVersion() const;

    // Where the workspace lives unless --workspace or TOKENDESK_WORKSPACE say otherwise.
    static QString defaultPath();
    // --workspace wins, then TOKENDESK_WORKSPACE, then the default.
    static QString resolvePath(const QString &commandLinePath);

private:
    WorkspaceError failure(WorkspaceError::Kind kind, const QString &message);

    QString m_connectionName;
    QString m_path;
};

} // namespace tokendesk::store
