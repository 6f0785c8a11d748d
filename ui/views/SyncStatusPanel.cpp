#include "SyncStatusPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

namespace tokendesk::ui {

SyncStatusPanel::SyncStatusPanel(QWidget *parent)
    : QWidget(parent), m_connection(new QLabel(this)), m_lastSync(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_cancel(new QToolButton(this)),
      m_pending(new QToolButton(this)), m_conflicts(new QToolButton(this))
{
    m_connection->setObjectName(QStringLiteral("connectionLabel"));
    m_lastSync->setObjectName(QStringLiteral("lastSyncLabel"));
    m_progress->setObjectName(QStringLiteral("syncProgressBar"));
    m_progress->setAccessibleName(tr("Sync progress"));
    m_progress->setRange(0, 0); // the portal does not say how much is left: busy indicator
    m_progress->setMaximumWidth(120);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancel->setObjectName(QStringLiteral("cancelSyncButton"));
    m_cancel->setText(tr("Cancel sync"));
    m_cancel->setAccessibleName(tr("Cancel sync"));
    m_cancel->hide();
    m_pending->setObjectName(QStringLiteral("pendingButton"));
    m_pending->setAutoRaise(true);
    m_conflicts->setObjectName(QStringLiteral("conflictsButton"));
    m_conflicts->setAutoRaise(true);
    connect(m_pending, &QToolButton::clicked, this, &SyncStatusPanel::pendingClicked);
    connect(m_conflicts, &QToolButton::clicked, this, &SyncStatusPanel::conflictsClicked);
    connect(m_cancel, &QToolButton::clicked, this, &SyncStatusPanel::cancelSyncClicked);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    layout->addWidget(m_conflicts);
    layout->addWidget(m_pending);
    layout->addWidget(m_lastSync);
    layout->addWidget(m_connection);
    setConnection(Connection::LocalOnly);
    setLastSync({});
    setPending(0);
    setConflicts(0);
}

void SyncStatusPanel::setConnection(Connection connection)
{
    switch (connection) {
    case Connection::LocalOnly:
        m_connection->setText(tr("Local workspace"));
        break;
    case Connection::Online:
        m_connection->setText(tr("Online"));
        break;
    case Connection::Offline:
        m_connection->setText(tr("Offline: changes are queued"));
        break;
    }
    m_connection->setAccessibleName(m_connection->text());
}

void SyncStatusPanel::setLastSync(const QDateTime &when)
{
    m_lastSync->setText(when.isValid()
                            ? tr("Last sync %1").arg(QLocale().toString(when.toLocalTime(), QLocale::ShortFormat))
                            : tr("Never synced"));
    m_lastSync->setAccessibleName(m_lastSync->text());
}

void SyncStatusPanel::setSyncing(bool syncing, const QString &message)
{
    m_progress->setVisible(syncing);
    m_cancel->setVisible(syncing);
    m_progress->setToolTip(message);
    m_progress->setAccessibleDescription(message);
}

void SyncStatusPanel::setPending(int count)
{
    m_pending->setText(tr("%n pending change(s)", nullptr, count));
    m_pending->setAccessibleName(m_pending->text());
    m_pending->setToolTip(tr("Show the changes waiting to be sent to the portal"));
}

void SyncStatusPanel::setConflicts(int count)
{
    m_conflicts->setText(tr("%n conflict(s)", nullptr, count));
    m_conflicts->setAccessibleName(m_conflicts->text());
    m_conflicts->setToolTip(tr("Resolve changes made both here and on the portal"));
    m_conflicts->setVisible(count > 0);
}

} // namespace tokendesk::ui
