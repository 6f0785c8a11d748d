#include "SchemaMigrations.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tokendesk::store {

namespace {

// Version 1: profiles, their portal data, local metadata, the outbox, conflicts, sync state
// and the journal. Times are milliseconds since the epoch (UTC); lists and maps are JSON.
const char *const kVersion1[] = {
    "CREATE TABLE profiles ("
    " id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
    " kind TEXT NOT NULL CHECK (kind IN ('portal', 'local')),"
    " base_url TEXT NOT NULL DEFAULT '', client_id TEXT NOT NULL DEFAULT '',"
    " created_ms INTEGER NOT NULL)",
    "CREATE TABLE deployments ("
    " profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
    " id TEXT NOT NULL, name TEXT NOT NULL, region TEXT NOT NULL DEFAULT '',"
    " created_ms INTEGER NOT NULL, token_count INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY (profile_id, id))",
    "CREATE TABLE licenses ("
    " profile_id TEXT NOT NULL, deployment_id TEXT NOT NULL, id TEXT NOT NULL,"
    " product TEXT NOT NULL, credits_total INTEGER NOT NULL, credits_left INTEGER NOT NULL,"
    " expires_ms INTEGER,"
    " PRIMARY KEY (profile_id, deployment_id, id),"
    " FOREIGN KEY (profile_id, deployment_id) REFERENCES deployments(profile_id, id)"
    "  ON DELETE CASCADE)",
    // One row per token: `local` is what the user sees (the portal's state with pending edits
    // applied), `server` the last state the portal confirmed (the base of three-way merges).
    "CREATE TABLE tokens ("
    " profile_id TEXT NOT NULL, id TEXT NOT NULL, deployment_id TEXT NOT NULL,"
    " name TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, version INTEGER NOT NULL,"
    " updated_ms INTEGER NOT NULL, rotated_ms INTEGER NOT NULL,"
    " local TEXT NOT NULL, server TEXT,"
    " PRIMARY KEY (profile_id, id),"
    " FOREIGN KEY (profile_id, deployment_id) REFERENCES deployments(profile_id, id)"
    "  ON DELETE CASCADE)",
    "CREATE INDEX tokens_by_deployment ON tokens (profile_id, deployment_id, name)",
    // What TokenDesk knows that the portal does not: rotation policy and where a token is used.
    "CREATE TABLE token_notes ("
    " profile_id TEXT NOT NULL, token_id TEXT NOT NULL,"
    " rotation_days INTEGER, where_used TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY (profile_id, token_id))",
    "CREATE TABLE outbox ("
    " seq INTEGER PRIMARY KEY AUTOINCREMENT, profile_id TEXT NOT NULL, token_id TEXT NOT NULL,"
    " operation TEXT NOT NULL CHECK (operation IN ('create', 'update', 'delete')),"
    " payload TEXT NOT NULL, base TEXT, base_version INTEGER NOT NULL DEFAULT 0,"
    " idempotency_key TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending'"
    "  CHECK (state IN ('pending', 'sent', 'conflict')),"
    " attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '',"
    " created_ms INTEGER NOT NULL, actor TEXT NOT NULL)",
    "CREATE INDEX outbox_by_token ON outbox (profile_id, token_id, seq)",
    "CREATE TABLE conflicts ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, profile_id TEXT NOT NULL, token_id TEXT NOT NULL,"
    " outbox_seq INTEGER NOT NULL, base TEXT, mine TEXT, theirs TEXT,"
    " merged TEXT, fields TEXT NOT NULL, reason TEXT NOT NULL,"
    " created_ms INTEGER NOT NULL, resolved_ms INTEGER, resolution TEXT)",
    "CREATE TABLE sync_state ("
    " profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
    " collection TEXT NOT NULL, etag TEXT NOT NULL DEFAULT '', watermark_ms INTEGER,"
    " last_success_ms INTEGER, last_attempt_ms INTEGER, last_error TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY (profile_id, collection))",
    // Append-only: no statement of TokenDesk updates or deletes a journal row.
    "CREATE TABLE journal ("
    " seq INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL, actor TEXT NOT NULL,"
    " profile_id TEXT NOT NULL, token_id TEXT NOT NULL, action TEXT NOT NULL,"
    " before TEXT, after TEXT)",
    "CREATE INDEX journal_by_token ON journal (profile_id, token_id, seq)",
    "CREATE TRIGGER journal_append_only_update BEFORE UPDATE ON journal"
    " BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END",
    "CREATE TRIGGER journal_append_only_delete BEFORE DELETE ON journal"
    " BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END",
    "INSERT INTO profiles (id, name, kind, created_ms) VALUES ('local', 'Local', 'local', 0)",
};

// Version 2: the role the portal last gave each profile's client ("administrator",
// "consumer", "consumer_reader"; empty until known), so the app can show a read-only
// profile as read-only while offline.
const char *const kVersion2[] = {
    "ALTER TABLE profiles ADD COLUMN role TEXT NOT NULL DEFAULT ''",
};

// Version 3: what the token table lists, in columns of their own and in a covering index,
// so that listing 100,000 tokens reads the index alone instead of every token's JSON.
const char *const kVersion3[] = {
    "ALTER TABLE tokens ADD COLUMN origins INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE tokens ADD COLUMN urls INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE tokens ADD COLUMN ips INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE tokens ADD COLUMN usage_model TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE tokens ADD COLUMN environment TEXT NOT NULL DEFAULT ''",
    "UPDATE tokens SET"
    " origins = coalesce(json_array_length(local, '$.controls.cors_origins'), 0),"
    " urls = coalesce(json_array_length(local, '$.controls.permitted_urls'), 0),"
    " ips = coalesce(json_array_length(local, '$.controls.ip_ranges'), 0),"
    " usage_model = coalesce(json_extract(local, '$.labels.usage_model'), ''),"
    " environment = coalesce(json_extract(local, '$.labels.environment'), '')",
    "CREATE INDEX tokens_summary ON tokens (profile_id, deployment_id, name, id, kind, status,"
    " rotated_ms, origins, urls, ips, usage_model, environment)",
};

} // namespace

int SchemaMigrations::latestVersion()
{
    return 3;
}

QStringList SchemaMigrations::step(int version)
{
    QStringList statements;
    if (version == 1) {
        for (const char *statement : kVersion1)
            statements.append(QString::fromLatin1(statement));
    } else if (version == 2) {
        for (const char *statement : kVersion2)
            statements.append(QString::fromLatin1(statement));
    } else if (version == 3) {
        for (const char *statement : kVersion3)
            statements.append(QString::fromLatin1(statement));
    }
    return statements;
}

QString SchemaMigrations::migrate(QSqlDatabase &database, int fromVersion, int toVersion)
{
    for (int version = fromVersion + 1; version <= toVersion; ++version) {
        if (!database.transaction())
            return database.lastError().text();
        QSqlQuery query(database);
        for (const QString &statement : step(version)) {
            if (!query.exec(statement)) {
                const QString error = query.lastError().text();
                database.rollback();
                return QStringLiteral("step %1: %2").arg(version).arg(error);
            }
        }
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)) ||
            !database.commit()) {
            const QString error = database.lastError().text();
            database.rollback();
            return QStringLiteral("step %1: %2").arg(version).arg(error);
        }
    }
    return {};
}

} // namespace tokendesk::store
