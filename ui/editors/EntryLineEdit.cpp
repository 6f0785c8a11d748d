#include "EntryLineEdit.h"

#include "validation/ControlValidator.h"

#include <QAction>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMenu>

namespace tokendesk::ui {

EntryLineEdit::EntryLineEdit(QWidget *parent)
    : QLineEdit(parent)
{
    setObjectName(QStringLiteral("entryLineEdit"));
}

void EntryLineEdit::pasteEntries()
{
    if (isReadOnly())
        return;
    const QString text = QGuiApplication::clipboard()->text();
    // The one paste rule of validation, so the editor splits exactly as the CLI does.
    const QStringList pieces = validation::ControlValidator::splitPastedText(text);
    if (pieces.size() > 1) {
        Q_EMIT pastedEntries(pieces);
        return;
    }
    // One entry: insert it where the cursor is (completing "https://" by a pasted host
    // must keep working), without the surrounding white space a copy often brings along.
    if (!pieces.isEmpty())
        insert(pieces.first());
}

void EntryLineEdit::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Paste) {
        pasteEntries();
        event->accept();
        return;
    }
    const int key = event->key();
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if ((key == Qt::Key_Return || key == Qt::Key_Enter) && modifiers == Qt::NoModifier) {
        // Accepted here so that Enter never reaches a dialog's default button by accident.
        if (!isReadOnly())
            Q_EMIT addRowRequested();
        event->accept();
        return;
    }
    const bool deleteKey = key == Qt::Key_Delete && modifiers == Qt::NoModifier;
    const bool ctrlBackspace = key == Qt::Key_Backspace && modifiers == Qt::ControlModifier;
    // Plain Backspace is left alone: held down, it would otherwise eat row after row.
    if ((deleteKey || ctrlBackspace) && text().isEmpty() && !isReadOnly()) {
        Q_EMIT removeRowRequested();
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

void EntryLineEdit::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createStandardContextMenu();
    redirectPasteAction(menu);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
    event->accept();
}

void EntryLineEdit::redirectPasteAction(QMenu *menu)
{
    // QLineEdit::paste() is not virtual, so the menu's paste action is rewired to the
    // splitting paste. Qt connects it by name, which a pointer-to-member disconnect cannot
    // match; the action is recognised by Qt's own (translated) text instead.
    const QString pasteText = QCoreApplication::translate("QLineEdit", "&Paste");
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        if (!action->text().startsWith(pasteText))
            continue;
        disconnect(action, &QAction::triggered, this, nullptr);
        connect(action, &QAction::triggered, this, &EntryLineEdit::pasteEntries);
    }
}

} // namespace tokendesk::ui
