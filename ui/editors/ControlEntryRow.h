#pragma once

#include "validation/ControlKind.h"
#include "validation/Finding.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QToolButton;

namespace tokendesk::ui {

class EntryLineEdit;

// One entry of a control list: its line edit, a status icon, the inline message a screen
// reader reads with the field, a one-click fix and a remove button. The row shows findings;
// it never validates (the list editor does, for the whole list at once).
class ControlEntryRow : public QWidget
{
    Q_OBJECT

public:
    explicit ControlEntryRow(validation::ControlKind kind, QWidget *parent = nullptr);

    QString text() const;
    // Replaces the text without a trace in the undo history (loading a saved list).
    void setText(const QString &text);
    // Replaces the text as an edit the user can undo (a fix, the first piece of a paste).
    void replaceText(const QString &text);

    // 1-based position, for the accessible names ("CORS origin 2").
    void setPosition(int position);
    // The findings of this entry and of the list rules that name it; none for an empty row.
    void showFindings(const validation::Findings &findings);
    void setReadOnly(bool readOnly);

    EntryLineEdit *lineEdit() const { return m_lineEdit; }
    // "Error: …", "Warning: …" or "Note: …": the severity in words, never by colour alone.
    static QString findingText(const validation::Finding &finding);
    // The row's focusable widgets, in tab order.
    QList<QWidget *> focusChain() const;

Q_SIGNALS:
    // The user changed the text (typing, undo, a fix): the list needs validating again.
    void edited();
    void pastedEntries(const QStringList &entries);
    void addRowRequested();
    void removeRowRequested();

private:
    void applyFix();
    void updateRemoveButtonName();
    QString entryName() const;

    validation::ControlKind m_kind;
    int m_position = 1;
    bool m_readOnly = false;
    QString m_fix;

    EntryLineEdit *m_lineEdit = nullptr;
    QLabel *m_statusIcon = nullptr;
    QLabel *m_messageLabel = nullptr;
    QPushButton *m_fixButton = nullptr;
    QToolButton *m_removeButton = nullptr;
};

} // namespace tokendesk::ui
