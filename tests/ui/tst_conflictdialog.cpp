// The conflict dialog: a row per field in conflict, choices assembled into a token, merged
// control lists checked as they are typed, deletions offered as two choices, and the outcome
// settled through the WorkspaceEditor on a real workspace.

#include "ConflictFixture.h"

#include "dialogs/ConflictDialog.h"
#include "domain/TokenChanges.h"
#include "store/ConflictStore.h"
#include "store/Outbox.h"
#include "store/TokenStore.h"
#include "store/Workspace.h"
#include "store/WorkspaceEditor.h"
#include "sync/ThreeWayMerge.h"
#include "validation/Finding.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>

using namespace tokendesk;
using namespace tokendesk::domain;
using store::Conflict;
using store::WorkspaceEditor;
using testing::ConflictFixture;

namespace {

const QString kMyName = QStringLiteral("Mine <b>bold</b>");
const QString kTheirName = QStringLiteral("Theirs");

// Both sides renamed the token and changed its IP ranges.
Conflict handMadeConflict()
{
    Token base;
    base.id = QStringLiteral("tok_9");
    base.deploymentId = QStringLiteral("dep_1");
    base.name = QStringLiteral("Checkout");
    base.controls.ipRanges = QStringList{QStringLiteral("203.0.113.0/28")};
    base.version = 7;
    Token mine = base;
    mine.name = kMyName;
    mine.controls.ipRanges =
        QStringList{QStringLiteral("203.0.113.0/28"), QStringLiteral("198.51.100.0/24")};
    Token theirs = base;
    theirs.name = kTheirName;
    theirs.controls.ipRanges = QStringList{QStringLiteral("192.0.2.0/24")};
    theirs.version = 8;

    Conflict conflict;
    conflict.id = 3;
    conflict.profileId = QStringLiteral("p1");
    conflict.tokenId = base.id;
    conflict.base = base;
    conflict.mine = mine;
    conflict.theirs = theirs;
    conflict.merged = sync::ThreeWayMerge::merge(base, mine, theirs).merged;
    conflict.fields = QStringList{QStringLiteral("name"), QStringLiteral("controls.ip_ranges")};
    conflict.reason = QStringLiteral("Changed on both sides: <i>name</i>, controls.ip_ranges");
    conflict.createdAt = QDateTime(QDate(2024, 5, 2), QTime(10, 30), Qt::UTC);
    return conflict;
}

template <typename T> T *child(const QObject &parent, const char *name)
{
    T *found = parent.findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning("no child %s", name);
    return found;
}

} // namespace

class TestConflictDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsARowPerFieldInPlainText();
    void assemblesTheChosenFields();
    void wholeVersionsAreRememberedUntilAFieldChanges();
    void mergedListIsCheckedAsItIsTyped();
    void keyboardReachesEveryChoice();
    void tokenDeletedOnThePortalOffersKeepOrAddAgain();
    void settlesARealConflictFieldByField();
};

void TestConflictDialog::showsARowPerFieldInPlainText()
{
    const Conflict conflict = handMadeConflict();
    ui::ConflictDialog dialog(conflict);
    for (const char *prefix : {"name", "ipRanges"}) {
        for (const char *part : {"FieldLabel", "MineLabel", "TheirsLabel", "MineRadioButton",
                                 "TheirsRadioButton", "MergedRadioButton", "MessageLabel"}) {
            const QByteArray name = QByteArray(prefix) + part;
            // A single value both sides changed has no automatic merge to offer.
            const bool offered = !(QByteArray(prefix) == "name" && QByteArray(part) == "MergedRadioButton");
            QCOMPARE(bool(dialog.findChild<QWidget *>(QLatin1String(name))), offered);
        }
    }
    QVERIFY(!dialog.findChild<QWidget *>(QStringLiteral("nameMergedLabel")));
    // ...and the user's own edit stays chosen until they take theirs.
    QVERIFY(child<QRadioButton>(dialog, "nameMineRadioButton")->isChecked());
    // Only the fields in conflict (and where mine and theirs differ) get a row.
    QVERIFY(!dialog.findChild<QWidget *>(QStringLiteral("statusMineRadioButton")));
    QVERIFY(!dialog.findChild<QWidget *>(QStringLiteral("corsOriginsMineRadioButton")));
    QVERIFY(child<QPlainTextEdit>(dialog, "ipRangesMergedEdit"));

    auto *mine = child<QLabel>(dialog, "nameMineLabel");
    QCOMPARE(mine->text(), kMyName);
    QCOMPARE(mine->textFormat(), Qt::PlainText);
    QCOMPARE(child<QLabel>(dialog, "nameTheirsLabel")->text(), kTheirName);
    QCOMPARE(child<QLabel>(dialog, "ipRangesMineLabel")->text(),
             QStringLiteral("203.0.113.0/28\n198.51.100.0/24"));
    auto *reason = child<QLabel>(dialog, "reasonLabel");
    QCOMPARE(reason->text(), conflict.reason);
    QCOMPARE(reason->textFormat(), Qt::PlainText);
    QVERIFY(!child<QLabel>(dialog, "whenLabel")->text().isEmpty());
    QVERIFY(child<QLabel>(dialog, "tokenLabel")->text().contains(kTheirName));

    QCOMPARE(child<QRadioButton>(dialog, "nameMineRadioButton")->accessibleName(),
             QStringLiteral("Name: take mine"));
    QCOMPARE(child<QRadioButton>(dialog, "ipRangesTheirsRadioButton")->accessibleName(),
             QStringLiteral("IP ranges: take theirs"));
}

