#include "NewTokenDialog.h"

#include "domain/TokenNotes.h"
#include "models/TokenChoices.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tokendesk::ui {

NewTokenDialog::NewTokenDialog(const QList<inventory::DeploymentSummary> &deployments,
                               bool allowNewDeployment, QWidget *parent)
    : QDialog(parent), m_name(new QLineEdit(this)), m_kind(new QComboBox(this)),
      m_deployment(new QComboBox(this)), m_usage(new QComboBox(this)),
      m_environment(new QComboBox(this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("newTokenDialog"));
    setWindowTitle(tr("New token"));
    m_name->setObjectName(QStringLiteral("tokenNameLineEdit"));
    m_kind->setObjectName(QStringLiteral("tokenKindCombo"));
    m_deployment->setObjectName(QStringLiteral("deploymentCombo"));
    m_usage->setObjectName(QStringLiteral("newUsageModelCombo"));
    m_environment->setObjectName(QStringLiteral("newEnvironmentCombo"));
    m_error->setObjectName(QStringLiteral("newTokenErrorLabel"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create"));

    TokenChoices::fillKinds(m_kind);
    for (const inventory::DeploymentSummary &deployment : deployments)
        m_deployment->addItem(deployment.name, deployment.deploymentId);
    m_deployment->setEditable(allowNewDeployment);
    if (m_deployment->lineEdit()) // the field a new deployment's name is typed in
        m_deployment->lineEdit()->setAccessibleName(tr("Deployment"));
    if (allowNewDeployment && deployments.isEmpty())
        m_deployment->setEditText(tr("Default"));
    TokenChoices::fillUsageModels(m_usage, false);
    TokenChoices::fillEnvironments(m_environment);

    auto *form = new QFormLayout;
    const auto row = [&](const QString &label, QWidget *widget, const QString &name) {
        auto *caption = new QLabel(label, this);
        caption->setBuddy(widget);
        widget->setAccessibleName(name);
        form->addRow(caption, widget);
    };
    row(tr("&Name:"), m_name, tr("Name"));
    row(tr("&Kind:"), m_kind, tr("Kind"));
    row(tr("&Deployment:"), m_deployment, tr("Deployment"));
    row(tr("&Usage model:"), m_usage, tr("Usage model"));
    row(tr("&Environment:"), m_environment, tr("Environment"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &NewTokenDialog::validate);
    connect(m_deployment, &QComboBox::currentTextChanged, this, &NewTokenDialog::validate);
    validate();
}

void NewTokenDialog::validate()
{
    const QString nameProblem = m_name->text().trimmed().isEmpty() ? tr("Enter a name.") : QString();
    const QString deploymentProblem =
        m_deployment->currentText().trimmed().isEmpty() ? tr("Choose a deployment.") : QString();
    const QString problem = nameProblem.isEmpty() ? deploymentProblem : nameProblem;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    m_error->setText(problem);
    // Each message is read with the field it is about.
    m_name->setAccessibleDescription(nameProblem);
    m_deployment->setAccessibleDescription(deploymentProblem);
}

domain::TokenDraft NewTokenDialog::draft() const
{
    domain::TokenDraft draft;
    draft.name = m_name->text().trimmed();
    draft.kind = domain::TokenKind(m_kind->currentData().toInt());
    if (!m_usage->currentData().toString().isEmpty())
        draft.labels.insert(domain::TokenLabels::usageModelKey(), m_usage->currentData().toString());
    if (!m_environment->currentData().toString().isEmpty())
        draft.labels.insert(domain::TokenLabels::environmentKey(), m_environment->currentData().toString());
    return draft;
}

QString NewTokenDialog::deployment() const
{
    // An existing deployment by id; a typed name (Local profile) as it was typed.
    const int index = m_deployment->findText(m_deployment->currentText());
    return index >= 0 ? m_deployment->itemData(index).toString() : m_deployment->currentText().trimmed();
}

void NewTokenDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_name->setAccessibleDescription(message);
}

} // namespace tokendesk::ui
