#include "TokenStore.h"

#include "SqlText.h"

#include "portal/PortalJson.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tokendesk::store {

using namespace tokendesk::domain;
using portal::PortalJson;

namespace {

QString toText(const Token &token)
{
    return QString::fromUtf8(
        QJsonDocument(PortalJson::tokenToJson(token)).toJson(QJsonDocument::Compact));
}

std::optional<Token> fromText(const QVariant &text)
{
    if (text.isNull())
        return std::nullopt;
    return PortalJson::tokenFromJson(QJsonDocument::fromJson(text.toString().toUtf8()).object());
}

qint64 ms(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QDateTime fromMs(qint64 value)
{
    return QDateTime::fromMSecsSinceEpoch(value, Qt::UTC);
}

const char *const kTokenColumns = "profile_id, local, server";

std::optional<TokenRecord> recordFrom(const QSqlQuery &query, bool withServer = true)
{
    const auto local = fromText(query.value(1));
    if (!local)
        return std::nullopt;
    return TokenRecord{query.value(0).toString(), *local,
                       withServer ? fromText(query.value(2)) : std::nullopt};
}

} // namespace

QString TokenStore::lastError() const
{
    return m_lastError.isEmpty() ? m_workspace.database().lastError().text() : m_lastError;
}

bool TokenStore::exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    m_lastError = query.lastError().text();
    return false;
}

bool TokenStore::ensureDeployment(const QString &profileId, const Deployment &deployment)
{
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral(
        "INSERT INTO deployments (profile_id, id, name, region, created_ms, token_count) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (profile_id, id) DO UPDATE SET "
        "name = excluded.name, region = excluded.region, token_count = excluded.token_count"));
    query.addBindValue(profileId);
    query.addBindValue(deployment.id);
    query.addBindValue(sqlText(deployment.name));
    query.addBindValue(sqlText(deployment.region));
    query.addBindValue(ms(deployment.createdAt));
    query.addBindValue(deployment.tokenCount);
    return exec(query);
}

bool TokenStore::replaceDeployments(const QString &profileId, const QList<Deployment> &deployments)
{
    QSet<QString> keep;
    for (const Deployment &deployment : deployments) {
        if (!ensureDeployment(profileId, deployment))
            return false;
        keep.insert(deployment.id);
    }
    for (const Deployment &known : this->deployments(profileId)) {
        if (keep.contains(known.id))
            continue;
        // Gone from the portal, with its tokens; kept while edits of them wait in the outbox,
        // so that they surface as conflicts instead of vanishing.
        QSqlQuery query(m_workspace.database());
        query.prepare(QStringLiteral(
            "DELETE FROM deployments WHERE profile_id = ? AND id = ? AND NOT EXISTS ("
            "SELECT 1 FROM outbox o JOIN tokens t ON t.profile_id = o.profile_id AND t.id = o.token_id "
            "WHERE t.profile_id = ? AND t.deployment_id = ?)"));
        query.addBindValue(profileId);
        query.addBindValue(known.id);
        query.addBindValue(profileId);
        query.addBindValue(known.id);
        if (!exec(query))
            return false;
    }
    return true;
}

QList<Deployment> TokenStore::deployments(const QString &profileId) const
{
    QList<Deployment> result;
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("SELECT id, name, region, created_ms, "
                                 "(SELECT COUNT(*) FROM tokens t WHERE t.profile_id = d.profile_id "
                                 " AND t.deployment_id = d.id) "
                                 "FROM deployments d WHERE profile_id = ? ORDER BY name, id"));
    query.addBindValue(profileId);
    query.exec();
    while (query.next())
        result.append(Deployment{query.value(0).toString(), query.value(1).toString(),
                                 query.value(2).toString(), fromMs(query.value(3).toLongLong()),
                                 query.value(4).toInt()});
    return result;
}

std::optional<Deployment> TokenStore::deployment(const QString &profileId,
                                                 const QString &idOrName) const
{
    for (const Deployment &deployment : deployments(profileId)) {
        if (deployment.id == idOrName ||
            deployment.name.compare(idOrName, Qt::CaseInsensitive) == 0)
            return deployment;
    }
    return std::nullopt;
}

