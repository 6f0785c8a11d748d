#pragma once

#include "SyncReport.h"

#include "domain/PortalIdentity.h"
#include "domain/Profile.h"

#include <QObject>
#include <QPointer>
#include <memory>

class QNetworkAccessManager;

namespace tokendesk::store {
class Workspace;
}
namespace tokendesk::portal {
class HttpPortalBackend;
}

namespace tokendesk::sync {

class SyncEngine;

// Lives on BackgroundSync's thread: opens its own workspace connection and network access,
// syncs one profile, asks the portal who we are (to remember the role), then reports.
class SyncWorker : public QObject
{
    Q_OBJECT

public:
    SyncWorker(QString workspacePath, domain::Profile profile, QByteArray clientSecret,
               int transferTimeoutMs);
    ~SyncWorker() override;

    void run();
    void cancel();

Q_SIGNALS:
    void progress(const QString &message);
    void identityKnown(const tokendesk::domain::PortalIdentity &identity);
    void finished(const tokendesk::sync::SyncReport &report);

private:
    void askIdentity(const SyncReport &report);
    void finish(const SyncReport &report);

    QString m_workspacePath;
    domain::Profile m_profile;
    QByteArray m_clientSecret; // wiped once the backend holds it
    int m_transferTimeoutMs;
    std::unique_ptr<store::Workspace> m_workspace;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<portal::HttpPortalBackend> m_backend;
    std::unique_ptr<SyncEngine> m_engine;
    bool m_cancelled = false;
};

} // namespace tokendesk::sync
