#pragma once

#include "SyncReport.h"

#include "portal/PortalBackend.h"
#include "store/ConflictStore.h"
#include "store/Journal.h"
#include "store/Outbox.h"
#include "store/SyncStateStore.h"
#include "store/TokenStore.h"

#include <QObject>
#include <QPointer>
#include <functional>

namespace tokendesk::sync {

// Reconciles one portal profile of the workspace with its portal: first the outbox is pushed
// in order (If-Match, the entry's Idempotency-Key, checked again before sending; a 412 is
// merged three ways or becomes a conflict), then deployments, licences and tokens are pulled
// (conditional and incremental, deletions applied). Every step commits on its own, so a
// crash or a lost connection loses nothing: what was not confirmed stays in the outbox.
// Asynchronous: emits finished() once.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    SyncEngine(store::Workspace &workspace, portal::PortalBackend &backend, QString profileId,
               QObject *parent = nullptr);

    void setClock(Clock clock) { m_clock = std::move(clock); }
    void start();
    void cancel();

Q_SIGNALS:
    void progress(const QString &message);
    void finished(const tokendesk::sync::SyncReport &report);

private:
    void pushNext();
    void push(store::OutboxEntry entry);
    void onCreated(store::OutboxEntry entry, const portal::PortalResult<domain::Token> &result);
    void onUpdated(store::OutboxEntry entry, const portal::PortalResult<domain::Token> &result);
    void onDeleted(store::OutboxEntry entry, const portal::PortalResult<portal::Done> &result);
    void onTheirs(store::OutboxEntry entry, const portal::PortalResult<domain::Token> &theirs);
    // The portal confirmed `entry` with `confirmed` (its state of the token now).
    bool confirm(const store::OutboxEntry &entry, const domain::Token &confirmed);
    void raiseConflict(store::OutboxEntry entry, const std::optional<domain::Token> &theirs,
                       const std::optional<domain::Token> &merged, const QStringList &fields,
                       const QString &reason);
    void failWrite(store::OutboxEntry entry, const portal::PortalError &error);
    std::optional<domain::Token> mineOf(const store::OutboxEntry &entry) const;

    void pullDeployments();
    void pullDeployment(int index);
    void pullTokens(int index, int round);
    void fetchTokenPages(int index, int round, portal::TokenPageRequest request,
                         std::shared_ptr<portal::TokenListing> listing, QByteArray firstEtag);
    // Applies a listing; returns whether anything was new.
    bool applyListing(const domain::Deployment &deployment, const portal::TokenListing &listing,
                      bool full, QString *error);

    void finish(const portal::PortalError &error = {});
    void fail(const QString &collection, const portal::PortalError &error);
    QString databaseError() const;
    portal::PortalError workspaceFailure(); // marks the report: the workspace failed

    store::Workspace &m_workspace;
    portal::PortalBackend &m_backend;
    QString m_profileId;
    store::TokenStore m_tokens;
    store::Outbox m_outbox;
    store::ConflictStore m_conflicts;
    store::SyncStateStore m_syncState;
    store::Journal m_journal;
    Clock m_clock;
    SyncReport m_report;
    QList<domain::Deployment> m_deployments;
    QPointer<portal::PortalCall> m_current;
    bool m_cancelled = false;
    bool m_finished = false;
    int m_writes = 0; // guards against a token that changes under every attempt
};

} // namespace tokendesk::sync