bool TokenStore::replaceLicenses(const QString &profileId, const QString &deploymentId,
                                 const QList<License> &licenses)
{
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("DELETE FROM licenses WHERE profile_id = ? AND deployment_id = ?"));
    query.addBindValue(profileId);
    query.addBindValue(deploymentId);
    if (!query.exec())
        return false;
    query.prepare(QStringLiteral("INSERT INTO licenses (profile_id, deployment_id, id, product, "
                                 "credits_total, credits_left, expires_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const License &license : licenses) {
        query.addBindValue(profileId);
        query.addBindValue(deploymentId);
        query.addBindValue(license.id);
        query.addBindValue(license.product);
        query.addBindValue(license.creditsTotal);
        query.addBindValue(license.creditsLeft);
        query.addBindValue(license.expiresAt ? QVariant(ms(*license.expiresAt)) : QVariant());
        if (!query.exec())
            return false;
    }
    return true;
}

QList<License> TokenStore::licenses(const QString &profileId, const QString &deploymentId) const
{
    QList<License> result;
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("SELECT id, product, credits_total, credits_left, expires_ms FROM "
                                 "licenses WHERE profile_id = ? AND deployment_id = ? ORDER BY product"));
    query.addBindValue(profileId);
    query.addBindValue(deploymentId);
    query.exec();
    while (query.next()) {
        License license{query.value(0).toString(), query.value(1).toString(),
                        query.value(2).toLongLong(), query.value(3).toLongLong(), std::nullopt};
        if (!query.value(4).isNull())
            license.expiresAt = fromMs(query.value(4).toLongLong());
        result.append(license);
    }
    return result;
}

QList<TokenRecord> TokenStore::tokens(const QString &profileId, const QString &deploymentId,
                                      Versions versions) const
{
    QString sql = QStringLiteral("SELECT %1 FROM tokens WHERE 1 = 1").arg(QLatin1String(kTokenColumns));
    if (!profileId.isEmpty())
        sql += QStringLiteral(" AND profile_id = :profile");
    if (!deploymentId.isEmpty())
        sql += QStringLiteral(" AND deployment_id = :deployment");
    sql += QStringLiteral(" ORDER BY profile_id, deployment_id, name, id");
    QSqlQuery query(m_workspace.database());
    query.setForwardOnly(true);
    query.prepare(sql);
    if (!profileId.isEmpty())
        query.bindValue(QStringLiteral(":profile"), profileId);
    if (!deploymentId.isEmpty())
        query.bindValue(QStringLiteral(":deployment"), deploymentId);
    QList<TokenRecord> result;
    if (!query.exec())
        return result;
    const bool withServer = versions == Versions::LocalAndServer;
    while (query.next()) {
        if (auto record = recordFrom(query, withServer))
            result.append(*record);
    }
    return result;
}

std::optional<TokenRecord> TokenStore::token(const QString &profileId, const QString &tokenId) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("SELECT %1 FROM tokens WHERE profile_id = ? AND id = ?")
                      .arg(QLatin1String(kTokenColumns)));
    query.addBindValue(profileId);
    query.addBindValue(tokenId);
    if (query.exec() && query.next())
        return recordFrom(query);
    return std::nullopt;
}

QList<TokenRecord> TokenStore::findById(const QString &tokenId) const
{
    QList<TokenRecord> result;
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("SELECT %1 FROM tokens WHERE id = ?").arg(QLatin1String(kTokenColumns)));
    query.addBindValue(tokenId);
    query.exec();
    while (query.next()) {
        if (auto record = recordFrom(query))
            result.append(*record);
    }
    return result;
}

bool TokenStore::put(const TokenRecord &record)
{
    const Token &token = record.local;
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral(
        "INSERT INTO tokens (profile_id, id, deployment_id, name, kind, status, version, "
        "updated_ms, rotated_ms, local, server, origins, urls, ips, usage_model, environment) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (profile_id, id) DO UPDATE SET deployment_id = excluded.deployment_id, "
        "name = excluded.name, kind = excluded.kind, status = excluded.status, "
        "version = excluded.version, updated_ms = excluded.updated_ms, "
        "rotated_ms = excluded.rotated_ms, local = excluded.local, server = excluded.server, "
        "origins = excluded.origins, urls = excluded.urls, ips = excluded.ips, "
        "usage_model = excluded.usage_model, environment = excluded.environment"));
    query.addBindValue(record.profileId);
    query.addBindValue(token.id);
    query.addBindValue(token.deploymentId);
    query.addBindValue(sqlText(token.name));
    query.addBindValue(tokenKindName(token.kind));
    query.addBindValue(tokenStatusName(token.status));
    query.addBindValue(token.version);
    query.addBindValue(ms(token.updatedAt));
    query.addBindValue(ms(token.rotatedAt));
    query.addBindValue(toText(token));
    query.addBindValue(record.server ? QVariant(toText(*record.server)) : QVariant());
    // What the token table lists, kept beside the JSON (see SchemaMigrations, version 3).
    query.addBindValue(int(token.controls.corsOrigins.size()));
    query.addBindValue(int(token.controls.permittedUrls.size()));
    query.addBindValue(int(token.controls.ipRanges.size()));
    query.addBindValue(sqlText(token.labels.value(domain::TokenLabels::usageModelKey())));
    query.addBindValue(sqlText(token.labels.value(domain::TokenLabels::environmentKey())));
    return exec(query);
}

