#include "WorkspaceEditor.h"

#include "Transaction.h"

#include "domain/TokenChanges.h"
#include "domain/TokenFieldRules.h"
#include "portal/PortalJson.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QUuid>

namespace tokendesk::store {

using namespace tokendesk::domain;
using portal::PortalJson;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("WorkspaceEditor", text);
}

QString newId(const char *prefix)
{
    return QLatin1String(prefix) + QUuid::createUuid().toString(QUuid::Id128).left(16);
}

// The checks of what a change touches (an untouched legacy entry does not block an edit).
FieldIssues checkChange(const Token &after, const TokenChange &change)
{
    FieldIssues issues;
    if (change.name)
        issues += TokenFieldRules::checkName(after.name);
    if (!change.labels.isEmpty())
        issues += TokenFieldRules::checkLabels(after.labels);
    const std::pair<validation::ControlKind, const std::optional<QStringList> *> lists[] = {
        {validation::ControlKind::Origin, &change.corsOrigins},
        {validation::ControlKind::Url, &change.permittedUrls},
        {validation::ControlKind::Ip, &change.ipRanges}};
    for (const auto &[kind, list] : lists) {
        if (*list)
            issues += TokenFieldRules::checkControlList(kind, **list);
    }
    return issues;
}

} // namespace

WorkspaceEditor::WorkspaceEditor(Workspace &workspace)
    : m_workspace(workspace)
    , m_profiles(workspace)
    , m_tokens(workspace)
    , m_outbox(workspace)
    , m_conflicts(workspace)
    , m_journal(workspace)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_actor(Journal::localActor())
{
}

std::optional<WorkspaceEditor::Resolution> WorkspaceEditor::resolutionFromName(const QString &name)
{
    if (name == QLatin1String("mine"))
        return Resolution::Mine;
    if (name == QLatin1String("theirs"))
        return Resolution::Theirs;
    if (name == QLatin1String("merged"))
        return Resolution::Merged;
    return std::nullopt;
}

bool WorkspaceEditor::journal(const QString &profileId, const QString &tokenId,
                              const QString &action, const std::optional<Token> &before,
                              const std::optional<Token> &after)
{
    return m_journal.append(JournalEntry{0, m_clock(), m_actor, profileId, tokenId, action,
                                         before ? PortalJson::tokenToJson(*before) : QJsonObject(),
                                         after ? PortalJson::tokenToJson(*after) : QJsonObject()});
}

EditResult WorkspaceEditor::write(Transaction &transaction, const QString &profileId,
                                  const TokenRecord &record, const QString &action,
                                  const std::optional<Token> &before,
                                  const std::optional<OutboxEntry> &entry,
                                  const std::optional<qint64> &replace)
{
    EditResult result;
    result.tokenId = record.local.id;
    bool ok = transaction.isActive() && m_tokens.put(record);
    if (ok && entry)
        ok = replace ? m_outbox.update(*entry) : m_outbox.enqueue(*entry) != 0;
    ok = ok && journal(profileId, record.local.id, action, before, record.local) &&
         transaction.commit();
    if (!ok)
        failedToWrite(result);
    return result;
}

void WorkspaceEditor::failedToWrite(EditResult &result) const
{
    // (the store's last error, or the database's when the store had none)
    result.error =
        tr("Cannot write the workspace %1: %2").arg(m_workspace.path(), m_tokens.lastError());
    result.storageFailure = true;
}

std::optional<TokenRecord> WorkspaceEditor::find(const std::optional<Profile> &profile,
                                                 const QString &tokenId, const QString &profileName,
                                                 EditResult &result) const
{
    const auto record = profile ? m_tokens.token(profile->id, tokenId) : std::nullopt;
    if (!record)
        result.error = tr("No token “%1” in profile “%2”.").arg(tokenId, profileName);
    return record;
}

