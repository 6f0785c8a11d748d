#include "TokenDetailPane.h"

#include "editors/ControlListEditor.h"
#include "editors/TokenControlsEditor.h"
#include "models/TokenChoices.h"
#include "models/TokenTableModel.h"
#include "review/TokenReviewer.h"
#include "store/Journal.h"
#include "store/TokenStore.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>

namespace tokendesk::ui {

using validation::ControlKind;

namespace {

constexpr int kControlRole = Qt::UserRole + 1;
constexpr int kEntryRole = Qt::UserRole + 2;

QString dateText(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : QCoreApplication::translate("tokendesk::ui::TokenDetailPane", "Unknown");
}

QString severityText(review::ReviewSeverity severity)
{
    switch (severity) {
    case review::ReviewSeverity::Low:
        return TokenDetailPane::tr("Low");
    case review::ReviewSeverity::Medium:
        return TokenDetailPane::tr("Medium");
    case review::ReviewSeverity::High:
        return TokenDetailPane::tr("High");
    case review::ReviewSeverity::Critical:
        return TokenDetailPane::tr("Critical");
    }
    return {};
}

QString controlName(ControlKind kind)
{
    switch (kind) {
    case ControlKind::Origin:
        return TokenDetailPane::tr("CORS origins");
    case ControlKind::Url:
        return TokenDetailPane::tr("Permitted URLs");
    case ControlKind::Ip:
        return TokenDetailPane::tr("IPs");
    }
    return {};
}

} // namespace

TokenDetailPane::TokenDetailPane(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_emptyLabel(new QLabel(this)),
      m_content(new QWidget(this)), m_readOnlyLabel(new QLabel(this)),
      m_findings(new QListWidget(this)), m_controls(new TokenControlsEditor(this)),
      m_activity(new QListWidget(this)), m_staleLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("tokenDetailPane"));
    m_title->setObjectName(QStringLiteral("tokenNameLabel"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_emptyLabel->setObjectName(QStringLiteral("noTokenLabel"));
    m_emptyLabel->setText(tr("Select a token to see its details, review findings and controls."));
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);

    m_readOnlyLabel->setObjectName(QStringLiteral("readOnlyNoticeLabel"));
    m_readOnlyLabel->setWordWrap(true);
    m_readOnlyLabel->setTextFormat(Qt::PlainText);
    m_readOnlyLabel->hide();

    m_findings->setObjectName(QStringLiteral("findingsListWidget"));
    m_findings->setAccessibleName(tr("Review findings"));
    m_findings->setWordWrap(true);
    m_findings->setMaximumHeight(150);
    connect(m_findings, &QListWidget::itemActivated, this, &TokenDetailPane::onFindingActivated);

    m_activity->setObjectName(QStringLiteral("activityListWidget"));
    m_activity->setAccessibleName(tr("Activity"));
    m_activity->setWordWrap(true);
    m_activity->setMaximumHeight(140);

    connect(m_controls, &TokenControlsEditor::saveRequested, this,
            [this](const domain::SecurityControls &controls) {
                if (m_record)
                    Q_EMIT saveControlsRequested(m_record->profileId, m_record->local.id, controls);
            });

    auto *findingsBox = new QGroupBox(tr("Review"), m_content);
    auto *findingsLayout = new QVBoxLayout(findingsBox);
    m_gradeLabel = valueLabel(QStringLiteral("gradeLabel"), findingsBox);
    findingsLayout->addWidget(m_gradeLabel);
    findingsLayout->addWidget(m_findings);

    m_staleLabel->setObjectName(QStringLiteral("staleEditsLabel"));
    m_staleLabel->setWordWrap(true);
    m_staleLabel->setTextFormat(Qt::PlainText);
    m_staleLabel->hide();
    // Revert after a newer version arrived shows the newer controls, not the ones edited.
    connect(m_controls, &TokenControlsEditor::modifiedChanged, this, [this](bool modified) {
        if (modified || !m_record || m_shownControls == m_record->local.controls)
            return;
        m_shownControls = m_record->local.controls;
        m_controls->setControls(m_shownControls);
        m_staleLabel->hide();
    });

    auto *controlsBox = new QGroupBox(tr("Controls"), m_content);
    auto *controlsLayout = new QVBoxLayout(controlsBox);
    controlsLayout->addWidget(m_staleLabel);
    controlsLayout->addWidget(m_controls);

    auto *activityBox = new QGroupBox(tr("Activity"), m_content);
    auto *activityLayout = new QVBoxLayout(activityBox);
    activityLayout->addWidget(m_activity);

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_title);
    contentLayout->addWidget(m_readOnlyLabel);
    contentLayout->addWidget(createIdentitySection());
    contentLayout->addWidget(createLabelsSection());
    contentLayout->addWidget(findingsBox);
    contentLayout->addWidget(controlsBox);
    contentLayout->addWidget(activityBox);
    contentLayout->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_content);
    m_content->hide();
}

