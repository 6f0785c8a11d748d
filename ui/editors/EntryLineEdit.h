#pragma once

#include <QLineEdit>
#include <QStringList>

class QMenu;

namespace tokendesk::ui {

// The line edit of one control entry: turns a multi-entry paste into a list of entries and
// gives the list editor its keyboard commands (Enter adds a row, Delete on an empty row
// removes it), so that the editor works without a mouse.
class EntryLineEdit : public QLineEdit
{
    Q_OBJECT

public:
    explicit EntryLineEdit(QWidget *parent = nullptr);

    // Pastes the clipboard's text: a single entry goes in at the cursor as usual, text that
    // holds several entries is announced with pastedEntries() instead.
    void pasteEntries();

Q_SIGNALS:
    // The pasted text split by validation's paste rule; always two entries or more.
    void pastedEntries(const QStringList &entries);
    void addRowRequested();
    void removeRowRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void redirectPasteAction(QMenu *menu);
};

} // namespace tokendesk::ui
