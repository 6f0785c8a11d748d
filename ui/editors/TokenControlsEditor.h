#pragma once

#include "domain/SecurityControls.h"
#include "validation/ControlKind.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace tokendesk::ui {

class ControlListEditor;

// The three security controls of one token side by side, with Save (only for a valid,
// changed set) and Revert. Saving itself is the caller's: it listens to saveRequested and
// loads what was stored with setControls.
class TokenControlsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit TokenControlsEditor(QWidget *parent = nullptr);

    // Loads a token's saved controls; Revert returns to them.
    void setControls(const domain::SecurityControls &controls);
    // The canonical entries of each list, as they would be saved.
    domain::SecurityControls controls() const;

    bool hasErrors() const;
    bool isModified() const;
    void setReadOnly(bool readOnly, const QString &why = {});
    bool isReadOnly() const { return m_readOnly; }

    ControlListEditor *editor(validation::ControlKind kind) const;

public Q_SLOTS:
    // Emits saveRequested when the controls may be saved; does nothing otherwise.
    void save();
    void revert();

Q_SIGNALS:
    void saveRequested(const tokendesk::domain::SecurityControls &controls);
    void modifiedChanged(bool modified);

private:
    void updateState();

    bool m_readOnly = false;
    bool m_modified = false;

    ControlListEditor *m_originsEditor = nullptr;
    ControlListEditor *m_urlsEditor = nullptr;
    ControlListEditor *m_ipsEditor = nullptr;
    QLabel *m_readOnlyLabel = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_revertButton = nullptr;
};

} // namespace tokendesk::ui
