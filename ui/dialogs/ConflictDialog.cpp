#include "ConflictDialog.h"

#include "ConflictFieldRow.h"
#include "ConflictFields.h"

#include "domain/TokenChanges.h"
#include "domain/TokenFieldRules.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace tokendesk::ui {

using store::WorkspaceEditor;

namespace {

enum TwoWayChoice { KeepTheirs = 0, TakeMine = 1 };

QLabel *plainLabel(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // names and reasons come from the portal
    label->setWordWrap(true);
    return label;
}

// Every field of a token, one per line, for the deletion choices.
QString summaryOf(const std::optional<domain::Token> &token)
{
    if (!token)
        return QString();
    QStringList fields = {
        QStringLiteral("name"), QStringLiteral("status"), QStringLiteral("controls.cors_origins"),
        QStringLiteral("controls.permitted_urls"), QStringLiteral("controls.ip_ranges")};
    for (auto it = token->labels.cbegin(); it != token->labels.cend(); ++it)
        fields.append(QStringLiteral("labels.") + it.key());
    QStringList lines;
    for (const QString &field : std::as_const(fields)) {
        const auto value = ConflictFields::value(*token, field);
        lines.append(ConflictFields::label(field) + QStringLiteral(": ") +
                     (value && !value->isEmpty() ? value->join(QStringLiteral(", "))
                                                 : ConflictFields::displayText(value)));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

ConflictDialog::ConflictDialog(const store::Conflict &conflict, QWidget *parent)
    : QDialog(parent)
    , m_conflict(conflict)
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("Resolve Conflict"));
    if (!conflict.theirs)
        m_kind = Kind::DeletedOnPortal;
    else if (conflict.fields.contains(QStringLiteral("deleted")))
        m_kind = Kind::DeletedHere;

    auto *layout = new QVBoxLayout(this);
    buildHeader(layout);
    m_buttons = new QDialogButtonBox(this);
    m_buttons->setObjectName(QStringLiteral("conflictButtonBox"));
    if (m_kind == Kind::Fields)
        buildFields(layout);
    else
        buildTwoWay(layout);

    m_resolveButton = new QPushButton(tr("&Resolve"), this);
    m_resolveButton->setObjectName(QStringLiteral("resolveButton"));
    m_resolveButton->setDefault(true);
    m_buttons->addButton(m_resolveButton, QDialogButtonBox::AcceptRole);
    QPushButton *cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setText(tr("&Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isResolvable())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    updateResolvable();
}

void ConflictDialog::buildHeader(QVBoxLayout *layout)
{
    const std::optional<domain::Token> &named =
        m_conflict.theirs ? m_conflict.theirs : m_conflict.mine;
    const QString name = named ? named->name : QString();
    layout->addWidget(plainLabel(tr("Token: %1 (%2)").arg(name, m_conflict.tokenId),
                                 QStringLiteral("tokenLabel"), this));
    layout->addWidget(plainLabel(m_conflict.reason, QStringLiteral("reasonLabel"), this));
    layout->addWidget(plainLabel(
        tr("Found: %1")
            .arg(QLocale().toString(m_conflict.createdAt.toLocalTime(), QLocale::LongFormat)),
        QStringLiteral("whenLabel"), this));
}

void ConflictDialog::buildFields(QVBoxLayout *layout)
{
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("fieldsScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *page = new QWidget(scroll);
    auto *grid = new QGridLayout(page);
    const QStringList fields = ConflictFields::fieldsOf(m_conflict);
    const QStringList headings = {tr("Field"), tr("Mine"), tr("Theirs"), tr("Merged"), tr("Use")};
    for (int column = 0; column < headings.size(); ++column) {
        auto *heading = plainLabel(headings.at(column), QString(), page);
        QFont bold = heading->font();
        bold.setBold(true);
        heading->setFont(bold);
        grid->addWidget(heading, 0, column);
    }
    for (const QString &field : fields) {
        auto *row = new ConflictFieldRow(field, m_conflict, grid, 1 + 2 * int(m_rows.size()), page);
        connect(row, &ConflictFieldRow::changed, this, [this] {
            if (!m_applyingWhole)
                m_whole.reset(); // a field chosen on its own: no longer a whole version
            updateResolvable();
        });
        m_rows.append(row);
    }
    if (fields.isEmpty()) {
        grid->addWidget(plainLabel(tr("No field differs: take a whole version."),
                                   QStringLiteral("noFieldsLabel"), page),
                        1, 0, 1, headings.size());
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    grid->setColumnStretch(3, 1);
    grid->setRowStretch(1 + 2 * std::max(1, int(m_rows.size())), 1);
    scroll->setWidget(page);
    layout->addWidget(scroll, 1);

    if (m_conflict.mine) {
        QPushButton *mine =
            m_buttons->addButton(tr("Take all &mine"), QDialogButtonBox::ActionRole);
        mine->setObjectName(QStringLiteral("takeAllMineButton"));
        connect(mine, &QPushButton::clicked, this,
                [this] { takeAll(WorkspaceEditor::Resolution::Mine); });
    }
    QPushButton *theirs =
        m_buttons->addButton(tr("Take all &theirs"), QDialogButtonBox::ActionRole);
    theirs->setObjectName(QStringLiteral("takeAllTheirsButton"));
    connect(theirs, &QPushButton::clicked, this,
            [this] { takeAll(WorkspaceEditor::Resolution::Theirs); });
    if (m_conflict.merged) {
        QPushButton *merged = m_buttons->addButton(tr("&Use merged"), QDialogButtonBox::ActionRole);
        merged->setObjectName(QStringLiteral("useMergedButton"));
        connect(merged, &QPushButton::clicked, this,
                [this] { takeAll(WorkspaceEditor::Resolution::Merged); });
    }
    resize(sizeHint().expandedTo(QSize(760, 420)));
}

void ConflictDialog::buildTwoWay(QVBoxLayout *layout)
{
    const bool deletedOnPortal = m_kind == Kind::DeletedOnPortal;
    layout->addWidget(plainLabel(
        deletedOnPortal ? tr("Your version:") : tr("The portal's version:"), QString(), this));
    layout->addWidget(plainLabel(summaryOf(deletedOnPortal ? m_conflict.mine : m_conflict.theirs),
                                 QStringLiteral("summaryLabel"), this));
    m_twoWay = new QButtonGroup(this);
    auto *keep = new QRadioButton(deletedOnPortal ? tr("&Keep theirs (delete it here too)")
                                                  : tr("&Keep theirs (the portal's changed token)"),
                                  this);
    keep->setObjectName(QStringLiteral("keepTheirsRadioButton"));
    auto *mine = new QRadioButton(
        deletedOnPortal ? tr("&Add mine again (as a new token)") : tr("&Delete it anyway"), this);
    mine->setObjectName(deletedOnPortal ? QStringLiteral("addMineAgainRadioButton")
                                        : QStringLiteral("deleteAnywayRadioButton"));
    mine->setEnabled(m_conflict.mine.has_value());
    m_twoWay->addButton(keep, KeepTheirs);
    m_twoWay->addButton(mine, TakeMine);
    keep->setChecked(true);
    layout->addWidget(keep);
    layout->addWidget(mine);
    auto *message = plainLabel(QString(), QStringLiteral("twoWayMessageLabel"), this);
    message->setVisible(false);
    layout->addWidget(message);
    layout->addStretch(1);
    connect(m_twoWay, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            updateResolvable();
    });
}

void ConflictDialog::takeAll(WorkspaceEditor::Resolution resolution)
{
    m_applyingWhole = true;
    for (ConflictFieldRow *row : std::as_const(m_rows)) {
        switch (resolution) {
        case WorkspaceEditor::Resolution::Mine:
            row->setChoice(ConflictFieldRow::Choice::Mine);
            break;
        case WorkspaceEditor::Resolution::Theirs:
            row->setChoice(ConflictFieldRow::Choice::Theirs);
            break;
        case WorkspaceEditor::Resolution::Merged:
            row->resetMerged();
            row->setChoice(ConflictFieldRow::Choice::Merged);
            break;
        }
    }
    m_applyingWhole = false;
    m_whole = resolution;
    updateResolvable();
}

domain::Token ConflictDialog::chosenToken() const
{
    switch (m_kind) {
    case Kind::DeletedOnPortal:
        return m_conflict.mine.value_or(domain::Token());
    case Kind::DeletedHere:
        return *m_conflict.theirs;
    case Kind::Fields:
        break;
    }
    domain::Token token = *m_conflict.theirs;
    for (const ConflictFieldRow *row : m_rows)
        ConflictFields::setValue(token, row->field(), row->value());
    return token;
}

std::optional<WorkspaceEditor::Resolution> ConflictDialog::wholeResolution() const
{
    if (m_kind != Kind::Fields) {
        if (m_twoWay->checkedId() == KeepTheirs)
            return WorkspaceEditor::Resolution::Theirs;
        if (m_kind == Kind::DeletedHere)
            return WorkspaceEditor::Resolution::Mine;
        return std::nullopt; // added again: resolveConflictWith(chosenToken())
    }
    if (m_whole)
        return m_whole;
    const domain::Token chosen = chosenToken();
    if (domain::TokenChanges::diff(*m_conflict.theirs, chosen).isEmpty())
        return WorkspaceEditor::Resolution::Theirs; // nothing of mine kept
    return std::nullopt;
}

bool ConflictDialog::isResolvable() const
{
    if (m_kind == Kind::Fields) {
        return std::none_of(m_rows.cbegin(), m_rows.cend(),
                            [](const ConflictFieldRow *row) { return row->hasError(); });
    }
    if (m_twoWay->checkedId() == KeepTheirs || m_kind == Kind::DeletedHere)
        return true;
    return m_conflict.mine && !domain::hasErrorIssue(domain::TokenFieldRules::checkDraft(
                                  domain::TokenChanges::draftFromToken(*m_conflict.mine)));
}

void ConflictDialog::updateResolvable()
{
    const bool resolvable = isResolvable();
    if (m_resolveButton) {
        m_resolveButton->setEnabled(resolvable);
        m_resolveButton->setAccessibleDescription(resolvable ? QString()
                                                             : tr("Fix the problems shown first."));
    }
    if (m_twoWay) {
        auto *message = findChild<QLabel *>(QStringLiteral("twoWayMessageLabel"));
        QString text;
        if (!resolvable && m_conflict.mine) {
            QStringList messages;
            for (const domain::FieldIssue &issue : domain::TokenFieldRules::checkDraft(
                     domain::TokenChanges::draftFromToken(*m_conflict.mine))) {
                if (issue.severity == validation::Severity::Error)
                    messages.append(issue.message);
            }
            text = tr("Your version cannot be added as it is: %1")
                       .arg(messages.join(QLatin1Char(' ')));
        }
        message->setText(text);
        message->setVisible(!text.isEmpty());
        for (QAbstractButton *button : m_twoWay->buttons())
            button->setAccessibleDescription(text);
    }
}

} // namespace tokendesk::ui
