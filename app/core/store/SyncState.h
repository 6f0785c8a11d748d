#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace tokendesk::store {

// What the sync engine remembers of one collection of a profile ("deployments",
// "tokens:<deployment>", "licenses:<deployment>"): the ETag of the last answer, the
// incremental-pull watermark, and how the last attempt went.
struct SyncState
{
    QByteArray etag;
    std::optional<QDateTime> watermark;
    std::optional<QDateTime> lastSuccess;
    std::optional<QDateTime> lastAttempt;
    QString lastError;
};

} // namespace tokendesk::store
