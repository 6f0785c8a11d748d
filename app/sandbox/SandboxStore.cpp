#include "SandboxStore.h"

#include "TokenValues.h"

#include "portal/PortalJson.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace tokendesk::sandbox {

using namespace tokendesk::domain;
using portal::PortalJson;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SandboxStore", text);
}

qint64 toMs(const QDateTime &time)
{
    return time.toMSecsSinceEpoch();
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QString toJsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject fromJsonText(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

const char *const kTokenColumns =
    "id, deployment_id, name, kind, status, value, created_ms, updated_ms, rotated_ms, "
    "controls, labels, version, deleted_ms";

StoredToken tokenFromQuery(const QSqlQuery &query)
{
    StoredToken stored;
    Token &token = stored.token;
    token.id = query.value(0).toString();
    token.deploymentId = query.value(1).toString();
    token.name = query.value(2).toString();
    token.kind = tokenKindFromName(query.value(3).toString()).value_or(TokenKind::Api);
    token.status = tokenStatusFromName(query.value(4).toString()).value_or(TokenStatus::Active);
    stored.value = query.value(5).toString();
    token.maskedValue = TokenValues::mask(stored.value);
    token.createdAt = fromMs(query.value(6).toLongLong());
    token.updatedAt = fromMs(query.value(7).toLongLong());
    token.rotatedAt = fromMs(query.value(8).toLongLong());
    token.controls = PortalJson::controlsFromJson(fromJsonText(query.value(9).toString()))
                         .value_or(SecurityControls());
    token.labels =
        PortalJson::labelsFromJson(fromJsonText(query.value(10).toString())).value_or(Labels());
    token.version = query.value(11).toLongLong();
    if (!query.value(12).isNull())
        stored.deletedAt = fromMs(query.value(12).toLongLong());
    return stored;
}

void bindToken(QSqlQuery &query, const StoredToken &stored)
{
    const Token &token = stored.token;
    query.bindValue(QStringLiteral(":id"), token.id);
    query.bindValue(QStringLiteral(":deployment_id"), token.deploymentId);
    query.bindValue(QStringLiteral(":name"), token.name);
    query.bindValue(QStringLiteral(":kind"), tokenKindName(token.kind));
    query.bindValue(QStringLiteral(":status"), tokenStatusName(token.status));
    query.bindValue(QStringLiteral(":value"), stored.value);
    query.bindValue(QStringLiteral(":created_ms"), toMs(token.createdAt));
    query.bindValue(QStringLiteral(":updated_ms"), toMs(token.updatedAt));
    query.bindValue(QStringLiteral(":rotated_ms"), toMs(token.rotatedAt));
    query.bindValue(QStringLiteral(":controls"), toJsonText(PortalJson::controlsToJson(token.controls)));
    query.bindValue(QStringLiteral(":labels"), toJsonText(PortalJson::labelsToJson(token.labels)));
    query.bindValue(QStringLiteral(":version"), token.version);
    query.bindValue(QStringLiteral(":deleted_ms"),
                    stored.deletedAt ? QVariant(toMs(*stored.deletedAt)) : QVariant());
}

} // namespace

SandboxStore::SandboxStore()
    : m_connectionName(QStringLiteral("sandbox-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

SandboxStore::~SandboxStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase SandboxStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool SandboxStore::exec(const QString &sql)
{
    QSqlQuery query(database());
    return query.exec(sql);
}

QString SandboxStore::open(const QString &dataDir)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (dataDir.isEmpty()) {
        db.setDatabaseName(QStringLiteral(":memory:"));
    } else {
        if (!QDir().mkpath(dataDir))
            return tr("cannot create the data directory %1").arg(dataDir);
        db.setDatabaseName(QDir(dataDir).filePath(QStringLiteral("sandbox.sqlite")));
    }
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return tr("cannot open %1: %2").arg(db.databaseName(), db.lastError().text());

    const QStringList schema = {
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA foreign_keys=ON"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS deployments (id TEXT PRIMARY KEY, "
                       "name TEXT NOT NULL, region TEXT NOT NULL, created_ms INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS licenses (id TEXT PRIMARY KEY, "
                       "deployment_id TEXT NOT NULL REFERENCES deployments(id), "
                       "product TEXT NOT NULL, credits_total INTEGER NOT NULL, "
                       "credits_left INTEGER NOT NULL, expires_ms INTEGER)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS tokens (id TEXT PRIMARY KEY, "
                       "deployment_id TEXT NOT NULL REFERENCES deployments(id), "
                       "name TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, "
                       "value TEXT NOT NULL, created_ms INTEGER NOT NULL, "
                       "updated_ms INTEGER NOT NULL, rotated_ms INTEGER NOT NULL, "
                       "controls TEXT NOT NULL, labels TEXT NOT NULL, version INTEGER NOT NULL, "
                       "deleted_ms INTEGER)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS tokens_by_change ON tokens "
                       "(deployment_id, updated_ms, id)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS idempotency (client_id TEXT NOT NULL, "
                       "key TEXT NOT NULL, fingerprint BLOB NOT NULL, status INTEGER NOT NULL, "
                       "content_type BLOB, etag BLOB, location BLOB, body BLOB, "
                       "created_ms INTEGER NOT NULL, PRIMARY KEY (client_id, key))"),
    };
    for (const QString &statement : schema) {
        QSqlQuery query(db);
        if (!query.exec(statement))
            return tr("cannot prepare %1: %2").arg(db.databaseName(), query.lastError().text());
    }
    QSqlQuery last(db);
    if (last.exec(QStringLiteral("SELECT MAX(MAX(updated_ms), MAX(COALESCE(deleted_ms, 0))) "
                                 "FROM tokens")) &&
        last.next())
        m_lastChangeMs = last.value(0).toLongLong();
    return {};
}

QString SandboxStore::lastError() const
{
    return database().lastError().text();
}

bool SandboxStore::isEmpty() const
{
    QSqlQuery query(database());
    return query.exec(QStringLiteral("SELECT COUNT(*) FROM deployments")) && query.next() &&
           query.value(0).toInt() == 0;
}

QString SandboxStore::meta(const QString &key) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    query.addBindValue(key);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return {};
}

