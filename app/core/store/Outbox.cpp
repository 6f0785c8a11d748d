#include "Outbox.h"

#include "SqlText.h"

#include "portal/PortalJson.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace tokendesk::store {

using domain::Token;
using portal::PortalJson;

namespace {

const char *const kColumns = "seq, profile_id, token_id, operation, payload, base, base_version, "
                             "idempotency_key, state, attempts, last_error, created_ms, actor";

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

OutboxEntry entryFrom(const QSqlQuery &query)
{
    OutboxEntry entry;
    entry.seq = query.value(0).toLongLong();
    entry.profileId = query.value(1).toString();
    entry.tokenId = query.value(2).toString();
    const QString operation = query.value(3).toString();
    entry.operation = operation == QLatin1String("create")   ? OutboxEntry::Operation::Create
                      : operation == QLatin1String("delete") ? OutboxEntry::Operation::Delete
                                                             : OutboxEntry::Operation::Update;
    entry.payload = QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object();
    if (!query.value(5).isNull())
        entry.base = PortalJson::tokenFromJson(
            QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object());
    entry.baseVersion = query.value(6).toLongLong();
    entry.idempotencyKey = query.value(7).toString();
    const QString state = query.value(8).toString();
    entry.state = state == QLatin1String("sent")       ? OutboxEntry::State::Sent
                  : state == QLatin1String("conflict") ? OutboxEntry::State::Conflict
                                                       : OutboxEntry::State::Pending;
    entry.attempts = query.value(9).toInt();
    entry.lastError = query.value(10).toString();
    entry.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(11).toLongLong(), Qt::UTC);
    entry.actor = query.value(12).toString();
    return entry;
}

void bindEntry(QSqlQuery &query, const OutboxEntry &entry)
{
    query.bindValue(QStringLiteral(":profile"), entry.profileId);
    query.bindValue(QStringLiteral(":token"), entry.tokenId);
    query.bindValue(QStringLiteral(":operation"), OutboxEntry::operationName(entry.operation));
    query.bindValue(QStringLiteral(":payload"), json(entry.payload));
    query.bindValue(QStringLiteral(":base"),
                    entry.base ? QVariant(json(PortalJson::tokenToJson(*entry.base))) : QVariant());
    query.bindValue(QStringLiteral(":base_version"), entry.baseVersion);
    query.bindValue(QStringLiteral(":key"), sqlText(entry.idempotencyKey));
    query.bindValue(QStringLiteral(":state"), OutboxEntry::stateName(entry.state));
    query.bindValue(QStringLiteral(":attempts"), entry.attempts);
    query.bindValue(QStringLiteral(":error"), sqlText(entry.lastError));
    query.bindValue(QStringLiteral(":created"), entry.createdAt.toMSecsSinceEpoch());
    query.bindValue(QStringLiteral(":actor"), sqlText(entry.actor));
}

} // namespace

qint64 Outbox::enqueue(const OutboxEntry &entry)
{
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral(
        "INSERT INTO outbox (profile_id, token_id, operation, payload, base, base_version, "
        "idempotency_key, state, attempts, last_error, created_ms, actor) VALUES (:profile, "
        ":token, :operation, :payload, :base, :base_version, :key, :state, :attempts, :error, "
        ":created, :actor)"));
    bindEntry(query, entry);
    if (!query.exec())
        return 0;
    return query.lastInsertId().toLongLong();
}

bool Outbox::update(const OutboxEntry &entry)
{
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral(
        "UPDATE outbox SET profile_id = :profile, token_id = :token, operation = :operation, "
        "payload = :payload, base = :base, base_version = :base_version, idempotency_key = :key, "
        "state = :state, attempts = :attempts, last_error = :error, created_ms = :created, "
        "actor = :actor WHERE seq = :seq"));
    bindEntry(query, entry);
    query.bindValue(QStringLiteral(":seq"), entry.seq);
    return query.exec() && query.numRowsAffected() == 1;
}

bool Outbox::remove(qint64 seq)
{
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("DELETE FROM outbox WHERE seq = ?"));
    query.addBindValue(seq);
    return query.exec();
}

std::optional<OutboxEntry> Outbox::entry(qint64 seq) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE seq = ?").arg(QLatin1String(kColumns)));
    query.addBindValue(seq);
    if (query.exec() && query.next())
        return entryFrom(query);
    return std::nullopt;
}

QList<OutboxEntry> Outbox::entries(const QString &profileId) const
{
    QSqlQuery query(m_workspace.database());
    if (profileId.isEmpty()) {
        query.prepare(QStringLiteral("SELECT %1 FROM outbox ORDER BY seq").arg(QLatin1String(kColumns)));
    } else {
        query.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE profile_id = ? ORDER BY seq")
                          .arg(QLatin1String(kColumns)));
        query.addBindValue(profileId);
    }
    QList<OutboxEntry> result;
    if (query.exec()) {
        while (query.next())
            result.append(entryFrom(query));
    }
    return result;
}

QList<OutboxEntry> Outbox::entriesFor(const QString &profileId, const QString &tokenId) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE profile_id = ? AND token_id = ? "
                                 "ORDER BY seq")
                      .arg(QLatin1String(kColumns)));
    query.addBindValue(profileId);
    query.addBindValue(tokenId);
    QList<OutboxEntry> result;
    if (query.exec()) {
        while (query.next())
            result.append(entryFrom(query));
    }
    return result;
}

int Outbox::pendingCount(const QString &profileId) const
{
    QSqlQuery query(m_workspace.database());
    if (profileId.isEmpty()) {
        query.prepare(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state != 'conflict'"));
    } else {
        query.prepare(QStringLiteral(
            "SELECT COUNT(*) FROM outbox WHERE state != 'conflict' AND profile_id = ?"));
        query.addBindValue(profileId);
    }
    if (query.exec() && query.next())
        return query.value(0).toInt();
    return 0;
}

} // namespace tokendesk::store
