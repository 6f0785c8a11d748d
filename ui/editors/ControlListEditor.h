#pragma once

#include "validation/ControlKind.h"
#include "validation/ListResult.h"

#include <QStringList>
#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace tokendesk::ui {

class ControlEntryRow;

// Edits one control list of a token (CORS origins, permitted URLs or IPs), validating the
// whole list live through ControlValidator and showing each finding where it applies.
class ControlListEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ControlListEditor(validation::ControlKind kind, QWidget *parent = nullptr);

    validation::ControlKind kind() const { return m_kind; }

    // Loads a saved list; it becomes what revert() restores and isModified() compares with.
    void setEntries(const QStringList &entries);
    // The trimmed texts of the non-empty rows, as typed.
    QStringList entries() const;
    // What would be saved: the canonical forms of the valid entries.
    QStringList canonicalEntries() const;
    validation::ListResult result() const { return m_result; }

    bool hasErrors() const;
    bool isModified() const;
    void revert();
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    // index counts non-empty entries, as Finding::entries and the saved list do.
    void focusEntry(int index);

Q_SIGNALS:
    // After any change of the rows, once the list has been validated again.
    void changed();

private:
    ControlEntryRow *insertRow(int position, const QString &text);
    void removeRow(ControlEntryRow *row);
    void clearRows();
    void addRow();
    void addRowAfter(ControlEntryRow *row);
    void pasteEntries(ControlEntryRow *row, const QStringList &pieces);
    void revalidate();
    void updateRowPositions();
    void updateTabOrder();
    void updateCount();

    validation::ControlKind m_kind;
    QStringList m_original;
    validation::ListResult m_result;
    bool m_readOnly = false;

    QList<ControlEntryRow *> m_rows;
    // m_rowEntry[i]: the entry index of row i in m_result, -1 for an empty row.
    QList<int> m_rowEntry;

    QLabel *m_titleLabel = nullptr;
    QLabel *m_hintLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QPushButton *m_addButton = nullptr;
    QVBoxLayout *m_rowsLayout = nullptr;
    QLabel *m_listMessageLabel = nullptr;
};

} // namespace tokendesk::ui
