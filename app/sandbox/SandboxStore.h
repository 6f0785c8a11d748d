#pragma once

#include "domain/Deployment.h"
#include "domain/Token.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace tokendesk::sandbox {

// A token row: the token, its secret value (the sandbox is the portal, so it keeps it), and
// whether it was deleted (rows stay as tombstones for incremental pulls).
struct StoredToken
{
    domain::Token token;
    QString value;
    std::optional<QDateTime> deletedAt;
};

// A response kept for an Idempotency-Key, replayed when the same request comes again.
struct StoredResponse
{
    QByteArray fingerprint;
    int status = 0;
    QByteArray contentType;
    QByteArray etag;
    QByteArray location;
    QByteArray body;
};

// Where the token list continues: after this (updated time, id).
struct PageKey
{
    qint64 updatedMs = 0;
    QString id;
};

// The sandbox portal's data in SQLite: in a file under --data (kept across restarts) or in
// memory. One connection, used from the server's thread only.
class SandboxStore
{
public:
    SandboxStore();
    ~SandboxStore();
    SandboxStore(const SandboxStore &) = delete;
    SandboxStore &operator=(const SandboxStore &) = delete;

    // dataDir empty: in memory. Returns an error message, empty on success.
    QString open(const QString &dataDir);

    bool isEmpty() const;
    QString meta(const QString &key) const;
    void setMeta(const QString &key, const QString &value);

    bool beginTransaction();
    bool commit();
    void rollback();

    bool insertDeployment(const domain::Deployment &deployment);
    QList<domain::Deployment> deployments() const; // with live token counts
    bool deploymentExists(const QString &id) const;
    bool insertLicense(const QString &deploymentId, const domain::License &license);
    QList<domain::License> licenses(const QString &deploymentId) const;

    bool insertToken(const StoredToken &token);
    bool updateToken(const StoredToken &token);
    std::optional<StoredToken> token(const QString &id) const; // deleted ones included
    // Tokens of a deployment ordered by (updated time, id) after the key. Without
    // updatedSince, live tokens only; with it, tokens and tombstones changed since.
    // nullopt on a database error.
    std::optional<QList<StoredToken>> tokenPage(const QString &deploymentId,
                                                const std::optional<QDateTime> &updatedSince,
                                                const std::optional<PageKey> &after,
                                                int limit) const;

    std::optional<StoredResponse> storedResponse(const QString &clientId, const QString &key) const;
    bool storeResponse(const QString &clientId, const QString &key, const StoredResponse &response);
    void forgetResponsesBefore(const QDateTime &time);

    // The time of a change: never earlier than the last one, even if the system clock steps
    // back, so that incremental pulls (updated_at >= updated_since) never miss a change.
    QDateTime nextChangeTime();

    QString lastError() const;

private:
    QSqlDatabase database() const;
    bool exec(const QString &sql);

    QString m_connectionName;
    qint64 m_lastChangeMs = 0;
};

} // namespace tokendesk::sandbox
