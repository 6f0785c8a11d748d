#include "InventoryLoader.h"

#include "InventoryReader.h"

#include "store/Workspace.h"

#include <QThread>

namespace tokendesk::inventory {

InventoryLoader::InventoryLoader(QObject *parent)
    : QObject(parent), m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    qRegisterMetaType<InventorySnapshot>();
    qRegisterMetaType<QList<GradeUpdate>>();
}

InventoryLoader::~InventoryLoader()
{
    supersede();
    for (QThread *thread : std::as_const(m_superseded)) {
        thread->wait(); // each stops at its next row: the flag is checked between rows
        delete thread;
    }
}

bool InventoryLoader::isLoading() const
{
    return m_thread && m_thread->isRunning();
}

void InventoryLoader::supersede()
{
    if (!m_thread)
        return;
    m_cancelled->store(true);
    QThread *thread = m_thread;
    m_thread = nullptr;
    if (thread->isFinished()) {
        delete thread;
        return;
    }
    m_superseded.append(thread);
    connect(thread, &QThread::finished, this, [this, thread] {
        m_superseded.removeOne(thread);
        thread->deleteLater();
    });
}

void InventoryLoader::load(const QString &workspacePath)
{
    supersede();
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
        const store::WorkspaceError error = workspace.open(workspacePath);
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
        snapshot = reader.snapshot();
        post([snapshot](InventoryLoader &loader) { Q_EMIT loader.snapshotReady(snapshot); });
        reader.reviewAll(now, policy, [post](QList<GradeUpdate> grades) {
            post([grades](InventoryLoader &loader) { Q_EMIT loader.gradesReady(grades); });
        }, *cancelled);
        post([](InventoryLoader &loader) { Q_EMIT loader.finished(); });
    });
    m_thread->setObjectName(QStringLiteral("inventory-loader"));
    m_thread->start(QThread::LowPriority);
}

} // namespace tokendesk::inventory
