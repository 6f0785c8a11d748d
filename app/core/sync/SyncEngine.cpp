#include "SyncEngine.h"

#include "ThreeWayMerge.h"

#include "domain/TokenChanges.h"
#include "domain/TokenFieldRules.h"
#include "portal/PortalJson.h"
#include "store/Transaction.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>
#include <QTimer>
#include <QUuid>

Q_LOGGING_CATEGORY(lcSync, "tokendesk.sync", QtInfoMsg)

namespace tokendesk::sync {

using namespace tokendesk::domain;
using namespace tokendesk::portal;
using namespace tokendesk::store;

namespace {

// More writes than this in one sync means a token keeps changing under us: stop and say so.
constexpr int kMaxWrites = 10000;
constexpr int kMaxPullRounds = 3;

QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QStringList ruleIds(const FieldIssues &issues)
{
    QStringList rules;
    for (const FieldIssue &issue : issues) {
        if (issue.severity == validation::Severity::Error && !rules.contains(issue.rule))
            rules.append(issue.rule);
    }
    return rules;
}

QString tokensCollection(const QString &deploymentId)
{
    return QStringLiteral("tokens:") + deploymentId;
}

QString licensesCollection(const QString &deploymentId)
{
    return QStringLiteral("licenses:") + deploymentId;
}

} // namespace

SyncEngine::SyncEngine(Workspace &workspace, PortalBackend &backend, QString profileId,
                       QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_backend(backend)
    , m_profileId(std::move(profileId))
    , m_tokens(workspace)
    , m_outbox(workspace)
    , m_conflicts(workspace)
    , m_syncState(workspace)
    , m_journal(workspace)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_report.profileId = m_profileId;
}

void SyncEngine::start()
{
    // From the event loop: finished() never fires before start() returns.
    QTimer::singleShot(0, this, [this] {
        Q_EMIT progress(tr("Sending changes…"));
        pushNext();
    });
}

void SyncEngine::cancel()
{
    m_cancelled = true;
    if (m_current)
        m_current->cancel();
}

PortalError SyncEngine::workspaceFailure()
{
    m_report.workspaceError = true;
    return PortalError{PortalErrorKind::Protocol, 0, databaseError(), {}, {}, {}, 0};
}

QString SyncEngine::databaseError() const
{
    return tr("Cannot write the workspace %1: %2")
        .arg(m_workspace.path(), m_workspace.database().lastError().text());
}

void SyncEngine::finish(const PortalError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_report.error = error;
    qCDebug(lcSync) << "sync of" << m_profileId << "finished:" << m_report.pushed << "pushed,"
                    << m_report.pulled << "pulled," << m_report.conflicts << "conflicts"
                    << (error.isError() ? PortalError::kindName(error.kind) : QString());
    Q_EMIT finished(m_report);
}

void SyncEngine::fail(const QString &collection, const PortalError &error)
{
    SyncState state = m_syncState.get(m_profileId, collection);
    state.lastAttempt = m_clock();
    state.lastError = error.message;
    m_syncState.put(m_profileId, collection, state);
    finish(error);
}

// --- push ------------------------------------------------------------------------------

void SyncEngine::pushNext()
{
    if (m_cancelled) {
        finish(PortalError{PortalErrorKind::Cancelled, 0, tr("Cancelled."), {}, {}, {}, 0});
        return;
    }
    QSet<QString> blocked; // tokens waiting for the user: later edits wait with them
    for (const OutboxEntry &entry : m_outbox.entries(m_profileId)) {
        if (entry.state == OutboxEntry::State::Conflict) {
            blocked.insert(entry.tokenId);
            continue;
        }
        if (blocked.contains(entry.tokenId))
            continue;
        push(entry);
        return;
    }
    pullDeployments();
}

std::optional<Token> SyncEngine::mineOf(const OutboxEntry &entry) const
{
    if (entry.operation == OutboxEntry::Operation::Create)
        return PortalJson::tokenFromJson(entry.payload);
    if (!entry.base)
        return std::nullopt;
    if (entry.operation == OutboxEntry::Operation::Delete)
        return entry.base;
    const auto change = TokenChanges::fromJson(entry.payload);
    if (!change)
        return std::nullopt;
    return TokenChanges::apply(*entry.base, *change);
}

void SyncEngine::push(OutboxEntry entry)
{
    if (++m_writes > kMaxWrites) {
        finish(PortalError{PortalErrorKind::Conflict, 0,
                           tr("The portal kept changing the same tokens; try again later."), {},
                           {}, {}, 0});
        return;
    }
    // Checked again before sending: the rules may be newer than the edit.
    FieldIssues issues;
    std::optional<TokenChange> change;
    std::optional<Token> created;
    switch (entry.operation) {
    case OutboxEntry::Operation::Create:
        created = PortalJson::tokenFromJson(entry.payload);
        if (created)
            issues = TokenFieldRules::checkDraft(TokenChanges::draftFromToken(*created));
        break;
    case OutboxEntry::Operation::Update:
        change = TokenChanges::fromJson(entry.payload);
        if (change && entry.base) {
            const Token after = TokenChanges::apply(*entry.base, *change);
            if (change->name)
                issues += TokenFieldRules::checkName(after.name);
            if (!change->labels.isEmpty())
                issues += TokenFieldRules::checkLabels(after.labels);
            const std::pair<validation::ControlKind, const std::optional<QStringList> *> lists[] = {
                {validation::ControlKind::Origin, &change->corsOrigins},
                {validation::ControlKind::Url, &change->permittedUrls},
                {validation::ControlKind::Ip, &change->ipRanges}};
            for (const auto &[kind, list] : lists) {
                if (*list)
                    issues += TokenFieldRules::checkControlList(kind, **list);
            }
        }
        break;
    case OutboxEntry::Operation::Delete:
        break;
    }
    const bool unreadable = (entry.operation == OutboxEntry::Operation::Create && !created) ||
                            (entry.operation == OutboxEntry::Operation::Update &&
                             (!change || !entry.base));
    if (unreadable || hasErrorIssue(issues)) {
        raiseConflict(entry, std::nullopt, std::nullopt, {},
                      unreadable ? tr("The pending change cannot be read.")
                                 : tr("The change breaks a rule: %1")
                                       .arg(ruleIds(issues).join(QStringLiteral(", "))));
        return;
    }

    // From here on the entry is only ever sent again unchanged, with the same key. It is read
    // again under the write lock: an edit in another process may have joined it meanwhile,
    // and then this round sends nothing and starts over with the joined entry.
    {
        Transaction transaction(m_workspace.database());
        if (!transaction.isActive())
            return finish(workspaceFailure());
        const std::optional<OutboxEntry> fresh = m_outbox.entry(entry.seq);
        if (!fresh || fresh->payload != entry.payload || fresh->state == OutboxEntry::State::Conflict) {
            transaction.commit();
            return pushNext();
        }
        entry = *fresh;
        entry.state = OutboxEntry::State::Sent;
        entry.attempts += 1;
        if (!m_outbox.update(entry) || !transaction.commit()) {
            finish(workspaceFailure());
            return;
        }
    }
    qCDebug(lcSync) << "pushing" << OutboxEntry::operationName(entry.operation) << entry.tokenId
                    << "seq" << entry.seq;
    switch (entry.operation) {
    case OutboxEntry::Operation::Create:
        m_current = m_backend.createToken(
            created->deploymentId, TokenChanges::draftFromToken(*created), entry.idempotencyKey,
            [this, entry](const PortalResult<Token> &result) { onCreated(entry, result); });
        break;
    case OutboxEntry::Operation::Update:
        m_current = m_backend.updateToken(
            entry.tokenId, entry.baseVersion, *change, entry.idempotencyKey,
            [this, entry](const PortalResult<Token> &result) { onUpdated(entry, result); });
        break;
    case OutboxEntry::Operation::Delete:
        m_current = m_backend.deleteToken(
            entry.tokenId, entry.baseVersion, entry.idempotencyKey,
            [this, entry](const PortalResult<Done> &result) { onDeleted(entry, result); });
        break;
    }
}

bool SyncEngine::confirm(const OutboxEntry &entry, const Token &confirmed)
{
    Transaction transaction(m_workspace.database());
    if (!transaction.isActive())
        return false;
    const QString oldId = entry.tokenId;
    if (confirmed.id != oldId) {
        // A token created offline: it now has the portal's id everywhere.
        if (!m_tokens.remove(m_profileId, oldId) ||
            !m_tokens.rename(m_profileId, oldId, confirmed.id))
            return false;
    }
    const std::optional<TokenRecord> before = m_tokens.token(m_profileId, confirmed.id);
    // Later edits of the same token were made on top of this one: they now start from the
    // portal's confirmed version, and the user's view keeps them applied.
    Token local = confirmed;
    for (OutboxEntry later : m_outbox.entriesFor(m_profileId, confirmed.id)) {
        if (later.seq == entry.seq)
            continue;
        if (later.operation == OutboxEntry::Operation::Update) {
            if (const auto change = TokenChanges::fromJson(later.payload))
                local = TokenChanges::apply(local, *change);
            if (later.state == OutboxEntry::State::Pending) {
                later.base = confirmed;
                later.baseVersion = confirmed.version;
                if (!m_outbox.update(later))
                    return false;
            }
        } else if (later.operation == OutboxEntry::Operation::Delete &&
                   later.state == OutboxEntry::State::Pending) {
            later.base = confirmed;
            later.baseVersion = confirmed.version;
            if (!m_outbox.update(later))
                return false;
        }
    }
    if (!m_tokens.put(TokenRecord{m_profileId, local, confirmed}) || !m_outbox.remove(entry.seq))
        return false;
    JournalEntry journal;
    journal.at = m_clock();
    journal.actor = entry.actor;
    journal.profileId = m_profileId;
    journal.tokenId = confirmed.id;
    journal.action = QStringLiteral("pushed");
    if (entry.base)
        journal.before = PortalJson::tokenToJson(*entry.base);
    else if (before)
        journal.before = PortalJson::tokenToJson(before->local);
    journal.after = PortalJson::tokenToJson(confirmed);
    if (!m_journal.append(journal) || !transaction.commit())
        return false;
    m_report.pushed += 1;
    return true;
}

void SyncEngine::onCreated(OutboxEntry entry, const PortalResult<Token> &result)
{
    if (!result.ok())
        return failWrite(entry, result.error);
    if (!confirm(entry, *result.value))
        return finish(workspaceFailure());
    pushNext();
}

void SyncEngine::onUpdated(OutboxEntry entry, const PortalResult<Token> &result)
{
    if (result.ok()) {
        if (!confirm(entry, *result.value))
            return finish(workspaceFailure());
        return pushNext();
    }
    if (result.error.kind == PortalErrorKind::PreconditionFailed) {
        // Someone changed the token since the edit was made: merge with their version.
        m_current = m_backend.fetchToken(entry.tokenId, [this, entry](const PortalResult<Token> &theirs) {
            onTheirs(entry, theirs);
        });
        return;
    }
    failWrite(entry, result.error);
}

void SyncEngine::onTheirs(OutboxEntry entry, const PortalResult<Token> &theirs)
{
    if (!theirs.ok()) {
        if (theirs.error.kind == PortalErrorKind::NotFound)
            return raiseConflict(entry, std::nullopt, std::nullopt, {},
                                 tr("The token was deleted on the portal."));
        return failWrite(entry, theirs.error);
    }
    const std::optional<Token> mine = mineOf(entry);
    if (!mine || !entry.base)
        return raiseConflict(entry, theirs.value, std::nullopt, {},
                             tr("The pending change cannot be read."));
    if (entry.operation == OutboxEntry::Operation::Delete)
        return raiseConflict(entry, theirs.value, std::nullopt, {QStringLiteral("deleted")},
                             tr("The token was changed on the portal after you deleted it."));

    const MergeResult merge = ThreeWayMerge::merge(*entry.base, *mine, *theirs.value);
    if (!merge.isClean()) {
        QString reason = tr("Changed on both sides: %1").arg(merge.conflictingFields.join(QStringLiteral(", ")));
        if (!merge.issues.isEmpty())
            reason += tr(" (the merge breaks %1)").arg(ruleIds(merge.issues).join(QStringLiteral(", ")));
        return raiseConflict(entry, theirs.value, merge.merged, merge.conflictingFields, reason);
    }
    const TokenChange rest = TokenChanges::diff(*theirs.value, merge.merged);
    if (rest.isEmpty()) {
        // The portal already holds everything this edit wanted.
        if (!confirm(entry, *theirs.value))
            return finish(workspaceFailure());
        return pushNext();
    }
    // A new request (new body, new If-Match): a new key, saved before it is sent.
    entry.payload = TokenChanges::toJson(rest);
    entry.base = theirs.value;
    entry.baseVersion = theirs.value->version;
    entry.idempotencyKey = newKey();
    entry.state = OutboxEntry::State::Pending;
    Transaction transaction(m_workspace.database());
    std::optional<TokenRecord> record = m_tokens.token(m_profileId, entry.tokenId);
    if (record)
        record->server = theirs.value;
    if (!m_outbox.update(entry) || (record && !m_tokens.put(*record)) || !transaction.commit())
        return finish(workspaceFailure());
    pushNext();
}

void SyncEngine::onDeleted(OutboxEntry entry, const PortalResult<Done> &result)
{
    if (result.ok() || result.error.kind == PortalErrorKind::NotFound) {
        Transaction transaction(m_workspace.database());
        const std::optional<TokenRecord> record = m_tokens.token(m_profileId, entry.tokenId);
        JournalEntry journal{0, m_clock(), entry.actor, m_profileId, entry.tokenId,
                             QStringLiteral("pushed"),
                             record ? PortalJson::tokenToJson(record->local) : QJsonObject(),
                             QJsonObject()};
        if (!m_tokens.remove(m_profileId, entry.tokenId) || !m_outbox.remove(entry.seq) ||
            !m_journal.append(journal) || !transaction.commit())
            return finish(workspaceFailure());
        m_report.pushed += 1;
        return pushNext();
    }
    if (result.error.kind == PortalErrorKind::PreconditionFailed) {
        m_current = m_backend.fetchToken(entry.tokenId, [this, entry](const PortalResult<Token> &theirs) {
            onTheirs(entry, theirs);
        });
        return;
    }
    failWrite(entry, result.error);
}

void SyncEngine::failWrite(OutboxEntry entry, const PortalError &error)
{
    entry.lastError = error.message;
    m_outbox.update(entry);
    switch (error.kind) {
    case PortalErrorKind::Network:
    case PortalErrorKind::Timeout:
    case PortalErrorKind::RateLimited:
    case PortalErrorKind::Server:
    case PortalErrorKind::Unauthorized:
    case PortalErrorKind::Tls:
    case PortalErrorKind::InvalidEndpoint:
    case PortalErrorKind::Cancelled:
    case PortalErrorKind::Protocol:
        // Nothing is lost: the entry stays, with its key, for the next sync.
        return finish(error);
    default:
        break;
    }
    if (error.kind == PortalErrorKind::NotFound)
        return raiseConflict(entry, std::nullopt, std::nullopt, {},
                             tr("The token was deleted on the portal."));
    // The portal refused this edit for good: the user decides what to do with it.
    QString reason = tr("The portal refused the change: %1").arg(error.message);
    if (!error.fieldIssues.isEmpty())
        reason += QStringLiteral(" (%1)").arg(ruleIds(error.fieldIssues).join(QStringLiteral(", ")));
    const std::optional<TokenRecord> record = m_tokens.token(m_profileId, entry.tokenId);
    raiseConflict(entry, record ? record->server : std::nullopt, std::nullopt, {}, reason);
}

void SyncEngine::raiseConflict(OutboxEntry entry, const std::optional<Token> &theirs,
                               const std::optional<Token> &merged, const QStringList &fields,
                               const QString &reason)
{
    Conflict conflict;
    conflict.profileId = m_profileId;
    conflict.tokenId = entry.tokenId;
    conflict.outboxSeq = entry.seq;
    conflict.base = entry.base;
    conflict.mine = mineOf(entry);
    conflict.theirs = theirs;
    conflict.merged = merged;
    conflict.fields = fields;
    conflict.reason = reason;
    conflict.createdAt = m_clock();
    Transaction transaction(m_workspace.database());
    if (!transaction.isActive())
        return finish(workspaceFailure());
    // The entry as it is now (an edit may have joined a pending entry meanwhile).
    if (const auto fresh = m_outbox.entry(entry.seq))
        entry = *fresh;
    conflict.mine = mineOf(entry);
    entry.state = OutboxEntry::State::Conflict;
    entry.lastError = reason;
    std::optional<TokenRecord> record = m_tokens.token(m_profileId, entry.tokenId);
    if (record && theirs)
        record->server = theirs;
    JournalEntry journal{0, m_clock(), entry.actor, m_profileId, entry.tokenId,
                         QStringLiteral("conflict"),
                         theirs ? PortalJson::tokenToJson(*theirs) : QJsonObject(),
                         conflict.mine ? PortalJson::tokenToJson(*conflict.mine) : QJsonObject()};
    if (m_conflicts.add(conflict) == 0 || !m_outbox.update(entry) ||
        (record && !m_tokens.put(*record)) || !m_journal.append(journal) || !transaction.commit())
        return finish(workspaceFailure());
    qCDebug(lcSync) << "conflict on" << entry.tokenId << reason;
    m_report.conflicts += 1;
    pushNext();
}

// --- pull ------------------------------------------------------------------------------

void SyncEngine::pullDeployments()
{
    Q_EMIT progress(tr("Fetching deployments…"));
    const QByteArray etag = m_syncState.get(m_profileId, QStringLiteral("deployments")).etag;
    m_current = m_backend.fetchDeployments(
        etag, [this](const PortalResult<Conditional<QList<Deployment>>> &result) {
            if (!result.ok())
                return fail(QStringLiteral("deployments"), result.error);
            SyncState state = m_syncState.get(m_profileId, QStringLiteral("deployments"));
            Transaction transaction(m_workspace.database());
            if (result.value->notModified) {
                m_report.notModified += 1;
            } else if (!m_tokens.replaceDeployments(m_profileId, result.value->value)) {
                return finish(workspaceFailure());
            }
            if (!result.value->etag.isEmpty())
                state.etag = result.value->etag;
            state.lastAttempt = state.lastSuccess = m_clock();
            state.lastError.clear();
            if (!m_syncState.put(m_profileId, QStringLiteral("deployments"), state) ||
                !transaction.commit())
                return finish(workspaceFailure());
            m_deployments = m_tokens.deployments(m_profileId);
            pullDeployment(0);
        });
}

void SyncEngine::pullDeployment(int index)
{
    if (m_cancelled)
        return finish(PortalError{PortalErrorKind::Cancelled, 0, tr("Cancelled."), {}, {}, {}, 0});
    if (index >= m_deployments.size())
        return finish();
    const Deployment deployment = m_deployments.at(index);
    Q_EMIT progress(tr("Fetching %1…").arg(deployment.name));
    const QString collection = licensesCollection(deployment.id);
    const QByteArray etag = m_syncState.get(m_profileId, collection).etag;
    m_current = m_backend.fetchLicenses(
        deployment.id, etag,
        [this, index, collection, deployment](const PortalResult<Conditional<QList<License>>> &result) {
            if (!result.ok())
                return fail(collection, result.error);
            SyncState state = m_syncState.get(m_profileId, collection);
            Transaction transaction(m_workspace.database());
            if (result.value->notModified)
                m_report.notModified += 1;
            else if (!m_tokens.replaceLicenses(m_profileId, deployment.id, result.value->value))
                return finish(workspaceFailure());
            if (!result.value->etag.isEmpty())
                state.etag = result.value->etag;
            state.lastAttempt = state.lastSuccess = m_clock();
            state.lastError.clear();
            if (!m_syncState.put(m_profileId, collection, state) || !transaction.commit())
                return finish(workspaceFailure());
            pullTokens(index, 0);
        });
}

void SyncEngine::pullTokens(int index, int round)
{
    const Deployment &deployment = m_deployments.at(index);
    const SyncState state = m_syncState.get(m_profileId, tokensCollection(deployment.id));
    TokenPageRequest request;
    request.deploymentId = deployment.id;
    request.limit = 500;
    request.updatedSince = state.watermark;
    // The ETag belongs to the incremental query of this watermark.
    if (state.watermark)
        request.ifNoneMatch = state.etag;
    fetchTokenPages(index, round, request, std::make_shared<TokenListing>(), QByteArray());
}

void SyncEngine::fetchTokenPages(int index, int round, TokenPageRequest request,
                                 std::shared_ptr<TokenListing> listing, QByteArray firstEtag)
{
    const Deployment deployment = m_deployments.at(index);
    const QString collection = tokensCollection(deployment.id);
    m_current = m_backend.fetchTokenPage(request, [=](const PortalResult<TokenPage> &result) mutable {
        if (!result.ok())
            return fail(collection, result.error);
        const TokenPage &page = *result.value;
        if (request.cursor.isEmpty())
            firstEtag = page.etag;
        if (page.notModified) {
            m_report.notModified += 1;
            SyncState state = m_syncState.get(m_profileId, collection);
            state.lastAttempt = state.lastSuccess = m_clock();
            state.lastError.clear();
            m_syncState.put(m_profileId, collection, state);
            return pullDeployment(index + 1);
        }
        if (listing->pages == 0)
            listing->asOf = page.asOf;
        listing->pages += 1;
        for (const Token &token : page.tokens)
            listing->addToken(token);
        for (const TokenTombstone &tombstone : page.tombstones)
            listing->addTombstone(tombstone);
        Q_EMIT progress(tr("Fetching %1: %2 tokens…").arg(deployment.name).arg(listing->tokens.size()));
        if (!page.nextCursor.isEmpty() && page.nextCursor != request.cursor) {
            request.cursor = page.nextCursor;
            request.ifNoneMatch.clear();
            return fetchTokenPages(index, round, request, listing, firstEtag);
        }

        const bool full = !request.updatedSince.has_value();
        QString error;
        SyncState state = m_syncState.get(m_profileId, collection);
        Transaction transaction(m_workspace.database());
        const bool changed = applyListing(deployment, *listing, full, &error);
        if (!error.isEmpty())
            return finish(workspaceFailure());
        // The watermark moves only when something was new, so that an unchanged portal keeps
        // answering the same query, and 304 to its ETag.
        const bool advance = (full || changed) && listing->asOf.isValid();
        if (advance) {
            state.watermark = listing->asOf;
            state.etag.clear();
        } else {
            state.etag = firstEtag;
        }
        state.lastAttempt = state.lastSuccess = m_clock();
        state.lastError.clear();
        if (!m_syncState.put(m_profileId, collection, state) || !transaction.commit())
            return finish(workspaceFailure());
        // Ask once more from the new watermark: it catches what changed during the pull and
        // learns the ETag that makes the next sync a single 304.
        if (advance && round + 1 < kMaxPullRounds)
            return pullTokens(index, round + 1);
        pullDeployment(index + 1);
    });
}

bool SyncEngine::applyListing(const Deployment &deployment, const TokenListing &listing, bool full,
                              QString *error)
{
    QSet<QString> withEdits;
    for (const OutboxEntry &entry : m_outbox.entries(m_profileId))
        withEdits.insert(entry.tokenId);
    const QHash<QString, qint64> known = m_tokens.serverVersions(m_profileId, deployment.id);
    bool changed = false;
    for (const Token &token : listing.tokens) {
        const auto version = known.constFind(token.id);
        if (version != known.cend() && *version >= token.version)
            continue; // known, or older than what a write of ours already confirmed
        changed = true;
        m_report.pulled += 1;
        if (withEdits.contains(token.id)) {
            // Keep the user's view; the push merges with this version.
            std::optional<TokenRecord> record = m_tokens.token(m_profileId, token.id);
            if (record) {
                record->server = token;
                if (!m_tokens.put(*record))
                    return *error = databaseError(), changed;
            }
            continue;
        }
        const std::optional<TokenRecord> before =
            version != known.cend() ? m_tokens.token(m_profileId, token.id) : std::nullopt;
        if (!m_tokens.put(TokenRecord{m_profileId, token, token}))
            return *error = databaseError(), changed;
        if (before) {
            JournalEntry journal{0, m_clock(), QStringLiteral("portal"), m_profileId, token.id,
                                 QStringLiteral("pulled"), PortalJson::tokenToJson(before->local),
                                 PortalJson::tokenToJson(token)};
            if (!m_journal.append(journal))
                return *error = databaseError(), changed;
        }
    }
    QSet<QString> gone;
    for (const TokenTombstone &tombstone : listing.tombstones)
        gone.insert(tombstone.id);
    if (full) {
        // Without a watermark there are no tombstones: whatever the portal no longer lists
        // is gone, unless it waits in the outbox (created offline, or edited).
        QSet<QString> listed;
        for (const Token &token : listing.tokens)
            listed.insert(token.id);
        for (auto it = known.cbegin(); it != known.cend(); ++it) {
            if (!listed.contains(it.key()))
                gone.insert(it.key());
        }
    }
    for (const QString &id : gone) {
        if (!known.contains(id))
            continue;
        if (withEdits.contains(id)) {
            // Kept for the user's pending edit, but no longer on the portal: its next push
            // meets 404 and becomes a conflict, and "theirs" then means "deleted".
            std::optional<TokenRecord> record = m_tokens.token(m_profileId, id);
            if (record) {
                record->server.reset();
                if (!m_tokens.put(*record))
                    return *error = databaseError(), changed;
            }
            changed = true;
            continue;
        }
        const std::optional<TokenRecord> before = m_tokens.token(m_profileId, id);
        if (!m_tokens.remove(m_profileId, id))
            return *error = databaseError(), changed;
        changed = true;
        m_report.removed += 1;
        JournalEntry journal{0, m_clock(), QStringLiteral("portal"), m_profileId, id,
                             QStringLiteral("deleted"),
                             before ? PortalJson::tokenToJson(before->local) : QJsonObject(),
                             QJsonObject()};
        if (!m_journal.append(journal))
            return *error = databaseError(), changed;
    }
    return changed;
}

} // namespace tokendesk::sync
