#include "InventoryReader.h"

#include "review/TokenReviewer.h"
#include "store/ConflictStore.h"
#include "store/Outbox.h"
#include "store/ProfileStore.h"
#include "store/SyncStateStore.h"
#include "store/TokenStore.h"

#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <numeric>

namespace tokendesk::inventory {

namespace {

QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// Counts and labels have columns of their own, covered by the tokens_summary index: the
// listing reads the index, never a token's JSON.
const char *const kSummarySql =
    "SELECT t.profile_id, t.id, t.deployment_id, t.name, t.kind, t.status, t.rotated_ms,"
    " t.origins, t.urls, t.ips, t.usage_model, t.environment,"
    " n.rotation_days, s.last_success_ms,"
    " EXISTS (SELECT 1 FROM outbox o WHERE o.profile_id = t.profile_id AND o.token_id = t.id)"
    " FROM tokens t"
    " LEFT JOIN token_notes n ON n.profile_id = t.profile_id AND n.token_id = t.id"
    " LEFT JOIN sync_state s ON s.profile_id = t.profile_id"
    "  AND s.collection = 'tokens:' || t.deployment_id"
    // The order of TokenStore::tokens(), which the review follows: grade batches then
    // update contiguous rows.
    " ORDER BY t.profile_id, t.deployment_id, t.name, t.id";

} // namespace

InventorySnapshot InventoryReader::snapshot(const std::atomic_bool *cancelled) const
{
    InventorySnapshot snapshot;
    store::ProfileStore profiles(m_workspace);
    store::TokenStore tokens(m_workspace);
    snapshot.profiles = profiles.all();
    for (const domain::Profile &profile : snapshot.profiles) {
        for (const domain::Deployment &deployment : tokens.deployments(profile.id))
            snapshot.deployments.append({profile.id, deployment.id, deployment.name, deployment.region});
    }
    snapshot.pendingChanges = store::Outbox(m_workspace).pendingCount();
    snapshot.openConflicts = int(store::ConflictStore(m_workspace).open().size());
    store::SyncStateStore syncState(m_workspace);
    for (const domain::Profile &profile : snapshot.profiles) {
        const auto when = profile.isLocal() ? std::nullopt : syncState.lastSuccess(profile.id);
        if (when && (!snapshot.lastSync.isValid() || *when > snapshot.lastSync))
            snapshot.lastSync = *when;
    }

    QSqlQuery query(m_workspace.database());
    query.setForwardOnly(true);
    if (!query.exec(QString::fromLatin1(kSummarySql))) {
        snapshot.error = query.lastError().text();
        return snapshot;
    }
    snapshot.tokens.reserve(tokens.count());
    const QString active = domain::tokenStatusName(domain::TokenStatus::Active);
    while (query.next()) {
        if (cancelled && cancelled->load())
            break;
        TokenSummary summary;
        summary.profileId = query.value(0).toString();
        summary.tokenId = query.value(1).toString();
        summary.deploymentId = query.value(2).toString();
        summary.name = query.value(3).toString();
        summary.kind = domain::tokenKindFromName(query.value(4).toString()).value_or(domain::TokenKind::Api);
        summary.status = query.value(5).toString() == active ? domain::TokenStatus::Active
                                                             : domain::TokenStatus::Disabled;
        const QDateTime rotated = fromMs(query.value(6));
        summary.origins = query.value(7).toInt();
        summary.urls = query.value(8).toInt();
        summary.ips = query.value(9).toInt();
        summary.usageModel = query.value(10).toString();
        summary.environment = query.value(11).toString();
        const int days = query.value(12).isNull() ? domain::TokenNotes::kDefaultRotationDays
                                                   : query.value(12).toInt();
        if (rotated.isValid() && rotated.toMSecsSinceEpoch() > 0) // 0: never known
            summary.rotationDue = rotated.addDays(days);
        summary.lastSynced = fromMs(query.value(13));
        summary.pending = query.value(14).toBool();
        snapshot.tokens.append(summary);
    }
    sortByName(snapshot.tokens);
    return snapshot;
}

void InventoryReader::sortByName(QList<TokenSummary> &tokens)
{
    // Here, on the reader's thread, rather than in the table: the window then only checks
    // the order (TokenTableModel ranks names for sorting the same way).
    QStringList lower;
    lower.reserve(tokens.size());
    for (const TokenSummary &token : std::as_const(tokens))
        lower.append(token.name.toLower());
    QList<int> order(tokens.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const int byName = lower.at(a).compare(lower.at(b));
        return byName != 0 ? byName < 0 : tokens.at(a).tokenId < tokens.at(b).tokenId;
    });
    QList<TokenSummary> sorted;
    sorted.reserve(tokens.size());
    for (const int index : std::as_const(order))
        sorted.append(std::move(tokens[index]));
    tokens = std::move(sorted);
}

void InventoryReader::reviewAll(const QDateTime &now, const review::ReviewPolicy &policy,
                                const std::function<void(QList<GradeUpdate>)> &deliver,
                                const std::atomic_bool &cancelled, int batchSize) const
{
    store::TokenStore tokens(m_workspace);
    const QHash<QString, domain::TokenNotes> notes = tokens.allNotes();
    QList<GradeUpdate> batch;
    batch.reserve(batchSize);
    for (const store::TokenRecord &record : tokens.tokens()) {
        if (cancelled.load())
            return;
        const QString key = TokenSummary::keyOf(record.profileId, record.local.id);
        const review::TokenReview result =
            review::TokenReviewer::review(record.local, notes.value(key), now, policy);
        batch.append({key, result.grade, int(result.findings.size())});
        if (batch.size() >= batchSize) {
            deliver(batch);
            batch.clear();
        }
    }
    if (!batch.isEmpty())
        deliver(batch);
}

} // namespace tokendesk::inventory
