#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace tokendesk::ui {

// The status bar's right side: online or offline, the last sync, a running sync (with
// cancel), pending changes (opens the outbox) and conflicts (opens the conflict dialog).
class SyncStatusPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusPanel(QWidget *parent = nullptr);

    enum class Connection { LocalOnly, Online, Offline };
    void setConnection(Connection connection);
    void setLastSync(const QDateTime &when);
    void setSyncing(bool syncing, const QString &message = {});
    void setPending(int count);
    void setConflicts(int count);

Q_SIGNALS:
    void pendingClicked();
    void conflictsClicked();
    void cancelSyncClicked();

private:
    QLabel *m_connection;
    QLabel *m_lastSync;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    QToolButton *m_pending;
    QToolButton *m_conflicts;
};

} // namespace tokendesk::ui