void TestConflictDialog::assemblesTheChosenFields()
{
    const Conflict conflict = handMadeConflict();
    ui::ConflictDialog dialog(conflict);
    child<QRadioButton>(dialog, "nameTheirsRadioButton")->click();
    child<QRadioButton>(dialog, "ipRangesMineRadioButton")->click();

    const Token chosen = dialog.chosenToken();
    QCOMPARE(chosen.name, kTheirName);
    QCOMPARE(chosen.controls.ipRanges, conflict.mine->controls.ipRanges);
    QCOMPARE(chosen.version, conflict.theirs->version);
    QCOMPARE(chosen.id, conflict.tokenId);
    QVERIFY(!dialog.wholeResolution());
    QVERIFY(dialog.isResolvable());
    QVERIFY(child<QPushButton>(dialog, "resolveButton")->isEnabled());

    child<QRadioButton>(dialog, "nameMineRadioButton")->click();
    QCOMPARE(dialog.chosenToken().name, kMyName);
    // Every field as theirs is simply their version.
    child<QRadioButton>(dialog, "nameTheirsRadioButton")->click();
    child<QRadioButton>(dialog, "ipRangesTheirsRadioButton")->click();
    QCOMPARE(dialog.wholeResolution(), std::optional(WorkspaceEditor::Resolution::Theirs));
}

void TestConflictDialog::wholeVersionsAreRememberedUntilAFieldChanges()
{
    const Conflict conflict = handMadeConflict();
    ui::ConflictDialog dialog(conflict);
    QVERIFY(child<QPushButton>(dialog, "takeAllMineButton")->text().contains(QLatin1Char('&')));
    child<QPushButton>(dialog, "takeAllMineButton")->click();
    QCOMPARE(dialog.wholeResolution(), std::optional(WorkspaceEditor::Resolution::Mine));
    QVERIFY(child<QRadioButton>(dialog, "nameMineRadioButton")->isChecked());
    QVERIFY(child<QRadioButton>(dialog, "ipRangesMineRadioButton")->isChecked());
    QCOMPARE(dialog.chosenToken().name, kMyName);

    child<QPushButton>(dialog, "useMergedButton")->click();
    QCOMPARE(dialog.wholeResolution(), std::optional(WorkspaceEditor::Resolution::Merged));
    QCOMPARE(dialog.chosenToken().controls.ipRanges, conflict.merged->controls.ipRanges);

    child<QRadioButton>(dialog, "ipRangesTheirsRadioButton")->click();
    QVERIFY(!dialog.wholeResolution());

    child<QPushButton>(dialog, "takeAllTheirsButton")->click();
    QCOMPARE(dialog.wholeResolution(), std::optional(WorkspaceEditor::Resolution::Theirs));
    QCOMPARE(dialog.chosenToken().name, kTheirName);
}

void TestConflictDialog::mergedListIsCheckedAsItIsTyped()
{
    const Conflict conflict = handMadeConflict();
    ui::ConflictDialog dialog(conflict);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *edit = child<QPlainTextEdit>(dialog, "ipRangesMergedEdit");
    auto *message = child<QLabel>(dialog, "ipRangesMessageLabel");
    auto *resolve = child<QPushButton>(dialog, "resolveButton");
    child<QRadioButton>(dialog, "ipRangesTheirsRadioButton")->click();
    QVERIFY(resolve->isEnabled());

    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, QStringLiteral("10.0.0.1/8"));
    // Typing in the list takes it.
    QVERIFY(child<QRadioButton>(dialog, "ipRangesMergedRadioButton")->isChecked());
    const QString hostBits =
        validation::Finding::fromRule("ip.host-bits-set",
                                      {QStringLiteral("8"), QStringLiteral("10.0.0.0/8")})
            .message;
    QVERIFY2(message->text().contains(hostBits), qPrintable(message->text()));
    QCOMPARE(message->textFormat(), Qt::PlainText);
    QVERIFY(message->isVisible());
    QCOMPARE(edit->accessibleDescription(), message->text());
    QVERIFY(!resolve->isEnabled());
    QVERIFY(!dialog.isResolvable());

    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, QStringLiteral("10.0.0.0/8"));
    QVERIFY2(!message->text().contains(hostBits), qPrintable(message->text()));
    QVERIFY(resolve->isEnabled());
    QCOMPARE(dialog.chosenToken().controls.ipRanges, QStringList{QStringLiteral("10.0.0.0/8")});

    // One entry per line; blank lines do not count.
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClicks(edit, QStringLiteral("192.0.2.0/24"));
    QCOMPARE(dialog.chosenToken().controls.ipRanges,
             (QStringList{QStringLiteral("10.0.0.0/8"), QStringLiteral("192.0.2.0/24")}));
}

