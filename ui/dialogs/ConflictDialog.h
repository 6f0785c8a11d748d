#pragma once

#include "store/Conflict.h"
#include "store/WorkspaceEditor.h"

#include <QDialog>
#include <QList>
#include <optional>

class QButtonGroup;
class QDialogButtonBox;
class QPushButton;
class QVBoxLayout;

namespace tokendesk::ui {

class ConflictFieldRow;

// Lets the user settle one conflict: a whole version (mine, theirs, merged) or a token put
// together field by field. It writes nothing: the caller hands the outcome to the
// WorkspaceEditor (resolveConflict with wholeResolution(), else resolveConflictWith with
// chosenToken()).
class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConflictDialog(const store::Conflict &conflict, QWidget *parent = nullptr);

    const store::Conflict &conflict() const { return m_conflict; }
    // The token as chosen: theirs with each row's choice on top. For a token deleted on the
    // portal, mine (to add again); for a token deleted here, theirs.
    domain::Token chosenToken() const;
    // Set when the choice is a whole version: "Take all …", "Keep theirs", "Delete anyway",
    // or every field as theirs.
    std::optional<store::WorkspaceEditor::Resolution> wholeResolution() const;
    // Whether the chosen token passes the checks (Resolve is enabled).
    bool isResolvable() const;

private:
    enum class Kind { Fields, DeletedOnPortal, DeletedHere };

    void buildHeader(QVBoxLayout *layout);
    void buildFields(QVBoxLayout *layout);
    void buildTwoWay(QVBoxLayout *layout);
    void takeAll(store::WorkspaceEditor::Resolution resolution);
    void updateResolvable();

    store::Conflict m_conflict;
    Kind m_kind = Kind::Fields;
    QList<ConflictFieldRow *> m_rows;
    std::optional<store::WorkspaceEditor::Resolution> m_whole;
    bool m_applyingWhole = false;
    QButtonGroup *m_twoWay = nullptr; // deletions: keep theirs, or mine
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_resolveButton = nullptr;
};

} // namespace tokendesk::ui
