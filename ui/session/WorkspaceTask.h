#pragma once

#include "store/Workspace.h"

#include <QCoreApplication>
#include <QList>
#include <QPointer>
#include <QThread>
#include <functional>

namespace tokendesk::ui {

// Runs work that reads or writes the workspace on a thread of its own, with a connection of
// its own, so that the window never waits on the disk; `done` runs on the UI thread, unless
// `context` is gone by then.
class WorkspaceTask
{
public:
    template <typename Result>
    static void run(QObject *context, const QString &workspacePath,
                    std::function<Result(store::Workspace &)> work,
                    std::function<void(const Result &, const QString &error)> done)
    {
        QPointer<QObject> guard(context);
        const auto deliver = [guard, done](Result result, QString error) {
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [guard, done, result, error]() {
                    if (guard)
                        done(result, error);
                },
                Qt::QueuedConnection);
        };
        QThread *thread = QThread::create([workspacePath, work, deliver]() {
            store::Workspace workspace;
            const store::WorkspaceError error =
                workspace.open(workspacePath, store::Workspace::Check::AlreadyChecked);
            if (error.isError())
                return deliver(Result{}, error.message);
            deliver(work(workspace), QString());
        });
        thread->setObjectName(QStringLiteral("workspace-task"));
        running().append(thread);
        QObject::connect(thread, &QThread::finished, thread, [thread] {
            running().removeOne(thread);
            thread->deleteLater();
        });
        thread->start();
    }

    // Lets running tasks finish (an export being written, an import between rows) before the
    // application goes: called after the event loop ends.
    static void waitForAll()
    {
        for (QThread *thread : running())
            thread->wait();
    }

private:
    // Touched on the UI thread only (start, and `finished` delivered to it).
    static QList<QThread *> &running()
    {
        static QList<QThread *> threads;
        return threads;
    }
};

} // namespace tokendesk::ui
