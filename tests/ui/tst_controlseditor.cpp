// The control editors driven as a user would: typing, pasting, Enter, Fix, Save, Revert,
// read-only. Expected messages come from the rule catalogue, so the test follows the rules'
// wording and checks that the editor shows validation's verdict, not its own.

#include "editors/ControlListEditor.h"
#include "editors/TokenControlsEditor.h"
#include "validation/Finding.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <memory>

using tokendesk::domain::SecurityControls;
using tokendesk::ui::ControlListEditor;
using tokendesk::ui::TokenControlsEditor;
using tokendesk::validation::ControlKind;
using tokendesk::validation::Finding;

Q_DECLARE_METATYPE(tokendesk::domain::SecurityControls)

namespace {

QString ruleMessage(const char *rule, const QStringList &arguments = {})
{
    return Finding::fromRule(rule, arguments).message;
}

// A row's position in the list's rows layout: findChildren() gives creation order, which is
// not the order shown once rows are inserted in the middle.
int rowPosition(ControlListEditor *list, QWidget *row)
{
    QLayout *top = list->layout();
    for (int i = 0; i < top->count(); ++i) {
        if (QLayout *rows = top->itemAt(i)->layout()) {
            const int index = rows->indexOf(row);
            if (index >= 0)
                return index;
        }
    }
    return -1;
}

} // namespace

class TestControlsEditor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TokenControlsEditor> m_editor;

    ControlListEditor *list(const char *objectName) const
    {
        return m_editor->findChild<ControlListEditor *>(QLatin1String(objectName));
    }
    ControlListEditor *origins() const { return list("originsListEdit"); }
    ControlListEditor *urls() const { return list("urlsListEdit"); }
    ControlListEditor *ips() const { return list("ipsListEdit"); }
    QPushButton *saveButton() const
    {
        return m_editor->findChild<QPushButton *>(QStringLiteral("saveButton"));
    }
    QPushButton *revertButton() const
    {
        return m_editor->findChild<QPushButton *>(QStringLiteral("revertButton"));
    }

    // The entry line edits in the order shown.
    static QList<QLineEdit *> lineEdits(ControlListEditor *list)
    {
        QList<QLineEdit *> result =
            list->findChildren<QLineEdit *>(QStringLiteral("entryLineEdit"));
        std::sort(result.begin(), result.end(), [list](QLineEdit *a, QLineEdit *b) {
            return rowPosition(list, a->parentWidget()) < rowPosition(list, b->parentWidget());
        });
        return result;
    }
    template <typename T> static T *inRow(QLineEdit *lineEdit, const char *objectName)
    {
        return lineEdit->parentWidget()->findChild<T *>(QLatin1String(objectName));
    }
    static QString message(QLineEdit *lineEdit)
    {
        return inRow<QLabel>(lineEdit, "messageLabel")->text();
    }
    static QString status(QLineEdit *lineEdit)
    {
        return inRow<QLabel>(lineEdit, "statusIconLabel")->accessibleName();
    }
    static QAbstractButton *fixButton(QLineEdit *lineEdit)
    {
        return inRow<QAbstractButton>(lineEdit, "fixButton");
    }
    static QString countText(ControlListEditor *list)
    {
        return list->findChild<QLabel *>(QStringLiteral("countLabel"))->text();
    }
    static QString listMessage(ControlListEditor *list)
    {
        return list->findChild<QLabel *>(QStringLiteral("listMessageLabel"))->text();
    }

    // Adds a row with the Add button and types into it, as a user would.
    static QLineEdit *addAndType(ControlListEditor *list, const QString &text)
    {
        QTest::mouseClick(list->findChild<QPushButton *>(QStringLiteral("addButton")),
                          Qt::LeftButton);
        QLineEdit *lineEdit = lineEdits(list).last();
        QTest::keyClicks(lineEdit, text);
        return lineEdit;
    }

