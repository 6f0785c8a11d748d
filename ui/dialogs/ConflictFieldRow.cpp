#include "ConflictFieldRow.h"

#include "ConflictFields.h"

#include "sync/ThreeWayMerge.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRadioButton>

namespace tokendesk::ui {

namespace {

// The lines of an edited list, trimmed, without the empty ones.
QStringList linesOf(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            lines.append(trimmed);
    }
    return lines;
}

} // namespace

ConflictFieldRow::ConflictFieldRow(const QString &field, const store::Conflict &conflict,
                                   QGridLayout *grid, int row, QWidget *parent)
    : QObject(parent)
    , m_field(field)
{
    if (conflict.mine)
        m_mine = ConflictFields::value(*conflict.mine, field);
    if (conflict.theirs)
        m_theirs = ConflictFields::value(*conflict.theirs, field);
    if (conflict.merged)
        m_merged = ConflictFields::value(*conflict.merged, field);
    const auto kind = ConflictFields::controlKind(field);
    // A single value both sides changed has no automatic merge: whatever the merged token
    // holds there is one side's value, so it is not offered as a third choice.
    const bool undecided = !kind && conflict.fields.contains(field);
    if (undecided)
        m_merged.reset();
    if (kind && !m_merged && conflict.base && conflict.mine && conflict.theirs) {
        // No automatic merge stored: start the edited list from the set merge of the two.
        m_merged = sync::ThreeWayMerge::mergeList(*kind, conflict.base->controls.list(*kind),
                                                  m_mine.value_or(QStringList()),
                                                  m_theirs.value_or(QStringList()));
    } else if (kind && !m_merged) {
        m_merged = m_mine ? m_mine : m_theirs;
    }

    const QString prefix = ConflictFields::objectPrefix(field);
    const QString label = ConflictFields::label(field);
    auto *fieldLabel = new QLabel(label, parent);
    fieldLabel->setObjectName(prefix + QStringLiteral("FieldLabel"));
    fieldLabel->setTextFormat(Qt::PlainText);
    QFont bold = fieldLabel->font();
    bold.setBold(true);
    fieldLabel->setFont(bold);
    grid->addWidget(fieldLabel, row, 0, Qt::AlignTop);
    grid->addWidget(valueLabel(m_mine, prefix + QStringLiteral("MineLabel"), parent), row, 1,
                    Qt::AlignTop);
    grid->addWidget(valueLabel(m_theirs, prefix + QStringLiteral("TheirsLabel"), parent), row, 2,
                    Qt::AlignTop);

    m_messageLabel = new QLabel(parent);
    m_messageLabel->setObjectName(prefix + QStringLiteral("MessageLabel"));
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setVisible(false);
    grid->addWidget(m_messageLabel, row + 1, 1, 1, 4);

    if (kind) {
        m_mergedEdit = new QPlainTextEdit(parent);
        m_mergedEdit->setObjectName(prefix + QStringLiteral("MergedEdit"));
        m_mergedEdit->setTabChangesFocus(true);
        m_mergedEdit->setAccessibleName(tr("%1: merged list, one entry per line").arg(label));
        m_mergedEdit->setToolTip(tr("One entry per line. Checked as you type."));
        m_mergedEdit->setPlainText(m_merged.value_or(QStringList()).join(QLatin1Char('\n')));
        const int lines = std::max(3, int(m_merged.value_or(QStringList()).size()) + 1);
        m_mergedEdit->setFixedHeight(m_mergedEdit->fontMetrics().lineSpacing() * lines +
                                     2 * m_mergedEdit->frameWidth() + 8);
        grid->addWidget(m_mergedEdit, row, 3, Qt::AlignTop);
    } else if (conflict.merged && !undecided) {
        grid->addWidget(valueLabel(m_merged, prefix + QStringLiteral("MergedLabel"), parent), row,
                        3, Qt::AlignTop);
    }

    // The choices of a row sit in their own widget: arrows move between them, Tab moves on.
    auto *choiceBox = new QWidget(parent);
    choiceBox->setObjectName(prefix + QStringLiteral("ChoiceWidget"));
    auto *choiceLayout = new QHBoxLayout(choiceBox);
    choiceLayout->setContentsMargins(0, 0, 0, 0);
    m_choices = new QButtonGroup(this);
    choiceButton(tr("Mine"), tr("%1: take mine").arg(label), Choice::Mine,
                 prefix + QStringLiteral("MineRadioButton"), choiceBox);
    choiceButton(tr("Theirs"), tr("%1: take theirs").arg(label), Choice::Theirs,
                 prefix + QStringLiteral("TheirsRadioButton"), choiceBox);
    if ((conflict.merged && !undecided) || m_mergedEdit)
        m_mergedRadio = choiceButton(tr("Merged"), tr("%1: take merged").arg(label), Choice::Merged,
                                     prefix + QStringLiteral("MergedRadioButton"), choiceBox);
    grid->addWidget(choiceBox, row, 4, Qt::AlignTop);

    // The automatic merge when it holds, else theirs: what the portal already accepted.
    bool mergedBroken = false;
    ConflictFields::problems(field, m_merged, &mergedBroken);
    // Both sides changed a single value: the user's own edit is kept unless they choose theirs.
    setChoice(m_mergedRadio && !mergedBroken ? Choice::Merged
              : undecided && m_mine          ? Choice::Mine
                                             : Choice::Theirs);

    connect(m_choices, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            update();
    });
    if (m_mergedEdit) {
        connect(m_mergedEdit, &QPlainTextEdit::textChanged, this, [this] {
            // Editing the list means taking it.
            if (choice() != Choice::Merged)
                setChoice(Choice::Merged);
            else
                update();
        });
    }
    update();
}