EditResult WorkspaceEditor::addToken(const QString &profileId, const QString &deploymentName,
                                     const TokenDraft &draft)
{
    EditResult result;
    Transaction transaction(m_workspace.database());
    const auto profile = m_profiles.find(profileId);
    if (!profile) {
        result.error = tr("No profile “%1”.").arg(profileId);
        return result;
    }
    result.issues = TokenFieldRules::checkDraft(draft);
    if (hasErrorIssue(result.issues))
        return result;
    auto deployment = m_tokens.deployment(profile->id, deploymentName);
    if (!deployment && !profile->isLocal()) {
        result.error = tr("Profile “%1” has no deployment “%2” (sync first to fetch them).")
                           .arg(profile->name, deploymentName);
        return result;
    }
    const QDateTime now = m_clock();
    if (!deployment) {
        deployment = Deployment{newId("dep_"), deploymentName, QString(), now, 0};
        if (!m_tokens.ensureDeployment(profile->id, *deployment)) {
            failedToWrite(result);
            return result;
        }
    }
    const Token token = TokenChanges::tokenFromDraft(
        newId(profile->isLocal() ? "loc_" : "new_"), deployment->id, draft, now);
    std::optional<OutboxEntry> entry;
    if (!profile->isLocal()) {
        entry = OutboxEntry{};
        entry->profileId = profile->id;
        entry->tokenId = token.id;
        entry->operation = OutboxEntry::Operation::Create;
        entry->payload = PortalJson::tokenToJson(token);
        entry->idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
        entry->createdAt = now;
        entry->actor = m_actor;
    }
    const FieldIssues issues = result.issues;
    result = write(transaction, profile->id, TokenRecord{profile->id, token, std::nullopt},
                   QStringLiteral("created"), std::nullopt, entry, std::nullopt);
    result.issues = issues;
    return result;
}

EditResult WorkspaceEditor::editToken(const QString &profileId, const QString &tokenId,
                                      const TokenChange &change)
{
    EditResult result;
    result.tokenId = tokenId;
    // Read and write under one lock: a sync in another process may be sending this token's
    // pending entry right now.
    Transaction transaction(m_workspace.database());
    const auto profile = m_profiles.find(profileId);
    const auto record = find(profile, tokenId, profileId, result);
    if (!record)
        return result;
    const Token after = TokenChanges::apply(record->local, change);
    result.issues = checkChange(after, change);
    if (hasErrorIssue(result.issues) || after == record->local)
        return result; // refused, or nothing to change

    TokenRecord updated = *record;
    updated.local = after;
    const FieldIssues issues = result.issues;
    if (profile->isLocal()) {
        updated.local.updatedAt = m_clock();
        result = write(transaction, profile->id, updated, QStringLiteral("edited"), record->local,
                       std::nullopt, std::nullopt);
        result.issues = issues;
        return result;
    }

    const QList<OutboxEntry> queued = m_outbox.entriesFor(profile->id, tokenId);
    std::optional<OutboxEntry> entry;
    std::optional<qint64> replace;
    if (!queued.isEmpty() && queued.last().operation == OutboxEntry::Operation::Delete) {
        result.error = tr("The token is being deleted.");
        return result;
    }
    if (!queued.isEmpty() && queued.last().state == OutboxEntry::State::Pending) {
        // Not sent yet: the new edit joins it, so the portal sees one change.
        entry = queued.last();
        replace = entry->seq;
        if (entry->operation == OutboxEntry::Operation::Create) {
            entry->payload = PortalJson::tokenToJson(after);
        } else {
            const auto earlier = TokenChanges::fromJson(entry->payload);
            entry->payload = TokenChanges::toJson(
                earlier ? TokenChanges::compose(*earlier, change) : change);
        }
    } else {
        entry = OutboxEntry{};
        entry->profileId = profile->id;
        entry->tokenId = tokenId;
        entry->operation = OutboxEntry::Operation::Update;
        entry->payload = TokenChanges::toJson(change);
        entry->base = record->server;
        entry->baseVersion = record->server ? record->server->version : 0;
        entry->idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
        entry->createdAt = m_clock();
        entry->actor = m_actor;
    }
    result = write(transaction, profile->id, updated, QStringLiteral("edited"), record->local, entry,
                   replace);
    result.issues = issues;
    return result;
}

EditResult WorkspaceEditor::deleteToken(const QString &profileId, const QString &tokenId)
{
    EditResult result;
    result.tokenId = tokenId;
    Transaction transaction(m_workspace.database());
    const auto profile = m_profiles.find(profileId);
    const auto record = find(profile, tokenId, profileId, result);
    if (!record)
        return result;
    const QList<OutboxEntry> queued = m_outbox.entriesFor(profile->id, tokenId);
    bool ok = transaction.isActive();
    const bool neverSent = !queued.isEmpty() &&
                           queued.first().operation == OutboxEntry::Operation::Create &&
                           queued.first().state == OutboxEntry::State::Pending;
    if (profile->isLocal() || neverSent) {
        // Never reached a portal: it simply goes, with whatever was queued for it.
        for (const OutboxEntry &entry : queued)
            ok = ok && m_outbox.remove(entry.seq);
        ok = ok && m_tokens.remove(profile->id, tokenId);
    } else {
        OutboxEntry entry;
        entry.profileId = profile->id;
        entry.tokenId = tokenId;
        entry.operation = OutboxEntry::Operation::Delete;
        entry.base = record->server;
        entry.baseVersion = record->server ? record->server->version : 0;
        entry.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
        entry.createdAt = m_clock();
        entry.actor = m_actor;
        ok = m_outbox.enqueue(entry) != 0;
    }
    ok = ok && journal(profile->id, tokenId, QStringLiteral("deleted"), record->local, std::nullopt) &&
         transaction.commit();
    if (!ok)
        failedToWrite(result);
    return result;
}

