#pragma once

#include "domain/PortalIdentity.h"
#include "review/TokenReview.h"
#include "store/TokenRecord.h"
#include "validation/ControlKind.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QToolButton;
class QAction;

namespace tokendesk::store {
class Workspace;
}

namespace tokendesk::ui {

class TokenControlsEditor;

// Everything about the selected token: identity, masked value (reveal and copy act through
// the window's commands), dates, licences, labels, review findings, the three control
// editors and the token's activity. Server strings are shown as plain text.
class TokenDetailPane : public QWidget
{
    Q_OBJECT

public:
    explicit TokenDetailPane(QWidget *parent = nullptr);

    void setRevealActions(QAction *reveal, QAction *copy);
    // Shows a token (none: the empty state). Unsaved control edits of the same token are kept.
    void showToken(store::Workspace &workspace, const std::optional<store::TokenRecord> &record);
    void setReadOnly(bool readOnly, const QString &why);
    // A value revealed by the portal, shown until hideValue() (the window's timer).
    void showValue(const QString &value);
    void hideValue();
    bool isShowingValue() const { return m_valueShown; }
    bool hasUnsavedEdits() const;
    QString profileId() const;
    QString tokenId() const;
    TokenControlsEditor *controlsEditor() const { return m_controls; }
    // Takes the keyboard to a control (and entry) a finding concerns.
    void focusControl(validation::ControlKind kind, int entry = -1);

Q_SIGNALS:
    void saveControlsRequested(const QString &profileId, const QString &tokenId,
                               const tokendesk::domain::SecurityControls &controls);
    void labelChangeRequested(const QString &profileId, const QString &tokenId, const QString &key,
                              const QString &value);

private:
    QWidget *createIdentitySection();
    QWidget *createLabelsSection();
    void showFindings(const review::TokenReview &review);
    void showActivity(store::Workspace &workspace);
    void showLicenses(store::Workspace &workspace);
    void onFindingActivated(QListWidgetItem *item);
    static QLabel *valueLabel(const QString &objectName, QWidget *parent);

    std::optional<store::TokenRecord> m_record;
    QLabel *m_title;
    QLabel *m_emptyLabel;
    QWidget *m_content;
    QLabel *m_readOnlyLabel;
    QLabel *m_idLabel = nullptr;
    QLabel *m_kindLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_deploymentLabel = nullptr;
    QLabel *m_valueLabel = nullptr;
    QToolButton *m_revealButton = nullptr;
    QToolButton *m_copyButton = nullptr;
    QLabel *m_createdLabel = nullptr;
    QLabel *m_rotatedLabel = nullptr;
    QLabel *m_dueLabel = nullptr;
    QLabel *m_updatedLabel = nullptr;
    QLabel *m_licensesLabel = nullptr;
    QLabel *m_gradeLabel = nullptr;
    QComboBox *m_usage = nullptr;
    QComboBox *m_environment = nullptr;
    QListWidget *m_findings;
    TokenControlsEditor *m_controls;
    QListWidget *m_activity;
    QLabel *m_staleLabel;
    domain::SecurityControls m_shownControls; // what the editor started from
    bool m_valueShown = false;
    bool m_readOnly = false;
};

} // namespace tokendesk::ui