QLabel *TokenDetailPane::valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // portal strings may contain markup characters
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}

QWidget *TokenDetailPane::createIdentitySection()
{
    auto *box = new QGroupBox(tr("Token"), m_content);
    auto *form = new QFormLayout(box);
    m_idLabel = valueLabel(QStringLiteral("tokenIdLabel"), box);
    m_kindLabel = valueLabel(QStringLiteral("tokenKindLabel"), box);
    m_statusLabel = valueLabel(QStringLiteral("tokenStatusLabel"), box);
    m_deploymentLabel = valueLabel(QStringLiteral("deploymentLabel"), box);
    m_valueLabel = valueLabel(QStringLiteral("maskedValueLabel"), box);
    m_valueLabel->setWordWrap(false);
    // Copying goes through the Copy command and its self-clearing clipboard only.
    m_valueLabel->setTextInteractionFlags(Qt::NoTextInteraction);
    m_revealButton = new QToolButton(box);
    m_revealButton->setObjectName(QStringLiteral("revealButton"));
    m_copyButton = new QToolButton(box);
    m_copyButton->setObjectName(QStringLiteral("copyButton"));
    auto *valueRow = new QHBoxLayout;
    valueRow->addWidget(m_valueLabel, 1);
    valueRow->addWidget(m_revealButton);
    valueRow->addWidget(m_copyButton);
    m_createdLabel = valueLabel(QStringLiteral("createdLabel"), box);
    m_rotatedLabel = valueLabel(QStringLiteral("rotatedLabel"), box);
    m_dueLabel = valueLabel(QStringLiteral("rotationDueLabel"), box);
    m_updatedLabel = valueLabel(QStringLiteral("updatedLabel"), box);
    m_licensesLabel = valueLabel(QStringLiteral("licensesLabel"), box);
    form->addRow(tr("ID:"), m_idLabel);
    form->addRow(tr("Kind:"), m_kindLabel);
    form->addRow(tr("Status:"), m_statusLabel);
    form->addRow(tr("Deployment:"), m_deploymentLabel);
    form->addRow(tr("Value:"), valueRow);
    form->addRow(tr("Created:"), m_createdLabel);
    form->addRow(tr("Value issued:"), m_rotatedLabel);
    form->addRow(tr("Rotation due:"), m_dueLabel);
    form->addRow(tr("Last changed:"), m_updatedLabel);
    form->addRow(tr("Licences:"), m_licensesLabel);
    // Screen readers announce each value (its text) with its label (the buddy relation).
    for (int row = 0; row < form->rowCount(); ++row) {
        auto *label = qobject_cast<QLabel *>(form->itemAt(row, QFormLayout::LabelRole)->widget());
        QLayoutItem *field = form->itemAt(row, QFormLayout::FieldRole);
        if (label && field && field->widget())
            label->setBuddy(field->widget());
    }
    if (auto *valueCaption = qobject_cast<QLabel *>(form->labelForField(valueRow)))
        valueCaption->setBuddy(m_valueLabel);
    return box;
}

QWidget *TokenDetailPane::createLabelsSection()
{
    auto *box = new QGroupBox(tr("How it is used"), m_content);
    auto *form = new QFormLayout(box);
    m_usage = new QComboBox(box);
    m_usage->setObjectName(QStringLiteral("usageModelCombo"));
    TokenChoices::fillUsageModels(m_usage, true);
    m_environment = new QComboBox(box);
    m_environment->setObjectName(QStringLiteral("environmentCombo"));
    TokenChoices::fillEnvironments(m_environment);
    auto *usageLabel = new QLabel(tr("&Usage model:"), box);
    usageLabel->setBuddy(m_usage);
    auto *environmentLabel = new QLabel(tr("&Environment:"), box);
    environmentLabel->setBuddy(m_environment);
    m_usage->setAccessibleName(tr("Usage model"));
    m_environment->setAccessibleName(tr("Environment"));
    form->addRow(usageLabel, m_usage);
    form->addRow(environmentLabel, m_environment);
    const auto emitChange = [this](QComboBox *combo, const QString &key) {
        connect(combo, &QComboBox::activated, this, [this, combo, key] {
            if (m_record)
                Q_EMIT labelChangeRequested(m_record->profileId, m_record->local.id, key,
                                            combo->currentData().toString());
        });
    };
    emitChange(m_usage, domain::TokenLabels::usageModelKey());
    emitChange(m_environment, domain::TokenLabels::environmentKey());
    return box;
}

