#pragma once

#include "InventorySnapshot.h"

#include "review/ReviewPolicy.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <atomic>
#include <functional>
#include <memory>

class QThread;

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
    // Lets a running load go (its results are dropped); the window never waits for it.
    void supersede();

    Clock m_clock;
    review::ReviewPolicy m_policy;
    QThread *m_thread = nullptr;
    QList<QThread *> m_superseded; // still finishing; deleted when done, waited for at exit
    std::shared_ptr<std::atomic_bool> m_cancelled;
    quint64 m_generation = 0;
};

} // namespace tokendesk::inventory
