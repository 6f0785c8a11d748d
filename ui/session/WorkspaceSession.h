#pragma once

#include "inventory/InventoryLoader.h"
#include "secrets/SecretBuffer.h"
#include "secrets/SecretStore.h"
#include "store/EditResult.h"
#include "store/Workspace.h"
#include "store/WorkspaceEditor.h"
#include "sync/BackgroundSync.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace tokendesk::ui {

// The open workspace as the window uses it: edits (validated and queued in one transaction,
// never waiting for the network), the inventory read in the background, syncs on their own
// thread, and client secrets from the keychain. No widgets: views talk to it.
class WorkspaceSession : public QObject
{
    Q_OBJECT

public:
    using SecretCallback = std::function<void(const secrets::SecretBuffer &, const QString &error)>;

    WorkspaceSession(secrets::SecretStore *secretStore, QObject *parent = nullptr);
    ~WorkspaceSession() override;

    store::WorkspaceError open(const QString &path);
    bool isOpen() const { return m_workspace.isOpen(); }
    QString path() const { return m_workspace.path(); }
    store::Workspace &workspace() { return m_workspace; }
    inventory::InventoryLoader &loader() { return m_loader; }
    secrets::SecretStore *secretStore() const { return m_secrets; }

    // A secret kept in memory only for this session (the demo portal's), never stored.
    void setSessionSecret(const QString &profileId, const QByteArray &secret);
    // The client secret of a portal profile: this session's, else the keychain's.
    void clientSecret(const domain::Profile &profile, SecretCallback done);

    // Reads the inventory again (in the background); views keep their selection by key.
    void reload();

    store::EditResult addToken(const QString &profileId, const QString &deployment,
                               const domain::TokenDraft &draft);
    store::EditResult editToken(const QString &profileId, const QString &tokenId,
                                const domain::TokenChange &change);
    store::EditResult deleteToken(const QString &profileId, const QString &tokenId);
    store::EditResult setNotes(const QString &profileId, const QString &tokenId,
                               const domain::TokenNotes &notes);
    QString resolveConflict(qint64 conflictId, store::WorkspaceEditor::Resolution resolution);
    // Settles a conflict with a token assembled field by field.
    QString resolveConflictWith(qint64 conflictId, const domain::Token &chosen);

    // Syncs every portal profile, one after the other.
    void syncAll();
    void syncProfile(const QString &profileId);
    void cancelSync();
    bool isSyncing() const;
    // Whether the last sync found the portal unreachable or the OS reports no network.
    bool isOffline() const { return m_offline; }

    // Asks a portal who a client is (a profile not stored yet): "Connected as …" or why not.
    using ConnectionResult = std::function<void(bool connected, const QString &message)>;
    void testConnection(const domain::Profile &profile, const QByteArray &secret, ConnectionResult done);

    // Asks the portal for a token's value.
    void reveal(const QString &profileId, const QString &tokenId, SecretCallback done);

Q_SIGNALS:
    void edited(const QString &profileId, const QString &tokenId);
    void syncStarted(const QString &profileName);
    void syncProgress(const QString &message);
    void syncFinished(const QString &profileName, const tokendesk::sync::SyncReport &report);
    void allSyncsFinished();
    void roleChanged(const QString &profileId);

private:
    void afterEdit(const store::EditResult &result, const QString &profileId);
    void startNextSync();

    secrets::SecretStore *m_secrets;
    store::Workspace m_workspace;
    std::unique_ptr<store::WorkspaceEditor> m_editor;
    inventory::InventoryLoader m_loader;
    std::unique_ptr<sync::BackgroundSync> m_sync;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QHash<QString, secrets::SecretBuffer> m_sessionSecrets;
    QStringList m_syncQueue;
    QString m_syncingName;
    bool m_offline = false;
    bool m_cancelRequested = false; // Cancel pressed while the keychain was still answering
};

} // namespace tokendesk::ui
