#include "ConflictFixture.h"

#include "store/ConflictStore.h"
#include "store/Outbox.h"
#include "store/ProfileStore.h"
#include "store/TokenStore.h"
#include "store/WorkspaceEditor.h"
#include "sync/ThreeWayMerge.h"

namespace tokendesk::testing {

using namespace tokendesk::domain;
using namespace tokendesk::store;

qint64 ConflictFixture::add(Workspace &workspace, bool deletedOnPortal)
{
    Profile profile;
    profile.id = profileId();
    profile.name = QStringLiteral("Shop");
    profile.baseUrl = QStringLiteral("https://portal.example.com");
    profile.clientId = QStringLiteral("ci");
    profile.createdAt = QDateTime::currentDateTimeUtc();
    TokenStore tokens(workspace);
    if (!ProfileStore(workspace).add(profile).isEmpty() ||
        !tokens.ensureDeployment(profileId(),
                                 Deployment{deploymentId(), QStringLiteral("Web"), {}, {}, 0}))
        return 0;

    Token base;
    base.id = tokenId();
    base.deploymentId = deploymentId();
    base.name = QStringLiteral("Checkout");
    base.createdAt = base.updatedAt = base.rotatedAt =
        QDateTime(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC);
    base.controls.ipRanges = QStringList{QStringLiteral("203.0.113.0/28")};
    base.labels.insert(QStringLiteral("team"), QStringLiteral("web"));
    base.version = 4;
    if (!tokens.put(TokenRecord{profileId(), base, base}))
        return 0;

    TokenChange edit;
    edit.name = myName();
    edit.ipRanges = QStringList{QStringLiteral("203.0.113.0/28"), myAddedRange()};
    if (!WorkspaceEditor(workspace).editToken(profileId(), tokenId(), edit).accepted())
        return 0;

    Token theirs = base;
    theirs.name = theirName();
    theirs.controls.ipRanges =
        QStringList{QStringLiteral("203.0.113.0/28"), QStringLiteral("192.0.2.0/28"),
                    QStringLiteral("192.0.2.64/28"), QStringLiteral("192.0.2.128/28"),
                    QStringLiteral("192.0.2.192/28")};
    theirs.version = 5;

    Outbox outbox(workspace);
    const QList<OutboxEntry> queued = outbox.entriesFor(profileId(), tokenId());
    if (queued.size() != 1)
        return 0;
    OutboxEntry entry = queued.first();
    entry.state = OutboxEntry::State::Conflict;
    entry.attempts = 1;

    Conflict conflict;
    conflict.profileId = profileId();
    conflict.tokenId = tokenId();
    conflict.outboxSeq = entry.seq;
    conflict.base = base;
    conflict.mine = tokens.token(profileId(), tokenId())->local;
    conflict.createdAt = QDateTime(QDate(2024, 5, 2), QTime(10, 30), Qt::UTC);
    if (deletedOnPortal) {
        conflict.reason = QStringLiteral("The token was deleted on the portal.");
    } else {
        const sync::MergeResult merge = sync::ThreeWayMerge::merge(base, *conflict.mine, theirs);
        conflict.theirs = theirs;
        conflict.merged = merge.merged;
        conflict.fields = merge.conflictingFields;
        conflict.reason = QStringLiteral("Changed on both sides: ") +
                          merge.conflictingFields.join(QStringLiteral(", "));
        std::optional<TokenRecord> record = tokens.token(profileId(), tokenId());
        record->server = theirs;
        if (!tokens.put(*record))
            return 0;
    }
    entry.lastError = conflict.reason;
    if (!outbox.update(entry))
        return 0;
    return ConflictStore(workspace).add(conflict);
}

} // namespace tokendesk::testing
