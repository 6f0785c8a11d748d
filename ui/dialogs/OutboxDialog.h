#pragma once

#include "store/OutboxEntry.h"

#include <QDialog>
#include <QHash>
#include <QList>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace tokendesk::ui {

// A non-modal list of the changes waiting for the portal (the outbox), with "Sync now".
// It only shows what the caller gives it; the caller refreshes it after a sync.
class OutboxDialog : public QDialog
{
    Q_OBJECT

public:
    enum Column {
        WhenColumn,
        TokenColumn,
        OperationColumn,
        StateColumn,
        AttemptsColumn,
        ErrorColumn,
        ColumnCount
    };

    explicit OutboxDialog(QWidget *parent = nullptr);

    // tokenNames: token id -> name as the user sees it (the id is shown when missing).
    void setEntries(const QList<store::OutboxEntry> &entries,
                    const QHash<QString, QString> &tokenNames);
    // While a sync runs, "Sync now" waits.
    void setSyncing(bool syncing);

    static QString operationText(store::OutboxEntry::Operation operation);
    static QString stateText(store::OutboxEntry::State state);

Q_SIGNALS:
    void syncRequested();

private:
    QStackedWidget *m_pages = nullptr;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QPushButton *m_syncButton = nullptr;
};

} // namespace tokendesk::ui
