#pragma once

#include "InventorySnapshot.h"

#include "review/ReviewPolicy.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <atomic>
#include <functional>
#include <memory>

namespace tokendesk::inventory {

// Reads the inventory off the caller's thread, so that opening a large workspace never
// freezes a window: first the snapshot (profiles, deployments, token summaries), then the
// grades in batches. A new load() supersedes the one running.
class InventoryLoader : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    explicit InventoryLoader(QObject *parent = nullptr);
    ~InventoryLoader() override;

    void setClock(Clock clock) { m_clock = std::move(clock); }
    void setPolicy(const review::ReviewPolicy &policy) { m_policy = policy; }
    void load(const QString &workspacePath);
    bool isLoading() const;

Q_SIGNALS:
    void snapshotReady(const tokendesk::inventory::InventorySnapshot &snapshot);
    void gradesReady(const QList<tokendesk::inventory::GradeUpdate> &grades);
    void finished();

private:
    void supersede();
    void stop();

    Clock m_clock;
    review::ReviewPolicy m_policy;
    QPointer<QThread> m_thread; // the current read
    QList<QPointer<QThread>> m_threads; // it and superseded reads still running
    std::shared_ptr<std::atomic_bool> m_cancelled;
    quint64 m_generation = 0;
};

} // namespace tokendesk::inventory