void TestConflictDialog::keyboardReachesEveryChoice()
{
    const Conflict conflict = handMadeConflict();
    ui::ConflictDialog dialog(conflict);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    for (QRadioButton *radio : dialog.findChildren<QRadioButton *>())
        QVERIFY2(radio->focusPolicy() & Qt::TabFocus, qPrintable(radio->objectName()));
    for (const char *name : {"resolveButton", "cancelButton", "takeAllMineButton",
                             "takeAllTheirsButton", "useMergedButton"})
        QVERIFY2(child<QPushButton>(dialog, name)->text().contains(QLatin1Char('&')), name);

    // Arrows move between the choices of one field.
    auto *mine = child<QRadioButton>(dialog, "nameMineRadioButton");
    mine->setFocus();
    mine->click();
    QTest::keyClick(mine, Qt::Key_Right);
    QVERIFY(child<QRadioButton>(dialog, "nameTheirsRadioButton")->isChecked());
    QCOMPARE(dialog.chosenToken().name, kTheirName);

    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isVisible());
}

void TestConflictDialog::tokenDeletedOnThePortalOffersKeepOrAddAgain()
{
    Conflict conflict = handMadeConflict();
    conflict.theirs.reset();
    conflict.merged.reset();
    conflict.fields.clear();
    conflict.reason = QStringLiteral("The token was deleted on the portal.");
    ui::ConflictDialog dialog(conflict);
    QVERIFY(!dialog.findChild<QWidget *>(QStringLiteral("nameMineRadioButton")));
    QVERIFY(!dialog.findChild<QWidget *>(QStringLiteral("takeAllMineButton")));
    auto *keep = child<QRadioButton>(dialog, "keepTheirsRadioButton");
    auto *again = child<QRadioButton>(dialog, "addMineAgainRadioButton");
    QVERIFY(keep->isChecked());
    QCOMPARE(dialog.wholeResolution(), std::optional(WorkspaceEditor::Resolution::Theirs));
    QVERIFY(child<QLabel>(dialog, "summaryLabel")->text().contains(kMyName));
    again->click();
    QVERIFY(!dialog.wholeResolution());
    QVERIFY(dialog.chosenToken() == *conflict.mine);
    QVERIFY(child<QPushButton>(dialog, "resolveButton")->isEnabled());
}

void TestConflictDialog::settlesARealConflictFieldByField()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    store::Workspace workspace;
    QVERIFY(!workspace.open(dir.filePath(QStringLiteral("ws.sqlite"))).isError());
    const qint64 id = ConflictFixture::add(workspace);
    QVERIFY(id != 0);
    const Conflict conflict = *store::ConflictStore(workspace).find(id);

    ui::ConflictDialog dialog(conflict);
    auto *resolve = child<QPushButton>(dialog, "resolveButton");
    // The automatic merge holds six IP ranges, one over the limit.
    child<QPushButton>(dialog, "useMergedButton")->click();
    QVERIFY(!resolve->isEnabled());
    QVERIFY(!child<QLabel>(dialog, "ipRangesMessageLabel")->text().isEmpty());

    child<QRadioButton>(dialog, "nameTheirsRadioButton")->click();
    child<QRadioButton>(dialog, "ipRangesMineRadioButton")->click();
    QVERIFY(resolve->isEnabled());
    QVERIFY(!dialog.wholeResolution());
    resolve->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    WorkspaceEditor editor(workspace);
    QCOMPARE(editor.resolveConflictWith(id, dialog.chosenToken()), QString());

    const auto record = store::TokenStore(workspace).token(ConflictFixture::profileId(),
                                                           ConflictFixture::tokenId());
    QVERIFY(record);
    QCOMPARE(record->local.name, ConflictFixture::theirName());
    QCOMPARE(record->local.controls.ipRanges, conflict.mine->controls.ipRanges);
    const QList<store::OutboxEntry> queued =
        store::Outbox(workspace).entries(ConflictFixture::profileId());
    QCOMPARE(queued.size(), 1);
    QCOMPARE(queued.first().state, store::OutboxEntry::State::Pending);
    QCOMPARE(queued.first().baseVersion, conflict.theirs->version);
    const auto change = TokenChanges::fromJson(queued.first().payload);
    QVERIFY(change);
    QVERIFY(!change->name);
    QCOMPARE(change->ipRanges, std::optional<QStringList>(conflict.mine->controls.ipRanges));
    QCOMPARE(store::ConflictStore(workspace).find(id)->resolution, QStringLiteral("custom"));
}

QTEST_MAIN(TestConflictDialog)
#include "tst_conflictdialog.moc"
