#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace tokendesk::store {

// One line of the activity journal: who did what to which token, and the token before and
// after (as portal JSON; never a secret, since tokens never hold their value).
struct JournalEntry
{
    qint64 seq = 0;
    QDateTime at;
    QString actor; // the local user, or "portal" for changes pulled from it
    QString profileId;
    QString tokenId;
    QString action; // "created", "edited", "deleted", "pulled", "pushed", "conflict", "resolved"
    QJsonObject before;
    QJsonObject after;
};

} // namespace tokendesk::store
