#pragma once

#include <QObject>

class QSocketNotifier;

namespace tokendesk::sandbox {

// Turns SIGTERM and SIGINT into a clean shutdown: the signal handler only writes a byte to a
// pipe; the event loop reads it and emits terminationRequested().
class TerminationWatcher : public QObject
{
    Q_OBJECT

public:
    explicit TerminationWatcher(QObject *parent = nullptr);
    ~TerminationWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    static void onSignal(int signalNumber);
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace tokendesk::sandbox