void SandboxStore::setMeta(const QString &key, const QString &value)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    query.addBindValue(key);
    query.addBindValue(value);
    query.exec();
}

bool SandboxStore::beginTransaction()
{
    return database().transaction();
}

bool SandboxStore::commit()
{
    return database().commit();
}

void SandboxStore::rollback()
{
    database().rollback();
}

bool SandboxStore::insertDeployment(const Deployment &deployment)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "INSERT INTO deployments (id, name, region, created_ms) VALUES (?, ?, ?, ?)"));
    query.addBindValue(deployment.id);
    query.addBindValue(deployment.name);
    query.addBindValue(deployment.region);
    query.addBindValue(toMs(deployment.createdAt));
    return query.exec();
}

QList<Deployment> SandboxStore::deployments() const
{
    QList<Deployment> result;
    QSqlQuery query(database());
    query.exec(QStringLiteral(
        "SELECT d.id, d.name, d.region, d.created_ms, "
        "(SELECT COUNT(*) FROM tokens t WHERE t.deployment_id = d.id AND t.deleted_ms IS NULL) "
        "FROM deployments d ORDER BY d.created_ms, d.id"));
    while (query.next()) {
        result.append(Deployment{query.value(0).toString(), query.value(1).toString(),
                                 query.value(2).toString(), fromMs(query.value(3).toLongLong()),
                                 query.value(4).toInt()});
    }
    return result;
}

bool SandboxStore::deploymentExists(const QString &id) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT 1 FROM deployments WHERE id = ?"));
    query.addBindValue(id);
    return query.exec() && query.next();
}

bool SandboxStore::insertLicense(const QString &deploymentId, const License &license)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT INTO licenses (id, deployment_id, product, "
                                 "credits_total, credits_left, expires_ms) "
                                 "VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(license.id);
    query.addBindValue(deploymentId);
    query.addBindValue(license.product);
    query.addBindValue(license.creditsTotal);
    query.addBindValue(license.creditsLeft);
    query.addBindValue(license.expiresAt ? QVariant(toMs(*license.expiresAt)) : QVariant());
    return query.exec();
}

QList<License> SandboxStore::licenses(const QString &deploymentId) const
{
    QList<License> result;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT id, product, credits_total, credits_left, expires_ms "
                                 "FROM licenses WHERE deployment_id = ? ORDER BY id"));
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

