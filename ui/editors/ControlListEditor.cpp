#include "ControlListEditor.h"

#include "ControlEntryRow.h"
#include "EntryLineEdit.h"

#include "validation/ControlValidator.h"
#include "validation/EntryText.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tokendesk::ui {

using validation::ControlKind;
using validation::ControlValidator;
using validation::EntryText;
using validation::Finding;
using validation::Findings;
using validation::kMaxEntriesPerControl;

namespace {

QStringList nonEmptyTrimmed(const QStringList &texts)
{
    QStringList result;
    for (const QString &text : texts) {
        const QString trimmed = EntryText::trimmed(text);
        if (!trimmed.isEmpty())
            result.append(trimmed);
    }
    return result;
}

} // namespace

ControlListEditor::ControlListEditor(ControlKind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
{
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);

    m_hintLabel = new QLabel(this);
    m_hintLabel->setObjectName(QStringLiteral("hintLabel"));
    m_hintLabel->setTextFormat(Qt::PlainText);
    m_hintLabel->setWordWrap(true);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    m_countLabel->setTextFormat(Qt::PlainText);

    m_addButton = new QPushButton(QIcon::fromTheme(QStringLiteral("list-add")), QString(), this);
    m_addButton->setObjectName(QStringLiteral("addButton"));
    m_addButton->setAutoDefault(false);

    switch (kind) {
    case ControlKind::Origin:
        m_titleLabel->setText(tr("CORS &origins"));
        m_hintLabel->setText(tr("Web pages that may use this token, as scheme://host[:port]. "
                                "An empty list does not restrict."));
        m_addButton->setText(tr("Add origin"));
        m_addButton->setAccessibleName(tr("Add CORS origin"));
        break;
    case ControlKind::Url:
        m_titleLabel->setText(tr("Permitted &URLs"));
        m_hintLabel->setText(tr("Pages that may send requests with this token; a path ending "
                                "in * admits everything below it. An empty list does not "
                                "restrict."));
        m_addButton->setText(tr("Add URL"));
        m_addButton->setAccessibleName(tr("Add permitted URL"));
        break;
    case ControlKind::Ip:
        m_titleLabel->setText(tr("&IPs and IP ranges"));
        m_hintLabel->setText(tr("Addresses, networks (203.0.113.0/24) or ranges (first-last) "
                                "that may use this token. An empty list does not restrict."));
        m_addButton->setText(tr("Add IP"));
        m_addButton->setAccessibleName(tr("Add IP or IP range"));
        break;
    }

    m_listMessageLabel = new QLabel(this);
    m_listMessageLabel->setObjectName(QStringLiteral("listMessageLabel"));
    m_listMessageLabel->setTextFormat(Qt::PlainText); // list messages quote entries
    m_listMessageLabel->setWordWrap(true);
    m_listMessageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_listMessageLabel->hide();

    // Add sits in the header, before the rows: new rows are then placed in the tab order
    // right after it (a widget created later would otherwise come last in the window).
    auto *header = new QHBoxLayout;
    header->addWidget(m_titleLabel);
    header->addStretch();
    header->addWidget(m_countLabel);
    header->addWidget(m_addButton);

    m_rowsLayout = new QVBoxLayout;
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_hintLabel);
    layout->addLayout(m_rowsLayout);
    layout->addWidget(m_listMessageLabel);

    // Add stays enabled beyond the limit: a sixth entry is better typed and flagged
    // (list.too-many, in the counter and the list message) than silently refused, so that
    // the user can decide which entry to drop.
    connect(m_addButton, &QPushButton::clicked, this, &ControlListEditor::addRow);

    setEntries({});
}

void ControlListEditor::setEntries(const QStringList &entries)
{
    clearRows();
    for (const QString &entry : entries)
        insertRow(int(m_rows.size()), entry);
    // An empty list inserts no row, so the title's buddy is set here: without one, the title
    // shows (and a screen reader reads) its mnemonic "&" literally.
    updateTabOrder();
    m_original = nonEmptyTrimmed(entries);
    revalidate();
}

