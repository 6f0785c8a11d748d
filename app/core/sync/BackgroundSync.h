#pragma once

#include "SyncReport.h"

#include "domain/PortalIdentity.h"
#include "domain/Profile.h"

#include <QMetaType>
#include <QObject>
#include <QPointer>

class QThread;

namespace tokendesk::sync {

class SyncWorker;

// Runs a profile's sync on a thread of its own, so that a window stays responsive however
// large the pull: the worker has its own workspace connection (SQLite WAL) and network
// access. One sync at a time.
class BackgroundSync : public QObject
{
    Q_OBJECT

public:
    explicit BackgroundSync(QString workspacePath, QObject *parent = nullptr);
    ~BackgroundSync() override;

    // Takes the client secret (wiped after use). Returns false when a sync is running.
    bool start(const domain::Profile &profile, QByteArray clientSecret, int transferTimeoutMs = 30000);
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }
    QString profileId() const { return m_profileId; }

Q_SIGNALS:
    void progress(const QString &message);
    void identityKnown(const QString &profileId, const tokendesk::domain::PortalIdentity &identity);
    void finished(const tokendesk::sync::SyncReport &report);

private:
    void onFinished(const SyncReport &report);
    void stopThread();

    QString m_workspacePath;
    QString m_profileId;
    QThread *m_thread = nullptr;
    QPointer<SyncWorker> m_worker;
};

} // namespace tokendesk::sync

Q_DECLARE_METATYPE(tokendesk::sync::SyncReport)
Q_DECLARE_METATYPE(tokendesk::domain::PortalIdentity)
