#pragma once

#include <QSqlDatabase>
#include <QStringList>

namespace tokendesk::store {

// The workspace schema as a list of steps keyed on PRAGMA user_version: step n turns a
// version n-1 workspace into version n. Steps are only ever appended.
class SchemaMigrations
{
public:
    static int latestVersion();
    // The statements of step `version` (1-based).
    static QStringList step(int version);
    // Runs every step after the file's version, each in its own transaction. Returns an
    // error message, empty on success.
    static QString migrate(QSqlDatabase &database, int fromVersion, int toVersion);
};

} // namespace tokendesk::store
