#pragma once

#include "store/Conflict.h"

#include <QObject>
#include <QStringList>
#include <optional>

class QButtonGroup;
class QGridLayout;
class QLabel;
class QPlainTextEdit;
class QRadioButton;
class QWidget;

namespace tokendesk::ui {

// One field of a conflict in the conflict dialog's grid: its label, the mine, theirs and
// merged values, and the choice between them. Control lists get an editable merged list,
// checked as the user types, with the problems in words beside it.
class ConflictFieldRow : public QObject
{
    Q_OBJECT

public:
    enum class Choice { Mine, Theirs, Merged };

    // Adds its widgets to `grid` at rows `row` (values) and `row + 1` (problems).
    ConflictFieldRow(const QString &field, const store::Conflict &conflict, QGridLayout *grid,
                     int row, QWidget *parent);

    QString field() const { return m_field; }
    Choice choice() const;
    void setChoice(Choice choice);
    bool hasMerged() const { return m_mergedRadio != nullptr; }
    // Puts the automatic merge back into an edited list.
    void resetMerged();
    // The chosen value, one line per entry; nullopt for a label the chosen side lacks.
    std::optional<QStringList> value() const;
    bool hasError() const { return m_hasError; }

Q_SIGNALS:
    void changed();

private:
    void update();
    QLabel *valueLabel(const std::optional<QStringList> &value, const QString &objectName,
                       QWidget *parent) const;
    QRadioButton *choiceButton(const QString &text, const QString &accessible, Choice choice,
                               const QString &objectName, QWidget *parent);

    QString m_field;
    std::optional<QStringList> m_mine;
    std::optional<QStringList> m_theirs;
    std::optional<QStringList> m_merged;
    QButtonGroup *m_choices = nullptr;
    QRadioButton *m_mergedRadio = nullptr;
    QPlainTextEdit *m_mergedEdit = nullptr; // control lists only
    QLabel *m_messageLabel = nullptr;
    bool m_hasError = false;
};

} // namespace tokendesk::ui
