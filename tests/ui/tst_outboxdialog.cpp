// The outbox list: an empty state, one row per waiting change in plain text, and "Sync now".

#include "dialogs/OutboxDialog.h"

#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QTreeWidget>

using namespace tokendesk;
using store::OutboxEntry;

namespace {

OutboxEntry entry(qint64 seq, const char *tokenId, OutboxEntry::Operation operation,
                  OutboxEntry::State state)
{
    OutboxEntry e;
    e.seq = seq;
    e.profileId = QStringLiteral("p1");
    e.tokenId = QLatin1String(tokenId);
    e.operation = operation;
    e.state = state;
    e.createdAt = QDateTime(QDate(2024, 5, 2), QTime(10, int(seq)), Qt::UTC);
    return e;
}

} // namespace

class TestOutboxDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsAnEmptyStateWhenNothingWaits();
    void listsEachWaitingChange();
    void syncNowAsksForASync();
};

void TestOutboxDialog::showsAnEmptyStateWhenNothingWaits()
{
    ui::OutboxDialog dialog;
    QVERIFY(!dialog.isModal());
    auto *pages = dialog.findChild<QStackedWidget *>(QStringLiteral("outboxStackedWidget"));
    auto *empty = dialog.findChild<QLabel *>(QStringLiteral("outboxEmptyLabel"));
    QVERIFY(pages && empty);
    QCOMPARE(pages->currentWidget(), empty);
    QVERIFY(!empty->text().isEmpty());
}

void TestOutboxDialog::listsEachWaitingChange()
{
    OutboxEntry created =
        entry(1, "new_1", OutboxEntry::Operation::Create, OutboxEntry::State::Pending);
    created.payload = QJsonObject{{QStringLiteral("name"), QStringLiteral("New <widget>")}};
    OutboxEntry updated =
        entry(2, "tok_1", OutboxEntry::Operation::Update, OutboxEntry::State::Sent);
    updated.attempts = 2;
    updated.lastError = QStringLiteral("<b>Server</b> said no");
    OutboxEntry deleted =
        entry(3, "tok_2", OutboxEntry::Operation::Delete, OutboxEntry::State::Conflict);

    ui::OutboxDialog dialog;
    dialog.setEntries({created, updated, deleted},
                      {{QStringLiteral("tok_1"), QStringLiteral("Checkout")}});
    auto *tree = dialog.findChild<QTreeWidget *>(QStringLiteral("outboxTreeWidget"));
    QVERIFY(tree);
    QCOMPARE(
        dialog.findChild<QStackedWidget *>(QStringLiteral("outboxStackedWidget"))->currentWidget(),
        tree);
    QCOMPARE(tree->topLevelItemCount(), 3);
    QCOMPARE(tree->columnCount(), int(ui::OutboxDialog::ColumnCount));

    const QTreeWidgetItem *first = tree->topLevelItem(0);
    QCOMPARE(first->text(ui::OutboxDialog::TokenColumn), QStringLiteral("New <widget>"));
    QCOMPARE(first->text(ui::OutboxDialog::OperationColumn), QStringLiteral("create"));
    QCOMPARE(first->text(ui::OutboxDialog::StateColumn), QStringLiteral("pending"));
    QCOMPARE(first->text(ui::OutboxDialog::AttemptsColumn), QStringLiteral("0"));
    QVERIFY(!first->text(ui::OutboxDialog::WhenColumn).isEmpty());

    const QTreeWidgetItem *second = tree->topLevelItem(1);
    QCOMPARE(second->text(ui::OutboxDialog::TokenColumn), QStringLiteral("Checkout"));
    QCOMPARE(second->text(ui::OutboxDialog::OperationColumn), QStringLiteral("update"));
    QCOMPARE(second->text(ui::OutboxDialog::StateColumn), QStringLiteral("sent"));
    QCOMPARE(second->text(ui::OutboxDialog::AttemptsColumn), QStringLiteral("2"));
    QCOMPARE(second->text(ui::OutboxDialog::ErrorColumn), QStringLiteral("<b>Server</b> said no"));

    const QTreeWidgetItem *third = tree->topLevelItem(2);
    QCOMPARE(third->text(ui::OutboxDialog::TokenColumn), QStringLiteral("tok_2")); // no name known
    QCOMPARE(third->text(ui::OutboxDialog::OperationColumn), QStringLiteral("delete"));
    QCOMPARE(third->text(ui::OutboxDialog::StateColumn), QStringLiteral("conflict"));

    auto *summary = dialog.findChild<QLabel *>(QStringLiteral("outboxSummaryLabel"));
    QVERIFY(summary->text().contains(QLatin1Char('3')));
    QCOMPARE(summary->textFormat(), Qt::PlainText);

    dialog.setEntries({}, {});
    QCOMPARE(tree->topLevelItemCount(), 0);
    QCOMPARE(
        dialog.findChild<QStackedWidget *>(QStringLiteral("outboxStackedWidget"))->currentWidget(),
        dialog.findChild<QLabel *>(QStringLiteral("outboxEmptyLabel")));
}

void TestOutboxDialog::syncNowAsksForASync()
{
    ui::OutboxDialog dialog;
    QSignalSpy requested(&dialog, &ui::OutboxDialog::syncRequested);
    auto *sync = dialog.findChild<QPushButton *>(QStringLiteral("syncNowButton"));
    QVERIFY(sync);
    QVERIFY(sync->text().contains(QLatin1Char('&')));
    sync->click();
    QCOMPARE(requested.count(), 1);
    dialog.setSyncing(true);
    QVERIFY(!sync->isEnabled());
    dialog.setSyncing(false);
    QVERIFY(sync->isEnabled());
    QVERIFY(dialog.isVisible() == false);
}

QTEST_MAIN(TestOutboxDialog)
#include "tst_outboxdialog.moc"
