#include "ProfileStore.h"

#include "SqlText.h"

#include "Transaction.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tokendesk::store {

using domain::Profile;

namespace {

Profile profileFrom(const QSqlQuery &query)
{
    Profile profile;
    profile.id = query.value(0).toString();
    profile.name = query.value(1).toString();
    profile.kind = query.value(2).toString() == QLatin1String("local") ? Profile::Kind::Local
                                                                        : Profile::Kind::Portal;
    profile.baseUrl = query.value(3).toString();
    profile.clientId = query.value(4).toString();
    profile.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(5).toLongLong(), Qt::UTC);
    profile.role = domain::portalRoleFromName(query.value(6).toString());
    return profile;
}

const char *const kColumns = "id, name, kind, base_url, client_id, created_ms, role";

} // namespace

QList<Profile> ProfileStore::all() const
{
    QList<Profile> profiles;
    QSqlQuery query(m_workspace.database());
    query.exec(QStringLiteral("SELECT %1 FROM profiles ORDER BY kind = 'local', name")
                   .arg(QLatin1String(kColumns)));
    while (query.next())
        profiles.append(profileFrom(query));
    return profiles;
}

std::optional<Profile> ProfileStore::find(const QString &idOrName) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("SELECT %1 FROM profiles WHERE id = ? OR name = ? COLLATE NOCASE")
                      .arg(QLatin1String(kColumns)));
    query.addBindValue(idOrName);
    query.addBindValue(idOrName);
    if (query.exec() && query.next())
        return profileFrom(query);
    return std::nullopt;
}

QString ProfileStore::add(const Profile &profile)
{
    if (find(profile.name) || find(profile.id))
        return QCoreApplication::translate("ProfileStore", "a profile named “%1” exists already")
            .arg(profile.name);
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("INSERT INTO profiles (id, name, kind, base_url, client_id, "
                                 "created_ms) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(profile.id);
    query.addBindValue(profile.name);
    query.addBindValue(profile.isLocal() ? QStringLiteral("local") : QStringLiteral("portal"));
    query.addBindValue(sqlText(profile.baseUrl));
    query.addBindValue(sqlText(profile.clientId));
    query.addBindValue(profile.createdAt.toMSecsSinceEpoch());
    return query.exec() ? QString() : query.lastError().text();
}

bool ProfileStore::setRole(const QString &id, domain::PortalRole role)
{
    QSqlQuery query(m_workspace.database());
    query.prepare(QStringLiteral("UPDATE profiles SET role = ? WHERE id = ?"));
    query.addBindValue(domain::portalRoleName(role));
    query.addBindValue(id);
    return query.exec() && query.numRowsAffected() == 1;
}

QString ProfileStore::remove(const QString &id)
{
    if (id == Profile::localId())
        return QCoreApplication::translate("ProfileStore", "the Local profile cannot be removed");
    Transaction transaction(m_workspace.database());
    QSqlQuery query(m_workspace.database());
    for (const char *table : {"tokens", "token_notes", "outbox", "conflicts", "licenses"}) {
        query.prepare(QStringLiteral("DELETE FROM %1 WHERE profile_id = ?").arg(QLatin1String(table)));
        query.addBindValue(id);
        if (!query.exec())
            return query.lastError().text();
    }
    query.prepare(QStringLiteral("DELETE FROM profiles WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return query.lastError().text();
    if (query.numRowsAffected() == 0)
        return QCoreApplication::translate("ProfileStore", "no such profile");
    return transaction.commit() ? QString() : m_workspace.database().lastError().text();
}

} // namespace tokendesk::store
