#include "Journal.h"

#include "SqlText.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace tokendesk::store {

namespace {

QVariant text(const QJsonObject &object)
{
    if (object.isEmpty())
        return QVariant();
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

QString Journal::localActor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.isEmpty() ? QStringLiteral("local user") : user;
}

bool Journal::append(const JournalEntry &entry)
{
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("INSERT INTO journal (at_ms, actor, profile_id, token_id, action, "
                                 "before, after) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(entry.at.toMSecsSinceEpoch());
    query.addBindValue(sqlText(entry.actor));
    query.addBindValue(entry.profileId);
    query.addBindValue(entry.tokenId);
    query.addBindValue(sqlText(entry.action));
    query.addBindValue(text(entry.before));
    query.addBindValue(text(entry.after));
    return query.exec();
}

QList<JournalEntry> Journal::forToken(const QString &profileId, const QString &tokenId) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("SELECT seq, at_ms, actor, action, before, after FROM journal "
                                 "WHERE profile_id = ? AND token_id = ? ORDER BY seq"));
    query.addBindValue(profileId);
    query.addBindValue(tokenId);
    QList<JournalEntry> result;
    if (query.exec()) {
        while (query.next()) {
            JournalEntry entry;
            entry.seq = query.value(0).toLongLong();
            entry.at = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
            entry.actor = query.value(2).toString();
            entry.profileId = profileId;
            entry.tokenId = tokenId;
            entry.action = query.value(3).toString();
            entry.before = QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object();
            entry.after = QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object();
            result.append(entry);
        }
    }
    return result;
}

} // namespace tokendesk::store
