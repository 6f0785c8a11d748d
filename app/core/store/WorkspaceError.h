#pragma once

#include <QString>

namespace tokendesk::store {

// Why a workspace could not be opened or written. The file is never reset to hide one.
struct WorkspaceError
{
    enum class Kind {
        None,
        CannotCreate,  // the folder or file cannot be made
        NotAWorkspace, // not an SQLite file at all
        Corrupt,       // SQLite says the file is damaged
        FutureSchema,  // written by a newer TokenDesk
        Busy,          // another TokenDesk holds the write lock
        Sql,           // any other database error
    };
    Kind kind = Kind::None;
    QString message; // names the file and what to do

    bool isError() const { return kind != Kind::None; }
};

} // namespace tokendesk::store
