#include "BackgroundSync.h"

#include "SyncWorker.h"

#include "secrets/SecretBuffer.h"

#include <QThread>

namespace tokendesk::sync {

BackgroundSync::BackgroundSync(QString workspacePath, QObject *parent)
    : QObject(parent), m_workspacePath(std::move(workspacePath))
{
    qRegisterMetaType<SyncReport>();
    qRegisterMetaType<domain::PortalIdentity>();
}

BackgroundSync::~BackgroundSync()
{
    cancel();
    stopThread();
}

bool BackgroundSync::start(const domain::Profile &profile, QByteArray clientSecret,
                           int transferTimeoutMs)
{
    if (m_thread) {
        secrets::SecretBuffer::wipe(clientSecret);
        return false;
    }
    m_profileId = profile.id;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("sync"));
    auto *worker = new SyncWorker(m_workspacePath, profile,
                                  QByteArray(clientSecret.constData(), clientSecret.size()),
                                  transferTimeoutMs);
    secrets::SecretBuffer::wipe(clientSecret);
    worker->moveToThread(m_thread);
    m_worker = worker;
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &SyncWorker::progress, this, &BackgroundSync::progress);
    connect(worker, &SyncWorker::identityKnown, this, [this](const domain::PortalIdentity &identity) {
        Q_EMIT identityKnown(m_profileId, identity);
    });
    connect(worker, &SyncWorker::finished, this, &BackgroundSync::onFinished);
    m_thread->start();
    QMetaObject::invokeMethod(worker, &SyncWorker::run, Qt::QueuedConnection);
    return true;
}

void BackgroundSync::cancel()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker.data(), &SyncWorker::cancel, Qt::QueuedConnection);
}

void BackgroundSync::onFinished(const SyncReport &report)
{
    stopThread();
    Q_EMIT finished(report);
}

void BackgroundSync::stopThread()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait(); // the worker has reported: its event loop ends at once
    delete m_thread;  // deleteLater of the worker ran as the loop ended
    m_thread = nullptr;
}

} // namespace tokendesk::sync