private Q_SLOTS:
    void init()
    {
        m_editor = std::make_unique<TokenControlsEditor>();
        m_editor->resize(640, 720);
        m_editor->show();
        m_editor->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
        QVERIFY(origins());
        QVERIFY(urls());
        QVERIFY(ips());
        QVERIFY(saveButton());
        QVERIFY(revertButton());
        QVERIFY(!saveButton()->isEnabled());
    }

    void cleanup()
    {
        m_editor.reset();
        QApplication::clipboard()->clear();
    }

    void trailingSlashIsANoteAndSaves()
    {
        QLineEdit *lineEdit = addAndType(origins(), QStringLiteral("https://example.com/"));
        QVERIFY(message(lineEdit).contains(ruleMessage("origin.trailing-slash")));
        QVERIFY(!message(lineEdit).contains(QStringLiteral("Error")));
        QCOMPARE(status(lineEdit), QStringLiteral("OK"));
        QVERIFY(!origins()->hasErrors());
        QVERIFY(saveButton()->isEnabled());
        QCOMPARE(m_editor->controls().corsOrigins,
                 QStringList{QStringLiteral("https://example.com")});
        QCOMPARE(origins()->entries(), QStringList{QStringLiteral("https://example.com/")});
    }

    void originWithAPathIsAnErrorWithAFix()
    {
        QLineEdit *lineEdit = addAndType(origins(), QStringLiteral("https://example.com/path"));
        const QString text = message(lineEdit);
        QVERIFY2(text.contains(ruleMessage("origin.has-path", {QStringLiteral("/path")})),
                 qPrintable(text));
        QVERIFY(text.startsWith(QStringLiteral("Error: ")));
        QCOMPARE(lineEdit->accessibleDescription(), text);
        QCOMPARE(status(lineEdit), QStringLiteral("Error"));
        QVERIFY(origins()->hasErrors());
        QVERIFY(!saveButton()->isEnabled());
        QCOMPARE(saveButton()->toolTip(), QStringLiteral("Fix the errors first"));

        QAbstractButton *fix = fixButton(lineEdit);
        QVERIFY(fix->isVisible());
        QVERIFY(fix->text().contains(QStringLiteral("https://example.com")));
        QTest::mouseClick(fix, Qt::LeftButton);
        QCOMPARE(lineEdit->text(), QStringLiteral("https://example.com"));
        QVERIFY(!fix->isVisible());
        QCOMPARE(status(lineEdit), QStringLiteral("OK"));
        QVERIFY(lineEdit->accessibleDescription().isEmpty());
        QVERIFY(saveButton()->isEnabled());

        // The fix is an ordinary edit: undo brings the typed text back, and its error.
        QTest::keyClick(lineEdit, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(lineEdit->text(), QStringLiteral("https://example.com/path"));
        QVERIFY(!saveButton()->isEnabled());
    }

    void hostBitsGetTheNetworkAsFix()
    {
        QLineEdit *lineEdit = addAndType(ips(), QStringLiteral("10.0.0.1/8"));
        QVERIFY2(message(lineEdit).contains(ruleMessage(
                     "ip.host-bits-set", {QStringLiteral("8"), QStringLiteral("10.0.0.0/8")})),
                 qPrintable(message(lineEdit)));
        QCOMPARE(status(lineEdit), QStringLiteral("Error"));
        QVERIFY(!saveButton()->isEnabled());
        QAbstractButton *fix = fixButton(lineEdit);
        QVERIFY(fix->isVisible());
        fix->click();
        QCOMPARE(lineEdit->text(), QStringLiteral("10.0.0.0/8"));
        // Private and broad: warnings, shown, but they do not block saving.
        QCOMPARE(status(lineEdit), QStringLiteral("Warning"));
        QVERIFY(
            message(lineEdit).contains(ruleMessage("ip.private", {QStringLiteral("10.0.0.0/8")})));
        QVERIFY(saveButton()->isEnabled());
    }

    void pasteSplitsIntoRows()
    {
        QLineEdit *first = addAndType(urls(), QStringLiteral("typed.example.com"));
        QApplication::clipboard()->setText(
            QStringLiteral("a.example.com, b.example.com\nc.example.com"));
        QTest::keyClick(first, Qt::Key_V, Qt::ControlModifier);

        const QList<QLineEdit *> rows = lineEdits(urls());
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0)->text(), QStringLiteral("a.example.com"));
        QCOMPARE(rows.at(1)->text(), QStringLiteral("b.example.com"));
        QCOMPARE(rows.at(2)->text(), QStringLiteral("c.example.com"));
        QCOMPARE(countText(urls()), QStringLiteral("3 / 5"));
        QCOMPARE(rows.at(1)->accessibleName(), QStringLiteral("Permitted URL 2"));
        QCOMPARE(QApplication::focusWidget(), rows.at(2));
        QVERIFY(saveButton()->isEnabled());
        // The replaced text of the first row comes back with undo.
        QTest::keyClick(rows.at(0), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(rows.at(0)->text(), QStringLiteral("typed.example.com"));
    }

    void pasteAfterTheSecondRowInsertsBelowIt()
    {
        m_editor->setControls(
            {{}, {}, {QStringLiteral("203.0.113.1"), QStringLiteral("203.0.113.9")}});
        QApplication::clipboard()->setText(QStringLiteral("198.51.100.1;198.51.100.2"));
        QTest::keyClick(lineEdits(ips()).at(0), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(ips()->entries(),
                 (QStringList{QStringLiteral("198.51.100.1"), QStringLiteral("198.51.100.2"),
                              QStringLiteral("203.0.113.9")}));
    }

    void aSingleEntryPastesAtTheCursor()
    {
        QLineEdit *lineEdit = addAndType(origins(), QStringLiteral("https://"));
        QApplication::clipboard()->setText(QStringLiteral("  example.com\n"));
        QTest::keyClick(lineEdit, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(lineEdits(origins()).size(), 1);
        QCOMPARE(lineEdit->text(), QStringLiteral("https://example.com"));
    }

    void contextMenuPasteSplitsToo()
    {
        QLineEdit *lineEdit = addAndType(origins(), QString());
        QApplication::clipboard()->setText(
            QStringLiteral("https://a.example.com https://b.example.com"));
        QContextMenuEvent event(QContextMenuEvent::Keyboard, QPoint(5, 5),
                                lineEdit->mapToGlobal(QPoint(5, 5)));
        QApplication::sendEvent(lineEdit, &event);
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        QAction *paste = nullptr;
        const QList<QAction *> actions = menu->actions();
        for (QAction *action : actions) {
            if (action->text().remove(QLatin1Char('&')).startsWith(QStringLiteral("Paste")))
                paste = action;
        }
        QVERIFY(paste);
        paste->trigger();
        menu->close();
        QCOMPARE(origins()->entries(), (QStringList{QStringLiteral("https://a.example.com"),
                                                    QStringLiteral("https://b.example.com")}));
    }

    void sixEntriesAreOverTheLimit()
    {
        m_editor->setControls({{},
                               {},
                               {QStringLiteral("203.0.113.1"), QStringLiteral("203.0.113.2"),
                                QStringLiteral("203.0.113.3"), QStringLiteral("203.0.113.4"),
                                QStringLiteral("203.0.113.5")}});
        QCOMPARE(countText(ips()), QStringLiteral("5 / 5"));
        QVERIFY(listMessage(ips()).isEmpty());

        // Add stays available beyond the limit: the sixth entry is typed, then flagged.
        QLineEdit *sixth = addAndType(ips(), QStringLiteral("203.0.113.6"));
        QVERIFY(countText(ips()).startsWith(QStringLiteral("6 / 5")));
        QVERIFY(countText(ips()) != QStringLiteral("6 / 5")); // says it in words too
        const QString tooMany =
            ruleMessage("list.too-many", {QStringLiteral("6"), QStringLiteral("5")});
        QVERIFY2(listMessage(ips()).contains(tooMany), qPrintable(listMessage(ips())));
        QVERIFY(message(sixth).contains(tooMany));
        QVERIFY(!message(lineEdits(ips()).first()).contains(tooMany));
        QVERIFY(ips()->hasErrors());
        QVERIFY(!saveButton()->isEnabled());
        QCOMPARE(saveButton()->toolTip(), QStringLiteral("Fix the errors first"));

        // Removing one with its button brings the list back within the limit.
        auto *remove = inRow<QAbstractButton>(sixth, "removeButton");
        QCOMPARE(remove->accessibleName(), QStringLiteral("Remove 203.0.113.6"));
        remove->click();
        QCOMPARE(lineEdits(ips()).size(), 5);
        QCOMPARE(countText(ips()), QStringLiteral("5 / 5"));
        QVERIFY(listMessage(ips()).isEmpty());
        QVERIFY(!saveButton()->isEnabled()); // back to the saved list
        QCOMPARE(saveButton()->toolTip(), QStringLiteral("Nothing changed"));
    }

    void duplicatesAreMarkedOnBothRows()
    {
        QLineEdit *first = addAndType(origins(), QStringLiteral("https://a.example.com"));
        QLineEdit *second = addAndType(origins(), QStringLiteral("https://A.example.com/"));
        const QString duplicate =
            ruleMessage("list.duplicate", {QStringLiteral("1"), QStringLiteral("2"),
                                           QStringLiteral("https://a.example.com")});
        QVERIFY2(message(first).contains(duplicate), qPrintable(message(first)));
        QVERIFY(message(second).contains(duplicate));
        QCOMPARE(status(first), QStringLiteral("Error"));
        QCOMPARE(status(second), QStringLiteral("Error"));
        QVERIFY(listMessage(origins()).contains(duplicate));
        QVERIFY(!saveButton()->isEnabled());
    }

    void redundantIpsAreWarnings()
    {
        QLineEdit *wide = addAndType(ips(), QStringLiteral("10.0.0.0/8"));
        QLineEdit *narrow = addAndType(ips(), QStringLiteral("10.1.0.0/16"));
        const QString redundant =
            ruleMessage("list.redundant", {QStringLiteral("2"), QStringLiteral("10.1.0.0/16"),
                                           QStringLiteral("1"), QStringLiteral("10.0.0.0/8")});
        QVERIFY2(message(narrow).contains(redundant), qPrintable(message(narrow)));
        QVERIFY(message(wide).contains(redundant));
        QCOMPARE(status(narrow), QStringLiteral("Warning"));
        QCOMPARE(status(wide), QStringLiteral("Warning"));
        QVERIFY(!ips()->hasErrors());
        QVERIFY(saveButton()->isEnabled());
    }

    void revertRestoresTheSavedLists()
    {
        const SecurityControls saved{
            {QStringLiteral("https://app.example.com")}, {QStringLiteral("www.example.com")}, {}};
        m_editor->setControls(saved);
        QSignalSpy modified(m_editor.get(), &TokenControlsEditor::modifiedChanged);
        QVERIFY(!m_editor->isModified());
        QVERIFY(!revertButton()->isEnabled());

        QLineEdit *lineEdit = lineEdits(origins()).first();
        QTest::keyClicks(lineEdit, QStringLiteral(":8443"));
        addAndType(ips(), QStringLiteral("203.0.113.7"));
        QVERIFY(m_editor->isModified());
        QVERIFY(saveButton()->isEnabled());
        QCOMPARE(modified.size(), 1);
        QCOMPARE(modified.first().first().toBool(), true);

        QTest::mouseClick(revertButton(), Qt::LeftButton);
        QCOMPARE(origins()->entries(), saved.corsOrigins);
        QCOMPARE(ips()->entries(), QStringList());
        QCOMPARE(lineEdits(ips()).size(), 0);
        QCOMPARE(m_editor->controls(), saved);
        QVERIFY(!m_editor->isModified());
        QVERIFY(!saveButton()->isEnabled());
        QVERIFY(!revertButton()->isEnabled());
        QCOMPARE(modified.size(), 2);
        QCOMPARE(modified.last().first().toBool(), false);
    }

    void readOnlyBlocksEditing()
    {
        m_editor->setControls({{QStringLiteral("https://example.com/path")}, {}, {}});
        QLineEdit *lineEdit = lineEdits(origins()).first();
        QAbstractButton *fix = fixButton(lineEdit);
        QVERIFY(fix->isVisible());
        QVERIFY(fix->isEnabled());

        m_editor->setReadOnly(true, QStringLiteral("Your role may only read this token."));
        auto *why = m_editor->findChild<QLabel *>(QStringLiteral("readOnlyLabel"));
        QVERIFY(why->isVisible());
        QCOMPARE(why->text(), QStringLiteral("Your role may only read this token."));
        QVERIFY(lineEdit->isReadOnly());
        QVERIFY(!fix->isEnabled());
        QVERIFY(!inRow<QAbstractButton>(lineEdit, "removeButton")->isEnabled());
        QVERIFY(!origins()->findChild<QPushButton *>(QStringLiteral("addButton"))->isEnabled());
        QVERIFY(!saveButton()->isEnabled());
        QVERIFY(!revertButton()->isEnabled());

        QTest::keyClicks(lineEdit, QStringLiteral("x"));
        QTest::keyClick(lineEdit, Qt::Key_Return);
        fix->click();
        QCOMPARE(lineEdit->text(), QStringLiteral("https://example.com/path"));
        QCOMPARE(lineEdits(origins()).size(), 1);
        QVERIFY(!m_editor->isModified());

        m_editor->setReadOnly(false);
        QVERIFY(!why->isVisible());
        QVERIFY(!lineEdit->isReadOnly());
        QVERIFY(fix->isEnabled());
    }

    void ctrlSSavesTheCanonicalControls()
    {
        QSignalSpy saved(m_editor.get(), &TokenControlsEditor::saveRequested);
        QLineEdit *origin = addAndType(origins(), QStringLiteral("HTTPS://App.Example.com:443/"));
        addAndType(urls(), QStringLiteral("https://www.example.com/shop/"));
        QLineEdit *ip = addAndType(ips(), QStringLiteral("203.0.113.7/32"));

        QTest::keyClick(ip, Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(saved.size(), 1);
        const auto controls = saved.first().first().value<SecurityControls>();
        QCOMPARE(controls.corsOrigins, QStringList{QStringLiteral("https://app.example.com")});
        QCOMPARE(controls.permittedUrls,
                 QStringList{QStringLiteral("https://www.example.com/shop/")});
        QCOMPARE(controls.ipRanges, QStringList{QStringLiteral("203.0.113.7")});

        // With an error, Ctrl+S does nothing.
        QTest::keyClicks(origin, QStringLiteral("/path"));
        QVERIFY(!saveButton()->isEnabled());
        QTest::keyClick(origin, Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(saved.size(), 1);
    }

    void enterAddsARowAndMovesThere()
    {
        QLineEdit *first = addAndType(origins(), QStringLiteral("https://a.example.com"));
        QCOMPARE(QApplication::focusWidget(), first);
        QTest::keyClick(first, Qt::Key_Return);
        QList<QLineEdit *> rows = lineEdits(origins());
        QCOMPARE(rows.size(), 2);
        QCOMPARE(QApplication::focusWidget(), rows.at(1));
        QCOMPARE(rows.at(1)->accessibleName(), QStringLiteral("CORS origin 2"));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("https://b.example.com"));

        // Enter in the first row again: the new row goes between the two.
        QTest::keyClick(first, Qt::Key_Return);
        rows = lineEdits(origins());
        QCOMPARE(rows.size(), 3);
        QCOMPARE(QApplication::focusWidget(), rows.at(1));
        QCOMPARE(rows.at(2)->text(), QStringLiteral("https://b.example.com"));
        QCOMPARE(rows.at(2)->accessibleName(), QStringLiteral("CORS origin 3"));
        // Enter in an empty row adds no more empty rows.
        QTest::keyClick(rows.at(1), Qt::Key_Return);
        QCOMPARE(lineEdits(origins()).size(), 3);
        QCOMPARE(countText(origins()), QStringLiteral("2 / 5"));

        // Tab follows the rows as shown, also for the row inserted in the middle.
        first->setFocus();
        QTest::keyClick(first, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), inRow<QWidget>(first, "removeButton"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), rows.at(1));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), rows.at(2));

        // Delete in the empty middle row removes it; focus goes to the row before.
        rows.at(1)->setFocus();
        QTest::keyClick(rows.at(1), Qt::Key_Delete);
        rows = lineEdits(origins());
        QCOMPARE(rows.size(), 2);
        QCOMPARE(QApplication::focusWidget(), rows.at(0));
        QCOMPARE(rows.at(1)->accessibleName(), QStringLiteral("CORS origin 2"));
        // Delete in a row with text edits the text, as always.
        QTest::keyClick(rows.at(1), Qt::Key_Home);
        QTest::keyClick(rows.at(1), Qt::Key_Delete);
        QCOMPARE(rows.at(1)->text(), QStringLiteral("ttps://b.example.com"));
        QCOMPARE(lineEdits(origins()).size(), 2);
    }

    // An empty list once left its title without a buddy: "Permitted &URLs" on screen and
    // in the accessible name.
    void titlesKeepTheirMnemonicWithAndWithoutRows()
    {
        m_editor->setControls({{QStringLiteral("https://app.example.com")}, {}, {}});
        for (ControlListEditor *list : {origins(), urls(), ips()}) {
            auto *title = list->findChild<QLabel *>(QStringLiteral("titleLabel"));
            QVERIFY(title);
            QVERIFY2(title->buddy(), qPrintable(title->text()));
        }
        QCOMPARE(origins()->findChild<QLabel *>(QStringLiteral("titleLabel"))->buddy(),
                 static_cast<QWidget *>(lineEdits(origins()).first()));
        QCOMPARE(
            urls()->findChild<QLabel *>(QStringLiteral("titleLabel"))->buddy(),
            static_cast<QWidget *>(urls()->findChild<QPushButton *>(QStringLiteral("addButton"))));
    }

    void focusEntryCountsNonEmptyEntries()
    {
        m_editor->setControls(
            {{}, {}, {QStringLiteral("203.0.113.1"), QString(), QStringLiteral("203.0.113.3")}});
        const QList<QLineEdit *> rows = lineEdits(ips());
        QCOMPARE(rows.size(), 3);
        QCOMPARE(ips()->entries(),
                 (QStringList{QStringLiteral("203.0.113.1"), QStringLiteral("203.0.113.3")}));
        ips()->focusEntry(1);
        QCOMPARE(QApplication::focusWidget(), rows.at(2));
    }
};

QTEST_MAIN(TestControlsEditor)
#include "tst_controlseditor.moc"