QStringList ControlListEditor::entries() const
{
    QStringList texts;
    for (const ControlEntryRow *row : m_rows)
        texts.append(row->text());
    return nonEmptyTrimmed(texts);
}

QStringList ControlListEditor::canonicalEntries() const
{
    return m_result.canonicalEntries();
}

bool ControlListEditor::hasErrors() const
{
    return !m_result.isValid();
}

bool ControlListEditor::isModified() const
{
    return entries() != m_original;
}

void ControlListEditor::revert()
{
    setEntries(m_original);
}

void ControlListEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (ControlEntryRow *row : std::as_const(m_rows))
        row->setReadOnly(readOnly);
    m_addButton->setEnabled(!readOnly);
}

void ControlListEditor::focusEntry(int index)
{
    const qsizetype row = m_rowEntry.indexOf(index);
    if (index < 0 || row < 0)
        return;
    EntryLineEdit *lineEdit = m_rows.at(row)->lineEdit();
    lineEdit->setFocus(Qt::OtherFocusReason);
    lineEdit->selectAll();
}

ControlEntryRow *ControlListEditor::insertRow(int position, const QString &text)
{
    auto *row = new ControlEntryRow(m_kind, this);
    row->setText(text);
    row->setReadOnly(m_readOnly);
    connect(row, &ControlEntryRow::edited, this, &ControlListEditor::revalidate);
    connect(row, &ControlEntryRow::pastedEntries, this,
            [this, row](const QStringList &pieces) { pasteEntries(row, pieces); });
    connect(row, &ControlEntryRow::addRowRequested, this, [this, row] { addRowAfter(row); });
    connect(row, &ControlEntryRow::removeRowRequested, this, [this, row] { removeRow(row); });
    m_rows.insert(position, row);
    m_rowsLayout->insertWidget(position, row);
    // The layout would show it only from the event loop; focus and Tab need it now.
    row->show();
    updateRowPositions();
    updateTabOrder();
    return row;
}

void ControlListEditor::removeRow(ControlEntryRow *row)
{
    if (m_readOnly)
        return;
    const qsizetype index = m_rows.indexOf(row);
    if (index < 0)
        return;
    m_rows.removeAt(index);
    // Keyboard users stay in the list: the row before, else the one now in its place.
    QWidget *next = m_addButton;
    if (index > 0)
        next = m_rows.at(index - 1)->lineEdit();
    else if (!m_rows.isEmpty())
        next = m_rows.first()->lineEdit();
    // The window's focus widget, not the application's: right also while it is inactive.
    if (QWidget *focused = window()->focusWidget(); focused && row->isAncestorOf(focused))
        next->setFocus(Qt::OtherFocusReason);
    // The request may come from inside the row's own event handler: detach it now (so it
    // leaves the layout and findChildren at once) and delete it when control returns.
    row->hide();
    row->setParent(nullptr);
    row->deleteLater();
    updateRowPositions();
    updateTabOrder();
    revalidate();
}

void ControlListEditor::clearRows()
{
    for (ControlEntryRow *row : std::as_const(m_rows)) {
        row->hide();
        row->setParent(nullptr);
        row->deleteLater();
    }
    m_rows.clear();
}

void ControlListEditor::addRow()
{
    if (m_readOnly)
        return;
    // One empty row at the end is enough: Add then just takes the user there.
    ControlEntryRow *row = m_rows.isEmpty() ? nullptr : m_rows.last();
    if (!row || !EntryText::trimmed(row->text()).isEmpty())
        row = insertRow(int(m_rows.size()), QString());
    row->lineEdit()->setFocus(Qt::OtherFocusReason);
    revalidate();
}

