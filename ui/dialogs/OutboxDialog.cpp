#include "OutboxDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tokendesk::ui {

using store::OutboxEntry;

OutboxDialog::OutboxDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("outboxDialog"));
    setWindowTitle(tr("Pending Changes"));
    setModal(false);

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("outboxSummaryLabel"));
    m_summaryLabel->setTextFormat(Qt::PlainText);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("outboxTreeWidget"));
    m_tree->setAccessibleName(tr("Changes waiting for the portal"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels(
        {tr("When"), tr("Token"), tr("Operation"), tr("State"), tr("Attempts"), tr("Last error")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setStretchLastSection(true);

    m_emptyLabel = new QLabel(tr("Nothing is waiting: every change has reached the portal."), this);
    m_emptyLabel->setObjectName(QStringLiteral("outboxEmptyLabel"));
    m_emptyLabel->setTextFormat(Qt::PlainText);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("outboxStackedWidget"));
    m_pages->addWidget(m_emptyLabel);
    m_pages->addWidget(m_tree);

    auto *buttons = new QDialogButtonBox(this);
    m_syncButton = buttons->addButton(tr("&Sync Now"), QDialogButtonBox::ActionRole);
    m_syncButton->setObjectName(QStringLiteral("syncNowButton"));
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeButton"));
    close->setText(tr("C&lose"));
    connect(m_syncButton, &QPushButton::clicked, this, &OutboxDialog::syncRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_pages, 1);
    layout->addWidget(buttons);
    resize(720, 320);
    setEntries({}, {});
}

QString OutboxDialog::operationText(OutboxEntry::Operation operation)
{
    switch (operation) {
    case OutboxEntry::Operation::Create:
        return tr("create");
    case OutboxEntry::Operation::Update:
        return tr("update");
    case OutboxEntry::Operation::Delete:
        return tr("delete");
    }
    return QString();
}

QString OutboxDialog::stateText(OutboxEntry::State state)
{
    switch (state) {
    case OutboxEntry::State::Pending:
        return tr("pending");
    case OutboxEntry::State::Sent:
        return tr("sent");
    case OutboxEntry::State::Conflict:
        return tr("conflict");
    }
    return QString();
}

void OutboxDialog::setEntries(const QList<OutboxEntry> &entries,
                              const QHash<QString, QString> &tokenNames)
{
    m_tree->clear();
    int conflicts = 0;
    for (const OutboxEntry &entry : entries) {
        // A token created offline is named in its own payload.
        QString name = tokenNames.value(entry.tokenId);
        if (name.isEmpty())
            name = entry.payload.value(QStringLiteral("name")).toString();
        if (name.isEmpty())
            name = entry.tokenId;
        // QTreeWidgetItem shows text as it is: an error or name holding "<" stays literal.
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(WhenColumn,
                      QLocale().toString(entry.createdAt.toLocalTime(), QLocale::ShortFormat));
        item->setData(WhenColumn, Qt::UserRole, entry.seq);
        item->setText(TokenColumn, name);
        item->setToolTip(TokenColumn, entry.tokenId);
        item->setText(OperationColumn, operationText(entry.operation));
        item->setText(StateColumn, stateText(entry.state));
        item->setText(AttemptsColumn, QString::number(entry.attempts));
        item->setTextAlignment(AttemptsColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(ErrorColumn, entry.lastError);
        item->setToolTip(ErrorColumn, entry.lastError);
        if (entry.state == OutboxEntry::State::Conflict)
            ++conflicts;
    }
    for (int column = 0; column < ErrorColumn; ++column)
        m_tree->resizeColumnToContents(column);
    m_pages->setCurrentWidget(entries.isEmpty() ? static_cast<QWidget *>(m_emptyLabel)
                                                : static_cast<QWidget *>(m_tree));
    QString summary = tr("%n change(s) waiting for the portal.", nullptr, int(entries.size()));
    if (conflicts > 0)
        summary +=
            QLatin1Char(' ') + tr("%n waiting for you to resolve a conflict.", nullptr, conflicts);
    m_summaryLabel->setText(summary);
}

void OutboxDialog::setSyncing(bool syncing)
{
    m_syncButton->setEnabled(!syncing);
    m_syncButton->setText(syncing ? tr("Syncing…") : tr("&Sync Now"));
}

} // namespace tokendesk::ui
