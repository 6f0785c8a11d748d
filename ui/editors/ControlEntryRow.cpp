#include "ControlEntryRow.h"

#include "EntryLineEdit.h"

#include "validation/EntryText.h"

#include <QGridLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <algorithm>

namespace tokendesk::ui {

namespace {

using validation::ControlKind;
using validation::Finding;
using validation::Findings;
using validation::Severity;

// Wide enough for a typical origin; longer fixes are elided in the button and given whole
// in its tooltip and accessible name.
constexpr int kFixTextWidth = 260;

} // namespace

ControlEntryRow::ControlEntryRow(ControlKind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
{
    setObjectName(QStringLiteral("controlEntryRow"));

    m_lineEdit = new EntryLineEdit(this);
    switch (kind) {
    case ControlKind::Origin:
        m_lineEdit->setPlaceholderText(tr("https://app.example.com"));
        break;
    case ControlKind::Url:
        m_lineEdit->setPlaceholderText(tr("https://www.example.com/shop/*"));
        break;
    case ControlKind::Ip:
        m_lineEdit->setPlaceholderText(tr("203.0.113.0/24"));
        break;
    }

    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_statusIcon = new QLabel(this);
    m_statusIcon->setObjectName(QStringLiteral("statusIconLabel"));
    // A fixed cell keeps the line edits of all rows aligned, with or without an icon.
    m_statusIcon->setFixedSize(iconSize, iconSize);

    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setTextFormat(Qt::PlainText); // messages quote what the user typed
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messageLabel->hide();

    m_fixButton = new QPushButton(this);
    m_fixButton->setObjectName(QStringLiteral("fixButton"));
    m_fixButton->setAutoDefault(false);
    m_fixButton->hide();

    m_removeButton = new QToolButton(this);
    m_removeButton->setObjectName(QStringLiteral("removeButton"));
    m_removeButton->setIcon(style()->standardIcon(QStyle::SP_TrashIcon, nullptr, this));
    m_removeButton->setText(tr("Remove"));
    m_removeButton->setToolButtonStyle(m_removeButton->icon().isNull() ? Qt::ToolButtonTextOnly
                                                                       : Qt::ToolButtonIconOnly);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_statusIcon, 0, 0, Qt::AlignCenter);
    layout->addWidget(m_lineEdit, 0, 1);
    layout->addWidget(m_fixButton, 0, 2);
    layout->addWidget(m_removeButton, 0, 3);
    layout->addWidget(m_messageLabel, 1, 1, 1, 3);
    layout->setColumnStretch(1, 1);

    connect(m_lineEdit, &QLineEdit::textEdited, this, &ControlEntryRow::edited);
    connect(m_lineEdit, &QLineEdit::textChanged, this, &ControlEntryRow::updateRemoveButtonName);
    connect(m_lineEdit, &EntryLineEdit::pastedEntries, this, &ControlEntryRow::pastedEntries);
    connect(m_lineEdit, &EntryLineEdit::addRowRequested, this, &ControlEntryRow::addRowRequested);
    connect(m_lineEdit, &EntryLineEdit::removeRowRequested, this,
            &ControlEntryRow::removeRowRequested);
    connect(m_removeButton, &QToolButton::clicked, this, &ControlEntryRow::removeRowRequested);
    connect(m_fixButton, &QPushButton::clicked, this, &ControlEntryRow::applyFix);

    setPosition(1);
    showFindings({});
}

QString ControlEntryRow::text() const
{
    return m_lineEdit->text();
}

void ControlEntryRow::setText(const QString &text)
{
    m_lineEdit->setText(text);
}

void ControlEntryRow::replaceText(const QString &text)
{
    // selectAll() + insert() rather than setText(): Ctrl+Z brings the old text back.
    m_lineEdit->selectAll();
    m_lineEdit->insert(text);
    Q_EMIT edited();
}

void ControlEntryRow::setPosition(int position)
{
    m_position = position;
    m_lineEdit->setAccessibleName(entryName());
    updateRemoveButtonName();
}

QString ControlEntryRow::entryName() const
{
    switch (m_kind) {
    case ControlKind::Origin:
        return tr("CORS origin %1").arg(m_position);
    case ControlKind::Url:
        return tr("Permitted URL %1").arg(m_position);
    case ControlKind::Ip:
        return tr("IP or IP range %1").arg(m_position);
    }
    return QString();
}

void ControlEntryRow::updateRemoveButtonName()
{
    const QString entry = validation::EntryText::trimmed(m_lineEdit->text());
    const QString name =
        entry.isEmpty() ? tr("Remove %1").arg(entryName()) : tr("Remove %1").arg(entry);
    m_removeButton->setAccessibleName(name);
    m_removeButton->setToolTip(name);
}

QString ControlEntryRow::findingText(const Finding &finding)
{
    switch (finding.severity) {
    case Severity::Error:
        return tr("Error: %1").arg(finding.message);
    case Severity::Warning:
        return tr("Warning: %1").arg(finding.message);
    case Severity::Info:
        break;
    }
    return tr("Note: %1").arg(finding.message);
}

void ControlEntryRow::showFindings(const Findings &findings)
{
    // Most severe first; the rules' own order among equals.
    Findings sorted = findings;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Finding &a, const Finding &b) { return a.severity > b.severity; });

    const bool empty = validation::EntryText::trimmed(m_lineEdit->text()).isEmpty();
    QStringList lines;
    for (const Finding &finding : sorted)
        lines.append(findingText(finding));

    // The icon repeats the first line's severity in words (its accessible name): the state
    // is never carried by colour or shape alone.
    QStyle::StandardPixmap pixmap = QStyle::SP_DialogApplyButton;
    QString state = tr("OK");
    if (!sorted.isEmpty() && sorted.first().severity == Severity::Error) {
        pixmap = QStyle::SP_MessageBoxCritical;
        state = tr("Error");
    } else if (!sorted.isEmpty() && sorted.first().severity == Severity::Warning) {
        pixmap = QStyle::SP_MessageBoxWarning;
        state = tr("Warning");
    }
    if (empty) {
        m_statusIcon->clear();
        m_statusIcon->setAccessibleName(QString());
        m_statusIcon->setToolTip(QString());
    } else {
        const QIcon icon = style()->standardIcon(pixmap, nullptr, this);
        m_statusIcon->setPixmap(icon.pixmap(m_statusIcon->size(), devicePixelRatioF()));
        m_statusIcon->setAccessibleName(state);
        m_statusIcon->setToolTip(state);
    }

    const QString message = lines.join(QLatin1Char('\n'));
    m_messageLabel->setText(message);
    m_messageLabel->setVisible(!message.isEmpty());
    // Read by a screen reader together with the field's name.
    m_lineEdit->setAccessibleDescription(message);

    // The fix of the most severe finding that offers one, unless the text already is it.
    m_fix.clear();
    const QString trimmed = validation::EntryText::trimmed(m_lineEdit->text());
    for (const Finding &finding : sorted) {
        if (finding.fix && *finding.fix != trimmed) {
            m_fix = *finding.fix;
            break;
        }
    }
    if (!m_fix.isEmpty()) {
        const QString shown = fontMetrics().elidedText(m_fix, Qt::ElideMiddle, kFixTextWidth);
        QString mnemonicSafe = shown;
        mnemonicSafe.replace(QLatin1Char('&'), QLatin1String("&&"));
        m_fixButton->setText(tr("Use %1").arg(mnemonicSafe));
        m_fixButton->setAccessibleName(tr("Use %1").arg(m_fix));
        m_fixButton->setToolTip(tr("Replace the entry with %1").arg(m_fix));
    }
    m_fixButton->setVisible(!m_fix.isEmpty());
    m_fixButton->setEnabled(!m_readOnly);
}

void ControlEntryRow::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_lineEdit->setReadOnly(readOnly);
    m_fixButton->setEnabled(!readOnly);
    m_removeButton->setEnabled(!readOnly);
}

QList<QWidget *> ControlEntryRow::focusChain() const
{
    return {m_lineEdit, m_fixButton, m_removeButton};
}

void ControlEntryRow::applyFix()
{
    if (m_readOnly || m_fix.isEmpty())
        return;
    replaceText(m_fix);
    m_lineEdit->setFocus(Qt::OtherFocusReason);
}

} // namespace tokendesk::ui
