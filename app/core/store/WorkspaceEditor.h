#pragma once

#include "Conflict.h"
#include "ConflictStore.h"
#include "EditResult.h"
#include "Journal.h"
#include "Outbox.h"
#include "ProfileStore.h"
#include "TokenStore.h"
#include "Transaction.h"

#include "domain/TokenDraft.h"

#include <functional>

namespace tokendesk::store {

// Every change a user makes to the workspace, checked with the validation engine and written
// in one transaction: the token as the user now sees it, its journal line and, for portal
// profiles, the outbox entry that the sync engine will push. Nothing waits for the network.
class WorkspaceEditor
{
public:
    using Clock = std::function<QDateTime()>;

    explicit WorkspaceEditor(Workspace &workspace);
    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setActor(const QString &actor) { m_actor = actor; }

    // deployment: an id or a name. In the Local profile an unknown deployment is created.
    EditResult addToken(const QString &profileId, const QString &deployment,
                        const domain::TokenDraft &draft);
    EditResult editToken(const QString &profileId, const QString &tokenId,
                         const domain::TokenChange &change);
    EditResult deleteToken(const QString &profileId, const QString &tokenId);
    // Local notes (rotation policy, where used): checked, journalled, never sent.
    EditResult setNotes(const QString &profileId, const QString &tokenId,
                        const domain::TokenNotes &notes);

    enum class Resolution { Mine, Theirs, Merged };
    static std::optional<Resolution> resolutionFromName(const QString &name);
    // Settles a conflict: "theirs" drops the local edit, "mine" and "merged" queue the chosen
    // token as a new edit on top of the portal's version. Returns an error message.
    QString resolveConflict(qint64 conflictId, Resolution resolution);
    // Settles a conflict with a token the user put together field by field (name, status,
    // control lists and labels are taken from `chosen`, the rest from the portal's version):
    // checked and queued like "mine", recorded as resolution "custom". For a token deleted on
    // the portal it is added again as a new token. Returns an error message.
    QString resolveConflictWith(qint64 conflictId, const domain::Token &chosen);

private:
    // Writes the token, its outbox entry and journal line, and commits the transaction in
    // which the caller read what it decided on.
    EditResult write(Transaction &transaction, const QString &profileId, const TokenRecord &record,
                     const QString &action, const std::optional<domain::Token> &before,
                     const std::optional<OutboxEntry> &entry, const std::optional<qint64> &replace);
    // Marks the result as a failure to write the workspace, naming the file and the reason.
    void failedToWrite(EditResult &result) const;
    // The token of the profile; sets result.error when either is unknown.
    std::optional<TokenRecord> find(const std::optional<domain::Profile> &profile,
                                    const QString &tokenId, const QString &profileName,
                                    EditResult &result) const;
    // The one way a conflict is settled: with a whole version, or (no `whole`) with `custom`.
    QString settleConflict(qint64 conflictId, std::optional<Resolution> whole,
                           const std::optional<domain::Token> &custom);
    bool journal(const QString &profileId, const QString &tokenId, const QString &action,
                 const std::optional<domain::Token> &before,
                 const std::optional<domain::Token> &after);

    Workspace &m_workspace;
    ProfileStore m_profiles;
    TokenStore m_tokens;
    Outbox m_outbox;
    ConflictStore m_conflicts;
    Journal m_journal;
    Clock m_clock;
    QString m_actor;
};

} // namespace tokendesk::store