bool SandboxStore::insertToken(const StoredToken &token)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "INSERT INTO tokens (id, deployment_id, name, kind, status, value, created_ms, "
        "updated_ms, rotated_ms, controls, labels, version, deleted_ms) VALUES (:id, "
        ":deployment_id, :name, :kind, :status, :value, :created_ms, :updated_ms, :rotated_ms, "
        ":controls, :labels, :version, :deleted_ms)"));
    bindToken(query, token);
    return query.exec();
}

bool SandboxStore::updateToken(const StoredToken &token)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "UPDATE tokens SET deployment_id = :deployment_id, name = :name, kind = :kind, "
        "status = :status, value = :value, created_ms = :created_ms, updated_ms = :updated_ms, "
        "rotated_ms = :rotated_ms, controls = :controls, labels = :labels, version = :version, "
        "deleted_ms = :deleted_ms WHERE id = :id"));
    bindToken(query, token);
    return query.exec() && query.numRowsAffected() == 1;
}

std::optional<StoredToken> SandboxStore::token(const QString &id) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT %1 FROM tokens WHERE id = ?")
                      .arg(QLatin1String(kTokenColumns)));
    query.addBindValue(id);
    if (query.exec() && query.next())
        return tokenFromQuery(query);
    return std::nullopt;
}

std::optional<QList<StoredToken>>
SandboxStore::tokenPage(const QString &deploymentId, const std::optional<QDateTime> &updatedSince,
                        const std::optional<PageKey> &after, int limit) const
{
    QString sql = QStringLiteral("SELECT %1 FROM tokens WHERE deployment_id = :deployment")
                      .arg(QLatin1String(kTokenColumns));
    if (updatedSince)
        sql += QStringLiteral(" AND updated_ms >= :since");
    else
        sql += QStringLiteral(" AND deleted_ms IS NULL");
    if (after)
        sql += QStringLiteral(" AND (updated_ms > :after_ms OR "
                              "(updated_ms = :after_ms2 AND id > :after_id))");
    sql += QStringLiteral(" ORDER BY updated_ms, id LIMIT :limit");
    QSqlQuery query(database());
    query.prepare(sql);
    query.bindValue(QStringLiteral(":deployment"), deploymentId);
    if (updatedSince)
        query.bindValue(QStringLiteral(":since"), toMs(*updatedSince));
    if (after) {
        query.bindValue(QStringLiteral(":after_ms"), after->updatedMs);
        query.bindValue(QStringLiteral(":after_ms2"), after->updatedMs);
        query.bindValue(QStringLiteral(":after_id"), after->id);
    }
    query.bindValue(QStringLiteral(":limit"), limit);
    if (!query.exec())
        return std::nullopt;
    QList<StoredToken> result;
    while (query.next())
        result.append(tokenFromQuery(query));
    return result;
}

std::optional<StoredResponse> SandboxStore::storedResponse(const QString &clientId,
                                                           const QString &key) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT fingerprint, status, content_type, etag, location, body "
                                 "FROM idempotency WHERE client_id = ? AND key = ?"));
    query.addBindValue(clientId);
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return StoredResponse{query.value(0).toByteArray(), query.value(1).toInt(),
                          query.value(2).toByteArray(), query.value(3).toByteArray(),
                          query.value(4).toByteArray(), query.value(5).toByteArray()};
}

bool SandboxStore::storeResponse(const QString &clientId, const QString &key,
                                 const StoredResponse &response)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO idempotency (client_id, key, fingerprint, status, content_type, "
        "etag, location, body, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(clientId);
    query.addBindValue(key);
    query.addBindValue(response.fingerprint);
    query.addBindValue(response.status);
    query.addBindValue(response.contentType);
    query.addBindValue(response.etag);
    query.addBindValue(response.location);
    query.addBindValue(response.body);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    return query.exec();
}

void SandboxStore::forgetResponsesBefore(const QDateTime &time)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("DELETE FROM idempotency WHERE created_ms < ?"));
    query.addBindValue(toMs(time));
    query.exec();
}

QDateTime SandboxStore::nextChangeTime()
{
    m_lastChangeMs = std::max(QDateTime::currentMSecsSinceEpoch(), m_lastChangeMs);
    return fromMs(m_lastChangeMs);
}

} // namespace tokendesk::sandbox