void TokenDetailPane::setRevealActions(QAction *reveal, QAction *copy)
{
    m_revealButton->setDefaultAction(reveal);
    m_copyButton->setDefaultAction(copy);
}

QString TokenDetailPane::profileId() const
{
    return m_record ? m_record->profileId : QString();
}

QString TokenDetailPane::tokenId() const
{
    return m_record ? m_record->local.id : QString();
}

bool TokenDetailPane::hasUnsavedEdits() const
{
    return m_record && m_controls->isModified();
}

void TokenDetailPane::showToken(store::Workspace &workspace, const std::optional<store::TokenRecord> &record)
{
    const bool sameToken = record && m_record && record->profileId == m_record->profileId &&
                           record->local.id == m_record->local.id;
    if (sameToken && record->local == m_record->local && record->server == m_record->server)
        return; // a reload that did not touch this token (a large sync): nothing to redo
    const bool keepEdits = sameToken && m_controls->isModified();
    if (!sameToken)
        hideValue();
    m_record = record;
    m_emptyLabel->setVisible(!record);
    m_content->setVisible(bool(record));
    if (!record)
        return;
    const domain::Token &token = record->local;
    m_title->setText(token.name);
    m_idLabel->setText(token.id);
    m_kindLabel->setText(TokenTableModel::kindText(token.kind));
    m_statusLabel->setText(token.status == domain::TokenStatus::Active ? tr("Active") : tr("Disabled"));
    const auto deployment = store::TokenStore(workspace).deployment(record->profileId, token.deploymentId);
    m_deploymentLabel->setText(deployment ? deployment->name : token.deploymentId);
    if (!m_valueShown)
        m_valueLabel->setText(token.maskedValue.isEmpty() ? tr("(not known)") : token.maskedValue);

    const domain::TokenNotes notes = store::TokenStore(workspace).notes(record->profileId, token.id);
    const review::TokenReview review =
        review::TokenReviewer::review(token, notes, QDateTime::currentDateTimeUtc());
    m_createdLabel->setText(dateText(token.createdAt));
    m_rotatedLabel->setText(dateText(token.rotatedAt));
    m_dueLabel->setText(tr("%1 (every %n day(s))", nullptr, notes.effectiveRotationDays())
                            .arg(dateText(review.rotationDue)));
    m_updatedLabel->setText(dateText(token.updatedAt));
    showLicenses(workspace);

    m_usage->setCurrentIndex(std::max(0, m_usage->findData(review::TokenReviewer::usageModelOf(token))));
    const QStringList environments = review::TokenReviewer::environmentsOf(token);
    m_environment->setCurrentIndex(
        environments.size() == 1 ? std::max(0, m_environment->findData(environments.first())) : 0);

    showFindings(review);
    if (!keepEdits) {
        m_shownControls = token.controls;
        m_controls->setControls(token.controls);
        m_staleLabel->hide();
    } else if (m_shownControls != token.controls) {
        // A sync brought a newer version while the user edits: their rows stay, and they are
        // told; Save replaces only the lists they changed.
        const QString text = tr("“%1” changed while you were editing (a newer version arrived). "
                                "Save replaces only the lists you changed; Revert shows the newer controls.")
                                 .arg(token.name);
        m_staleLabel->setText(text);
        m_staleLabel->setAccessibleName(text);
        m_staleLabel->show();
    }
    showActivity(workspace);
}