QLabel *ConflictFieldRow::valueLabel(const std::optional<QStringList> &value,
                                     const QString &objectName, QWidget *parent) const
{
    auto *label = new QLabel(ConflictFields::displayText(value), parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // portal strings may hold "<"
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QRadioButton *ConflictFieldRow::choiceButton(const QString &text, const QString &accessible,
                                             Choice choice, const QString &objectName,
                                             QWidget *parent)
{
    auto *button = new QRadioButton(text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(accessible);
    parent->layout()->addWidget(button);
    m_choices->addButton(button, int(choice));
    return button;
}

ConflictFieldRow::Choice ConflictFieldRow::choice() const
{
    return Choice(m_choices->checkedId());
}

void ConflictFieldRow::setChoice(Choice choice)
{
    if (QAbstractButton *button = m_choices->button(int(choice)))
        button->setChecked(true);
}

void ConflictFieldRow::resetMerged()
{
    if (m_mergedEdit)
        m_mergedEdit->setPlainText(m_merged.value_or(QStringList()).join(QLatin1Char('\n')));
}

std::optional<QStringList> ConflictFieldRow::value() const
{
    switch (choice()) {
    case Choice::Mine:
        return m_mine;
    case Choice::Theirs:
        return m_theirs;
    case Choice::Merged:
        break;
    }
    if (m_mergedEdit)
        return linesOf(m_mergedEdit->toPlainText());
    return m_merged;
}

void ConflictFieldRow::update()
{
    const QStringList problems = ConflictFields::problems(m_field, value(), &m_hasError);
    const QString text = problems.join(QLatin1Char('\n'));
    m_messageLabel->setText(text);
    m_messageLabel->setVisible(!text.isEmpty());
    m_messageLabel->setAccessibleName(text);
    // Read with whichever part of the row has focus.
    for (QAbstractButton *button : m_choices->buttons())
        button->setAccessibleDescription(text);
    if (m_mergedEdit)
        m_mergedEdit->setAccessibleDescription(text);
    Q_EMIT changed();
}

} // namespace tokendesk::ui
