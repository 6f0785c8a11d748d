#pragma once

#include "domain/Profile.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace tokendesk::ui {

class AppSettings;

// Preferences: profiles (add, remove), clipboard and reveal timeouts, language, start
// minimised. Profile changes are asked of the caller through signals.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(AppSettings &settings, QWidget *parent = nullptr);

    void setProfiles(const QList<domain::Profile> &profiles);
    void save();

Q_SIGNALS:
    void addProfileRequested();
    void removeProfileRequested(const QString &profileId);

private:
    QWidget *createGeneralPage();
    QWidget *createProfilesPage();

    AppSettings &m_settings;
    QListWidget *m_profiles = nullptr;
    QPushButton *m_removeProfile = nullptr;
    QSpinBox *m_clipboardSeconds = nullptr;
    QSpinBox *m_revealSeconds = nullptr;
    QComboBox *m_language = nullptr;
    QCheckBox *m_startMinimised = nullptr;
};

} // namespace tokendesk::ui
