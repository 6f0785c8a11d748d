#include "TokenControlsEditor.h"

#include "ControlListEditor.h"

#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace tokendesk::ui {

using validation::ControlKind;

TokenControlsEditor::TokenControlsEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("tokenControlsEditor"));

    m_readOnlyLabel = new QLabel(this);
    m_readOnlyLabel->setObjectName(QStringLiteral("readOnlyLabel"));
    m_readOnlyLabel->setTextFormat(Qt::PlainText); // the reason may come from the server
    m_readOnlyLabel->setWordWrap(true);
    m_readOnlyLabel->hide();

    m_originsEditor = new ControlListEditor(ControlKind::Origin, this);
    m_originsEditor->setObjectName(QStringLiteral("originsListEdit"));
    m_urlsEditor = new ControlListEditor(ControlKind::Url, this);
    m_urlsEditor->setObjectName(QStringLiteral("urlsListEdit"));
    m_ipsEditor = new ControlListEditor(ControlKind::Ip, this);
    m_ipsEditor->setObjectName(QStringLiteral("ipsListEdit"));

    // Created before Save so that Tab reaches them in the order they are shown.
    m_revertButton = new QPushButton(tr("&Revert"), this);
    m_revertButton->setObjectName(QStringLiteral("revertButton"));
    m_revertButton->setAutoDefault(false);
    m_revertButton->setToolTip(tr("Discard the changes and show the saved controls again"));
    m_saveButton = new QPushButton(tr("&Save"), this);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setAutoDefault(false);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_revertButton);
    buttons->addWidget(m_saveButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_readOnlyLabel);
    layout->addWidget(m_originsEditor);
    layout->addWidget(m_urlsEditor);
    layout->addWidget(m_ipsEditor);
    layout->addStretch();
    layout->addLayout(buttons);

    // Ctrl+S while focus is anywhere in the editor, also in a line edit; save() checks the
    // same conditions as the button.
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, &TokenControlsEditor::save);

    connect(m_saveButton, &QPushButton::clicked, this, &TokenControlsEditor::save);
    connect(m_revertButton, &QPushButton::clicked, this, &TokenControlsEditor::revert);
    for (ControlListEditor *listEditor : {m_originsEditor, m_urlsEditor, m_ipsEditor})
        connect(listEditor, &ControlListEditor::changed, this, &TokenControlsEditor::updateState);

    updateState();
}

void TokenControlsEditor::setControls(const domain::SecurityControls &controls)
{
    for (ControlKind kind : {ControlKind::Origin, ControlKind::Url, ControlKind::Ip})
        editor(kind)->setEntries(controls.list(kind));
    updateState();
}

domain::SecurityControls TokenControlsEditor::controls() const
{
    domain::SecurityControls result;
    for (ControlKind kind : {ControlKind::Origin, ControlKind::Url, ControlKind::Ip})
        result.list(kind) = editor(kind)->canonicalEntries();
    return result;
}

bool TokenControlsEditor::hasErrors() const
{
    return m_originsEditor->hasErrors() || m_urlsEditor->hasErrors() || m_ipsEditor->hasErrors();
}

bool TokenControlsEditor::isModified() const
{
    return m_originsEditor->isModified() || m_urlsEditor->isModified() || m_ipsEditor->isModified();
}

void TokenControlsEditor::setReadOnly(bool readOnly, const QString &why)
{
    m_readOnly = readOnly;
    for (ControlListEditor *listEditor : {m_originsEditor, m_urlsEditor, m_ipsEditor})
        listEditor->setReadOnly(readOnly);
    m_readOnlyLabel->setText(why.isEmpty() ? tr("These controls cannot be changed.") : why);
    m_readOnlyLabel->setVisible(readOnly);
    updateState();
}

ControlListEditor *TokenControlsEditor::editor(ControlKind kind) const
{
    switch (kind) {
    case ControlKind::Origin:
        return m_originsEditor;
    case ControlKind::Url:
        return m_urlsEditor;
    case ControlKind::Ip:
        return m_ipsEditor;
    }
    return nullptr;
}

void TokenControlsEditor::save()
{
    if (!m_saveButton->isEnabled())
        return;
    Q_EMIT saveRequested(controls());
}

void TokenControlsEditor::revert()
{
    if (m_readOnly)
        return;
    for (ControlListEditor *listEditor : {m_originsEditor, m_urlsEditor, m_ipsEditor})
        listEditor->revert();
    updateState();
}

void TokenControlsEditor::updateState()
{
    const bool modified = isModified();
    const bool errors = hasErrors();

    // The reason Save is off is given in words, for the tooltip and for screen readers.
    QString saveHint;
    if (m_readOnly)
        saveHint = m_readOnlyLabel->text();
    else if (errors)
        saveHint = tr("Fix the errors first");
    else if (!modified)
        saveHint = tr("Nothing changed");
    else
        saveHint = tr("Save the controls (%1)")
                       .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText));
    m_saveButton->setEnabled(!m_readOnly && modified && !errors);
    m_saveButton->setToolTip(saveHint);
    m_saveButton->setAccessibleDescription(saveHint);
    m_revertButton->setEnabled(!m_readOnly && modified);

    if (modified != m_modified) {
        m_modified = modified;
        Q_EMIT modifiedChanged(modified);
    }
}

} // namespace tokendesk::ui