bool TokenStore::remove(const QString &profileId, const QString &tokenId)
{
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("DELETE FROM tokens WHERE profile_id = ? AND id = ?"));
    query.addBindValue(profileId);
    query.addBindValue(tokenId);
    return query.exec();
}

bool TokenStore::rename(const QString &profileId, const QString &oldId, const QString &newId)
{
    QSqlQuery query(m_workspace.database());
    for (const char *table : {"token_notes", "outbox", "conflicts"}) {
        query.prepare(QStringLiteral("UPDATE %1 SET token_id = ? WHERE profile_id = ? AND token_id = ?")
                          .arg(QLatin1String(table)));
        query.addBindValue(newId);
        query.addBindValue(profileId);
        query.addBindValue(oldId);
        if (!query.exec())
            return false;
    }
    return true;
}

QHash<QString, qint64> TokenStore::serverVersions(const QString &profileId,
                                                  const QString &deploymentId) const
{
    QHash<QString, qint64> versions;
    QSqlQuery query(m_workspace.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, json_extract(server, '$.version') FROM tokens "
                                 "WHERE profile_id = ? AND deployment_id = ? AND server IS NOT NULL"));
    query.addBindValue(profileId);
    query.addBindValue(deploymentId);
    if (query.exec()) {
        while (query.next())
            versions.insert(query.value(0).toString(), query.value(1).toLongLong());
    }
    return versions;
}

TokenNotes TokenStore::notes(const QString &profileId, const QString &tokenId) const
{
    TokenNotes notes;
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("SELECT rotation_days, where_used FROM token_notes "
                                 "WHERE profile_id = ? AND token_id = ?"));
    query.addBindValue(profileId);
    query.addBindValue(tokenId);
    if (query.exec() && query.next()) {
        if (!query.value(0).isNull())
            notes.rotationDays = query.value(0).toInt();
        notes.whereUsed = query.value(1).toString();
    }
    return notes;
}

QHash<QString, TokenNotes> TokenStore::allNotes(const QString &profileId) const
{
    QHash<QString, TokenNotes> result;
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("SELECT profile_id, token_id, rotation_days, where_used FROM "
                                 "token_notes WHERE ? = '' OR profile_id = ?"));
    query.addBindValue(sqlText(profileId));
    query.addBindValue(sqlText(profileId));
    if (query.exec()) {
        while (query.next()) {
            TokenNotes notes;
            if (!query.value(2).isNull())
                notes.rotationDays = query.value(2).toInt();
            notes.whereUsed = query.value(3).toString();
            result.insert(query.value(0).toString() + QLatin1Char('/') + query.value(1).toString(), notes);
        }
    }
    return result;
}

bool TokenStore::setNotes(const QString &profileId, const QString &tokenId, const TokenNotes &notes)
{
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO token_notes (profile_id, token_id, "
                                 "rotation_days, where_used) VALUES (?, ?, ?, ?)"));
    query.addBindValue(profileId);
    query.addBindValue(tokenId);
    query.addBindValue(notes.rotationDays ? QVariant(*notes.rotationDays) : QVariant());
    query.addBindValue(sqlText(notes.whereUsed));
    return exec(query);
}

int TokenStore::count() const
{
    QSqlQuery query(m_workspace.database());
    if (query.exec(QStringLiteral("SELECT COUNT(*) FROM tokens")) && query.next())
        return query.value(0).toInt();
    return 0;
}

} // namespace tokendesk::store
