#include "SettingsDialog.h"

#include "session/AppSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace tokendesk::ui {

SettingsDialog::SettingsDialog(AppSettings &settings, QWidget *parent)
    : QDialog(parent), m_settings(settings)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("settingsTabs"));
    tabs->addTab(createGeneralPage(), tr("&General"));
    tabs->addTab(createProfilesPage(), tr("&Profiles"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
}

QWidget *SettingsDialog::createGeneralPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_clipboardSeconds = new QSpinBox(page);
    m_clipboardSeconds->setObjectName(QStringLiteral("clipboardSecondsSpinBox"));
    m_clipboardSeconds->setRange(5, 600);
    m_clipboardSeconds->setSuffix(tr(" s"));
    m_clipboardSeconds->setValue(m_settings.clipboardClearSeconds());
    m_revealSeconds = new QSpinBox(page);
    m_revealSeconds->setObjectName(QStringLiteral("revealSecondsSpinBox"));
    m_revealSeconds->setRange(5, 600);
    m_revealSeconds->setSuffix(tr(" s"));
    m_revealSeconds->setValue(m_settings.revealSeconds());
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_settings.language())));
    m_startMinimised = new QCheckBox(tr("Start &minimised"), page);
    m_startMinimised->setObjectName(QStringLiteral("startMinimisedCheckBox"));
    m_startMinimised->setChecked(m_settings.startMinimised());

    const auto row = [&](const QString &label, QWidget *widget, const QString &hint) {
        auto *caption = new QLabel(label, page);
        caption->setBuddy(widget);
        widget->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
        widget->setAccessibleDescription(hint);
        widget->setToolTip(hint);
        form->addRow(caption, widget);
    };
    row(tr("&Clear the clipboard after:"), m_clipboardSeconds,
        tr("A copied token value is removed from the clipboard after this time, if it is still there."));
    row(tr("&Hide a revealed value after:"), m_revealSeconds,
        tr("A revealed token value is masked again after this time."));
    row(tr("&Language:"), m_language, tr("Takes effect at the next start."));
    form->addRow(m_startMinimised);
    return page;
}

QWidget *SettingsDialog::createProfilesPage()
{
    auto *page = new QWidget(this);
    m_profiles = new QListWidget(page);
    m_profiles->setObjectName(QStringLiteral("profilesListWidget"));
    m_profiles->setAccessibleName(tr("Profiles"));
    auto *add = new QPushButton(tr("&Add…"), page);
    add->setObjectName(QStringLiteral("addProfileButton"));
    m_removeProfile = new QPushButton(tr("&Remove"), page);
    m_removeProfile->setObjectName(QStringLiteral("removeProfileButton"));
    m_removeProfile->setEnabled(false);
    connect(add, &QPushButton::clicked, this, &SettingsDialog::addProfileRequested);
    connect(m_removeProfile, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_profiles->currentItem())
            Q_EMIT removeProfileRequested(item->data(Qt::UserRole).toString());
    });
    connect(m_profiles, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        m_removeProfile->setEnabled(item && item->data(Qt::UserRole).toString() != domain::Profile::localId());
    });
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_removeProfile);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(page);
    layout->addWidget(m_profiles, 1);
    layout->addLayout(buttons);
    return page;
}

void SettingsDialog::setProfiles(const QList<domain::Profile> &profiles)
{
    m_profiles->clear();
    for (const domain::Profile &profile : profiles) {
        const QString text = profile.isLocal()
                                 ? tr("%1 (tokens on this computer only)").arg(profile.name)
                                 : tr("%1 — %2 as %3").arg(profile.name, profile.baseUrl, profile.clientId);
        auto *item = new QListWidgetItem(text, m_profiles);
        item->setData(Qt::UserRole, profile.id);
    }
}

void SettingsDialog::save()
{
    m_settings.setClipboardClearSeconds(m_clipboardSeconds->value());
    m_settings.setRevealSeconds(m_revealSeconds->value());
    m_settings.setLanguage(m_language->currentData().toString());
    m_settings.setStartMinimised(m_startMinimised->isChecked());
}

} // namespace tokendesk::ui
