#include "SyncStateStore.h"

#include "SqlText.h"

#include <QSqlQuery>
#include <QVariant>

namespace tokendesk::store {

namespace {

std::optional<QDateTime> time(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant ms(const std::optional<QDateTime> &time)
{
    return time ? QVariant(time->toMSecsSinceEpoch()) : QVariant();
}

} // namespace

SyncState SyncStateStore::get(const QString &profileId, const QString &collection) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("SELECT etag, watermark_ms, last_success_ms, last_attempt_ms, "
                                 "last_error FROM sync_state WHERE profile_id = ? AND collection = ?"));
    query.addBindValue(profileId);
    query.addBindValue(collection);
    SyncState state;
    if (query.exec() && query.next()) {
        state.etag = query.value(0).toString().toLatin1();
        state.watermark = time(query.value(1));
        state.lastSuccess = time(query.value(2));
        state.lastAttempt = time(query.value(3));
        state.lastError = query.value(4).toString();
    }
    return state;
}

bool SyncStateStore::put(const QString &profileId, const QString &collection,
                         const SyncState &state)
{
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO sync_state (profile_id, collection, etag, watermark_ms, "
        "last_success_ms, last_attempt_ms, last_error) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(profileId);
    query.addBindValue(collection);
    query.addBindValue(sqlText(QString::fromLatin1(state.etag)));
    query.addBindValue(ms(state.watermark));
    query.addBindValue(ms(state.lastSuccess));
    query.addBindValue(ms(state.lastAttempt));
    query.addBindValue(sqlText(state.lastError));
    return query.exec();
}

std::optional<QDateTime> SyncStateStore::lastSuccess(const QString &profileId) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("SELECT MAX(last_success_ms) FROM sync_state WHERE profile_id = ?"));
    query.addBindValue(profileId);
    if (query.exec() && query.next())
        return time(query.value(0));
    return std::nullopt;
}

QString SyncStateStore::lastError(const QString &profileId) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("SELECT last_error FROM sync_state WHERE profile_id = ? AND "
                                 "last_error != '' ORDER BY last_attempt_ms DESC LIMIT 1"));
    query.addBindValue(profileId);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return {};
}

} // namespace tokendesk::store
