#pragma once

#include "domain/TokenDraft.h"
#include "inventory/DeploymentSummary.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace tokendesk::ui {

// A new token: name, kind, deployment, usage model and environment. Controls are edited
// afterwards in the detail pane, where they are validated as they are typed.
class NewTokenDialog : public QDialog
{
    Q_OBJECT

public:
    // allowNewDeployment: the Local profile creates deployments by name.
    NewTokenDialog(const QList<inventory::DeploymentSummary> &deployments, bool allowNewDeployment,
                   QWidget *parent = nullptr);

    domain::TokenDraft draft() const;
    QString deployment() const; // an id, or a new name
    void showError(const QString &message);

private:
    void validate();

    QLineEdit *m_name;
    QComboBox *m_kind;
    QComboBox *m_deployment;
    QComboBox *m_usage;
    QComboBox *m_environment;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace tokendesk::ui