void TokenDetailPane::showLicenses(store::Workspace &workspace)
{
    QStringList lines;
    const QLocale locale;
    for (const domain::License &license :
         store::TokenStore(workspace).licenses(m_record->profileId, m_record->local.deploymentId)) {
        QString line = tr("%1: %2 of %3 credits left")
                           .arg(license.product, locale.toString(license.creditsLeft),
                                locale.toString(license.creditsTotal));
        if (license.expiresAt)
            line += tr(", expires %1").arg(locale.toString(license.expiresAt->toLocalTime().date(), QLocale::ShortFormat));
        lines.append(line);
    }
    m_licensesLabel->setText(lines.isEmpty() ? tr("None known") : lines.join(QLatin1Char('\n')));
}

void TokenDetailPane::showFindings(const review::TokenReview &review)
{
    m_gradeLabel->setText(review.disabled ? tr("Grade %1 (disabled token, graded separately)")
                                                .arg(review::gradeName(review.grade))
                                          : tr("Grade %1").arg(review::gradeName(review.grade)));
    m_findings->clear();
    if (review.findings.isEmpty()) {
        m_findings->addItem(tr("No findings."));
        return;
    }
    for (const review::ReviewFinding &finding : review.findings) {
        auto *item = new QListWidgetItem(
            tr("%1 — %2").arg(severityText(finding.severity), finding.message), m_findings);
        item->setToolTip(finding.rule);
        if (!finding.controls.isEmpty())
            item->setData(kControlRole, int(finding.controls.first()));
        for (const review::EntryWarning &detail : finding.details) {
            auto *sub = new QListWidgetItem(
                tr("    %1 %2: %3")
                    .arg(controlName(detail.control))
                    .arg(detail.entry >= 0 ? QString::number(detail.entry + 1) : QString())
                    .arg(detail.finding.message),
                m_findings);
            sub->setToolTip(detail.finding.rule);
            sub->setData(kControlRole, int(detail.control));
            sub->setData(kEntryRole, detail.entry);
        }
    }
}

void TokenDetailPane::onFindingActivated(QListWidgetItem *item)
{
    const QVariant control = item->data(kControlRole);
    if (!control.isValid())
        return;
    const QVariant entry = item->data(kEntryRole);
    focusControl(ControlKind(control.toInt()), entry.isValid() ? entry.toInt() : -1);
}

void TokenDetailPane::focusControl(ControlKind kind, int entry)
{
    ControlListEditor *editor = m_controls->editor(kind);
    if (!editor)
        return;
    if (entry < 0 && !editor->entries().isEmpty())
        entry = 0; // the list's first entry
    if (entry >= 0) {
        editor->focusEntry(entry);
    } else if (auto *add = editor->findChild<QWidget *>(QStringLiteral("addButton"))) {
        add->setFocus(Qt::OtherFocusReason); // an empty list: Enter adds its first entry
    }
}

void TokenDetailPane::showActivity(store::Workspace &workspace)
{
    m_activity->clear();
    const QList<store::JournalEntry> entries =
        store::Journal(workspace).forToken(m_record->profileId, m_record->local.id);
    for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
        QStringList changed;
        for (auto field = it->after.constBegin(); field != it->after.constEnd(); ++field) {
            if (it->before.value(field.key()) != field.value() &&
                field.key() != QLatin1String("version") && field.key() != QLatin1String("updated_at"))
                changed.append(field.key());
        }
        QString text = tr("%1 — %2 %3").arg(dateText(it->at), it->actor, it->action);
        if (!changed.isEmpty() && it->action != QLatin1String("created"))
            text += tr(" (%1)").arg(changed.join(QStringLiteral(", ")));
        m_activity->addItem(text);
    }
    if (entries.isEmpty())
        m_activity->addItem(tr("No activity recorded yet."));
}

void TokenDetailPane::setReadOnly(bool readOnly, const QString &why)
{
    m_readOnly = readOnly;
    m_readOnlyLabel->setText(why);
    m_readOnlyLabel->setVisible(readOnly && !why.isEmpty());
    m_usage->setEnabled(!readOnly);
    m_environment->setEnabled(!readOnly);
    m_controls->setReadOnly(readOnly, why);
}

void TokenDetailPane::showValue(const QString &value)
{
    m_valueShown = true;
    m_valueLabel->setText(value);
}

void TokenDetailPane::hideValue()
{
    m_valueShown = false;
    if (m_record)
        m_valueLabel->setText(m_record->local.maskedValue.isEmpty() ? tr("(not known)")
                                                                    : m_record->local.maskedValue);
    else
        m_valueLabel->clear();
}

} // namespace tokendesk::ui
