#include "ConflictStore.h"

#include "SqlText.h"

#include "portal/PortalJson.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace tokendesk::store {

using domain::Token;
using portal::PortalJson;

namespace {

const char *const kColumns = "id, profile_id, token_id, outbox_seq, base, mine, theirs, merged, "
                             "fields, reason, created_ms, resolved_ms, resolution";

QVariant tokenText(const std::optional<Token> &token)
{
    if (!token)
        return QVariant();
    return QString::fromUtf8(
        QJsonDocument(PortalJson::tokenToJson(*token)).toJson(QJsonDocument::Compact));
}

std::optional<Token> tokenFrom(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return PortalJson::tokenFromJson(QJsonDocument::fromJson(value.toString().toUtf8()).object());
}

Conflict conflictFrom(const QSqlQuery &query)
{
    Conflict conflict;
    conflict.id = query.value(0).toLongLong();
    conflict.profileId = query.value(1).toString();
    conflict.tokenId = query.value(2).toString();
    conflict.outboxSeq = query.value(3).toLongLong();
    conflict.base = tokenFrom(query.value(4));
    conflict.mine = tokenFrom(query.value(5));
    conflict.theirs = tokenFrom(query.value(6));
    conflict.merged = tokenFrom(query.value(7));
    conflict.fields = query.value(8).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    conflict.reason = query.value(9).toString();
    conflict.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(10).toLongLong(), Qt::UTC);
    if (!query.value(11).isNull())
        conflict.resolvedAt = QDateTime::fromMSecsSinceEpoch(query.value(11).toLongLong(), Qt::UTC);
    conflict.resolution = query.value(12).toString();
    return conflict;
}

} // namespace

qint64 ConflictStore::add(const Conflict &conflict)
{
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral(
        "INSERT INTO conflicts (profile_id, token_id, outbox_seq, base, mine, theirs, merged, "
        "fields, reason, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(conflict.profileId);
    query.addBindValue(conflict.tokenId);
    query.addBindValue(conflict.outboxSeq);
    query.addBindValue(tokenText(conflict.base));
    query.addBindValue(tokenText(conflict.mine));
    query.addBindValue(tokenText(conflict.theirs));
    query.addBindValue(tokenText(conflict.merged));
    query.addBindValue(sqlText(conflict.fields.join(QLatin1Char(','))));
    query.addBindValue(sqlText(conflict.reason));
    query.addBindValue(conflict.createdAt.toMSecsSinceEpoch());
    if (!query.exec())
        return 0;
    return query.lastInsertId().toLongLong();
}

std::optional<Conflict> ConflictStore::find(qint64 id) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("SELECT %1 FROM conflicts WHERE id = ?").arg(QLatin1String(kColumns)));
    query.addBindValue(id);
    if (query.exec() && query.next())
        return conflictFrom(query);
    return std::nullopt;
}

QList<Conflict> ConflictStore::open(const QString &profileId) const
{
    QSqlQuery query(m_workspace.database());
    QString sql = QStringLiteral("SELECT %1 FROM conflicts WHERE resolved_ms IS NULL")
                      .arg(QLatin1String(kColumns));
    if (!profileId.isEmpty())
        sql += QStringLiteral(" AND profile_id = :profile");
    query.prepare(sql + QStringLiteral(" ORDER BY id"));
    if (!profileId.isEmpty())
        query.bindValue(QStringLiteral(":profile"), profileId);
    QList<Conflict> result;
    if (query.exec()) {
        while (query.next())
            result.append(conflictFrom(query));
    }
    return result;
}

bool ConflictStore::markResolved(qint64 id, const QString &resolution, const QDateTime &when)
{
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("UPDATE conflicts SET resolved_ms = ?, resolution = ? WHERE id = ? "
                                 "AND resolved_ms IS NULL"));
    query.addBindValue(when.toMSecsSinceEpoch());
    query.addBindValue(resolution);
    query.addBindValue(id);
    return query.exec() && query.numRowsAffected() == 1;
}

} // namespace tokendesk::store