EditResult WorkspaceEditor::setNotes(const QString &profileId, const QString &tokenId,
                                     const TokenNotes &notes)
{
    EditResult result;
    result.tokenId = tokenId;
    if (notes.rotationDays && (*notes.rotationDays < 1 || *notes.rotationDays > TokenNotes::kMaxRotationDays)) {
        result.issues.append(FieldIssue{QStringLiteral("rotation_days"), std::nullopt,
                                        QStringLiteral("notes.rotation-days-invalid"),
                                        tr("A rotation period is 1 to %1 days.").arg(TokenNotes::kMaxRotationDays),
                                        validation::Severity::Error});
        return result;
    }
    Transaction transaction(m_workspace.database());
    const auto profile = m_profiles.find(profileId);
    if (!profile || !m_tokens.token(profile->id, tokenId)) {
        result.error = tr("No token “%1” in profile “%2”.").arg(tokenId, profileId);
        return result;
    }
    const TokenNotes before = m_tokens.notes(profile->id, tokenId);
    if (before == notes)
        return result;
    const auto text = [](const TokenNotes &n) {
        return QJsonObject{{QStringLiteral("rotation_days"), n.rotationDays ? QJsonValue(*n.rotationDays) : QJsonValue()},
                           {QStringLiteral("where_used"), n.whereUsed}};
    };
    const bool ok = transaction.isActive() && m_tokens.setNotes(profile->id, tokenId, notes) &&
                    m_journal.append(JournalEntry{0, m_clock(), m_actor, profile->id, tokenId,
                                                  QStringLiteral("notes"), text(before), text(notes)}) &&
                    transaction.commit();
    if (!ok)
        failedToWrite(result);
    return result;
}

QString WorkspaceEditor::resolveConflict(qint64 conflictId, Resolution resolution)
{
    return settleConflict(conflictId, resolution, std::nullopt);
}

QString WorkspaceEditor::resolveConflictWith(qint64 conflictId, const Token &chosen)
{
    return settleConflict(conflictId, std::nullopt, chosen);
}