void ControlListEditor::addRowAfter(ControlEntryRow *row)
{
    if (m_readOnly)
        return;
    const qsizetype index = m_rows.indexOf(row);
    if (index < 0 || EntryText::trimmed(row->text()).isEmpty())
        return; // Enter in an empty row does not stack more empty rows
    ControlEntryRow *next = index + 1 < m_rows.size() ? m_rows.at(index + 1) : nullptr;
    if (!next || !EntryText::trimmed(next->text()).isEmpty())
        next = insertRow(int(index + 1), QString());
    next->lineEdit()->setFocus(Qt::OtherFocusReason);
    revalidate();
}

void ControlListEditor::pasteEntries(ControlEntryRow *row, const QStringList &pieces)
{
    if (m_readOnly || pieces.isEmpty())
        return;
    const qsizetype index = m_rows.indexOf(row);
    if (index < 0)
        return;
    row->replaceText(pieces.first());
    ControlEntryRow *last = row;
    for (qsizetype i = 1; i < pieces.size(); ++i)
        last = insertRow(int(index + i), pieces.at(i));
    last->lineEdit()->setFocus(Qt::OtherFocusReason);
    revalidate();
}

void ControlListEditor::revalidate()
{
    QStringList texts;
    for (const ControlEntryRow *row : std::as_const(m_rows))
        texts.append(row->text());
    // The one validation implementation; the editor only maps its verdict onto the rows.
    m_result = ControlValidator::validateList(m_kind, texts);

    // validateList drops the rows that are empty after trimming, so list findings name
    // entries by their index among the non-empty rows.
    m_rowEntry.clear();
    int entry = 0;
    for (const QString &text : std::as_const(texts))
        m_rowEntry.append(EntryText::trimmed(text).isEmpty() ? -1 : entry++);
    Q_ASSERT(entry == m_result.entries.size());

    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const int index = m_rowEntry.at(i);
        Findings findings;
        if (index >= 0 && index < m_result.entries.size()) {
            findings = m_result.entries.at(index).findings;
            for (const Finding &finding : std::as_const(m_result.listFindings)) {
                if (finding.entries.contains(index))
                    findings.append(finding);
            }
        }
        m_rows.at(i)->showFindings(findings);
    }

    // The list findings are also said once for the whole list: they explain the counter
    // and why saving is blocked, even when the rows concerned are scrolled away.
    QStringList lines;
    for (const Finding &finding : std::as_const(m_result.listFindings))
        lines.append(ControlEntryRow::findingText(finding));
    m_listMessageLabel->setText(lines.join(QLatin1Char('\n')));
    m_listMessageLabel->setVisible(!lines.isEmpty());

    updateCount();
    Q_EMIT changed();
}

void ControlListEditor::updateRowPositions()
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        m_rows.at(i)->setPosition(int(i + 1));
}

void ControlListEditor::updateTabOrder()
{
    QWidget *previous = m_addButton;
    for (const ControlEntryRow *row : std::as_const(m_rows)) {
        const QList<QWidget *> chain = row->focusChain();
        for (QWidget *widget : chain) {
            QWidget::setTabOrder(previous, widget);
            previous = widget;
        }
    }
    // Alt+mnemonic of the title goes to the first entry, or to Add when there is none.
    m_titleLabel->setBuddy(m_rows.isEmpty() ? static_cast<QWidget *>(m_addButton)
                                            : m_rows.first()->lineEdit());
}

void ControlListEditor::updateCount()
{
    const int count = int(m_result.entries.size());
    if (count > kMaxEntriesPerControl) {
        m_countLabel->setText(tr("%1 / %2, %3 over the limit")
                                  .arg(count)
                                  .arg(kMaxEntriesPerControl)
                                  .arg(count - kMaxEntriesPerControl));
    } else {
        m_countLabel->setText(tr("%1 / %2").arg(count).arg(kMaxEntriesPerControl));
    }
    m_countLabel->setAccessibleName(
        tr("%1 of at most %2 entries").arg(count).arg(kMaxEntriesPerControl));
}

} // namespace tokendesk::ui
