#pragma once

#include "TokenRecord.h"
#include "Workspace.h"

#include "domain/Deployment.h"
#include "domain/TokenNotes.h"

#include <QHash>
#include <QList>
#include <QSqlQuery>
#include <optional>

namespace tokendesk::store {

// Deployments, licences and tokens of every profile. Callers group writes in a Transaction.
class TokenStore
{
public:
    explicit TokenStore(Workspace &workspace) : m_workspace(workspace) {}

    // Makes the profile's deployments exactly these (a deployment gone from the portal takes
    // its tokens with it). Returns false on a database error.
    bool replaceDeployments(const QString &profileId, const QList<domain::Deployment> &deployments);
    bool ensureDeployment(const QString &profileId, const domain::Deployment &deployment);
    QList<domain::Deployment> deployments(const QString &profileId) const;
    std::optional<domain::Deployment> deployment(const QString &profileId,
                                                 const QString &idOrName) const;
    bool replaceLicenses(const QString &profileId, const QString &deploymentId,
                         const QList<domain::License> &licenses);
    QList<domain::License> licenses(const QString &profileId, const QString &deploymentId) const;

    // Tokens ordered by profile, deployment and name; empty ids mean "all". Lists need only
    // what the user sees: the portal's confirmed copy is read only when asked for.
    enum class Versions { LocalOnly, LocalAndServer };
    QList<TokenRecord> tokens(const QString &profileId = {}, const QString &deploymentId = {},
                              Versions versions = Versions::LocalOnly) const;
    std::optional<TokenRecord> token(const QString &profileId, const QString &tokenId) const;
    // Finds a token by id in any profile (ids are unique per portal, and in practice across).
    QList<TokenRecord> findById(const QString &tokenId) const;
    bool put(const TokenRecord &record);
    bool remove(const QString &profileId, const QString &tokenId);
    // A token created offline got its real id from the portal.
    bool rename(const QString &profileId, const QString &oldId, const QString &newId);
    domain::TokenNotes notes(const QString &profileId, const QString &tokenId) const;
    // Every note of a profile (all profiles when empty), keyed "profile/token".
    QHash<QString, domain::TokenNotes> allNotes(const QString &profileId = {}) const;
    bool setNotes(const QString &profileId, const QString &tokenId, const domain::TokenNotes &notes);
    int count() const;
    // id -> version of what the portal last confirmed, for one deployment (fast pulls).
    QHash<QString, qint64> serverVersions(const QString &profileId, const QString &deploymentId) const;

    QString lastError() const;

private:
    bool exec(QSqlQuery &query); // remembers the error for lastError()

    Workspace &m_workspace;
    QString m_lastError;
};

} // namespace tokendesk::store