QString WorkspaceEditor::settleConflict(qint64 conflictId, std::optional<Resolution> whole,
                                        const std::optional<Token> &custom)
{
    Transaction transaction(m_workspace.database());
    const auto conflict = m_conflicts.find(conflictId);
    if (!conflict || conflict->resolvedAt)
        return tr("No open conflict %1.").arg(conflictId);
    const auto entry = m_outbox.entry(conflict->outboxSeq);
    const auto record = m_tokens.token(conflict->profileId, conflict->tokenId);
    const QString resolutionName = !whole                        ? QStringLiteral("custom")
                                   : *whole == Resolution::Mine   ? QStringLiteral("mine")
                                   : *whole == Resolution::Theirs ? QStringLiteral("theirs")
                                                                  : QStringLiteral("merged");
    // Refuses a chosen token that breaks a rule, naming the rules.
    const auto refusal = [&](const FieldIssues &issues) -> QString {
        QStringList rules;
        for (const FieldIssue &issue : issues) {
            if (issue.severity == validation::Severity::Error)
                rules.append(issue.rule);
        }
        if (rules.isEmpty())
            return QString();
        if (!whole)
            return tr("Your choice breaks %1: change it, then resolve again.")
                .arg(rules.join(QStringLiteral(", ")));
        return tr("The %1 version breaks %2: take the other one, then edit it.")
            .arg(resolutionName, rules.join(QStringLiteral(", ")));
    };
    // Edits of this token queued from the conflicting one on.
    const auto dropQueued = [&] {
        bool removed = true;
        const QString &token = conflict->tokenId;
        for (const OutboxEntry &queued : m_outbox.entriesFor(conflict->profileId, token)) {
            if (!entry || queued.seq >= entry->seq)
                removed = removed && m_outbox.remove(queued.seq);
        }
        return removed;
    };
    std::optional<Token> added; // a token deleted on the portal, added again
    bool ok = transaction.isActive();
    if (whole == Resolution::Theirs || !entry) {
        // The local edits of this token give way to the portal's version.
        ok = ok && dropQueued();
        // The portal's version as last pulled (newer than the conflict's, if it changed
        // again); none when the portal deleted the token.
        const std::optional<Token> theirs = record ? record->server : conflict->theirs;
        if (theirs)
            ok = ok && m_tokens.put(TokenRecord{conflict->profileId, *theirs, theirs});
        else
            ok = ok && m_tokens.remove(conflict->profileId, conflict->tokenId);
    } else if (entry->operation == OutboxEntry::Operation::Create) {
        // A create the portal refused: send it again as it now stands (edit it first), or as
        // the user put it together.
        OutboxEntry retry = *entry;
        retry.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
        retry.state = OutboxEntry::State::Pending;
        retry.lastError.clear();
        if (custom) {
            const Token base = record ? record->local : *custom;
            const Token token = TokenChanges::apply(base, TokenChanges::diff(base, *custom));
            const QString refused = refusal(
                TokenFieldRules::checkDraft(TokenChanges::draftFromToken(token)));
            if (!refused.isEmpty())
                return refused;
            retry.payload = PortalJson::tokenToJson(token);
            ok = ok && m_tokens.put(TokenRecord{conflict->profileId, token, std::nullopt});
        } else if (record) {
            retry.payload = PortalJson::tokenToJson(record->local);
        }
        ok = ok && m_outbox.update(retry);
    } else if (!conflict->theirs) {
        if (whole || entry->operation == OutboxEntry::Operation::Delete)
            return tr("The token was deleted on the portal: take theirs, or add it again.");
        // Added again as a new token of the same deployment: the old id is gone for good.
        const QString deploymentId = record ? record->local.deploymentId : custom->deploymentId;
        if (!m_tokens.deployment(conflict->profileId, deploymentId))
            return tr("The token's deployment is gone from the portal: take theirs.");
        const Token token = TokenChanges::tokenFromDraft(
            newId("new_"), deploymentId, TokenChanges::draftFromToken(*custom), m_clock());
        const QString refused =
            refusal(TokenFieldRules::checkDraft(TokenChanges::draftFromToken(token)));
        if (!refused.isEmpty())
            return refused;
        OutboxEntry create;
        create.profileId = conflict->profileId;
        create.tokenId = token.id;
        create.operation = OutboxEntry::Operation::Create;
        create.payload = PortalJson::tokenToJson(token);
        create.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
        create.createdAt = m_clock();
        create.actor = m_actor;
        ok = ok && dropQueued() && m_tokens.remove(conflict->profileId, conflict->tokenId) &&
             m_tokens.put(TokenRecord{conflict->profileId, token, std::nullopt}) &&
             m_outbox.enqueue(create) != 0;
        added = token;
    } else if (custom && entry->operation == OutboxEntry::Operation::Delete) {
        return tr("You deleted this token: delete it anyway (mine) or keep theirs.");
    } else {
        std::optional<Token> chosen = custom                              ? custom
                                      : *whole == Resolution::Mine ? conflict->mine
                                                                   : conflict->merged;
        if (!chosen)
            return whole == Resolution::Merged
                       ? tr("This conflict has no merged version: take mine or theirs.")
                       : tr("This conflict has no local version: take theirs.");
        OutboxEntry retry = *entry;
        retry.base = conflict->theirs;
        retry.baseVersion = conflict->theirs->version;
        retry.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
        retry.state = OutboxEntry::State::Pending;
        retry.lastError.clear();
        if (retry.operation != OutboxEntry::Operation::Delete) {
            const TokenChange change = TokenChanges::diff(*conflict->theirs, *chosen);
            const QString refused = refusal(checkChange(*chosen, change));
            if (!refused.isEmpty())
                return refused;
            // What the user chose, on the portal's version (its id, version and the rest).
            const Token after = TokenChanges::apply(*conflict->theirs, change);
            retry.operation = OutboxEntry::Operation::Update;
            retry.payload = TokenChanges::toJson(change);
            if (record)
                ok = ok && m_tokens.put(TokenRecord{conflict->profileId, after, conflict->theirs});
        }
        ok = ok && m_outbox.update(retry);
    }
    const auto now = m_tokens.token(conflict->profileId, conflict->tokenId);
    ok = ok && m_conflicts.markResolved(conflictId, resolutionName, m_clock()) &&
         journal(conflict->profileId, conflict->tokenId, QStringLiteral("resolved"),
                 record ? std::optional<Token>(record->local) : std::nullopt,
                 now ? std::optional<Token>(now->local) : std::nullopt) &&
         (!added || journal(conflict->profileId, added->id, QStringLiteral("created"),
                            std::nullopt, added)) &&
         transaction.commit();
    return ok ? QString()
              : tr("Cannot write the workspace %1: %2")
                    .arg(m_workspace.path(), m_workspace.database().lastError().text());
}

} // namespace tokendesk::store
