#include "InventoryLoader.h"

#include "InventoryReader.h"

#include "store/Workspace.h"

#include <QThread>

namespace tokendesk::inventory {

InventoryLoader::InventoryLoader(QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    qRegisterMetaType<InventorySnapshot>();
    qRegisterMetaType<QList<GradeUpdate>>();
}

InventoryLoader::~InventoryLoader()
{
    stop();
}

bool InventoryLoader::isLoading() const
{
    return m_thread && m_thread->isRunning();
}

void InventoryLoader::supersede()
{
    // Never waits: a read already running finishes on its own (its results are dropped) and
    // its thread deletes itself. Waiting here froze the window for seconds when a sync
    // ended, as the reload its identity check asked for was still reading 10,000 tokens.
    if (m_cancelled)
        m_cancelled->store(true);
    m_thread.clear();
}

void InventoryLoader::stop()
{
    if (m_cancelled)
        m_cancelled->store(true);
    for (const QPointer<QThread> &thread : std::as_const(m_threads)) {
        if (thread) {
            thread->wait(); // at most the read under way: the reader checks the flag between rows
            delete thread.data();
        }
    }
    m_threads.clear();
    m_thread.clear();
}

void InventoryLoader::load(const QString &workspacePath)
{
    supersede();
    m_threads.removeIf([](const QPointer<QThread> &thread) { return thread.isNull(); });
    m_cancelled = std::make_shared<std::atomic_bool>(false);
    const quint64 generation = ++m_generation;
    const QDateTime now = m_clock();
    const review::ReviewPolicy policy = m_policy;
    const auto cancelled = m_cancelled;
    QPointer<InventoryLoader> self(this);

    // Results travel back as queued calls on this object; a superseded load's are dropped.
    const auto post = [self, generation, cancelled](auto deliver) {
        if (cancelled->load() || !self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, cancelled, deliver]() {
                if (self && !cancelled->load() && self->m_generation == generation)
                    deliver(*self);
            },
            Qt::QueuedConnection);
    };

    m_thread = QThread::create([workspacePath, now, policy, cancelled, post]() {
        store::Workspace workspace;
        // The application checked the file when it opened it.
        const store::WorkspaceError error =
            workspace.open(workspacePath, store::Workspace::Check::AlreadyChecked);
        InventorySnapshot snapshot;
        if (error.isError()) {
            snapshot.error = error.message;
            post([snapshot](InventoryLoader &loader) {
                Q_EMIT loader.snapshotReady(snapshot);
                Q_EMIT loader.finished();
            });
            return;
        }
        InventoryReader reader(workspace);
        snapshot = reader.snapshot(cancelled.get());
        post([snapshot](InventoryLoader &loader) { Q_EMIT loader.snapshotReady(snapshot); });
        if (cancelled->load())
            return;
        reader.reviewAll(
            now, policy,
            [post](QList<GradeUpdate> grades) {
                post([grades](InventoryLoader &loader) { Q_EMIT loader.gradesReady(grades); });
            },
            *cancelled);
        post([](InventoryLoader &loader) { Q_EMIT loader.finished(); });
    });
    m_thread->setObjectName(QStringLiteral("inventory-loader"));
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_threads.append(m_thread);
    m_thread->start(QThread::LowPriority);
}

} // namespace tokendesk::inventory
