#pragma once

#include <QByteArray>
#include <QString>

class QSettings;

namespace tokendesk::ui {

// The user's preferences, kept with QSettings (never a secret, never a token value).
class AppSettings
{
public:
    static constexpr int kDefaultRevealSeconds = 20;

    explicit AppSettings(QSettings &settings) : m_settings(settings) {}

    int clipboardClearSeconds() const;
    void setClipboardClearSeconds(int seconds);
    int revealSeconds() const;
    void setRevealSeconds(int seconds);
    QString language() const; // empty: the system's
    void setLanguage(const QString &language);
    bool startMinimised() const;
    void setStartMinimised(bool minimised);
    bool welcomeDone() const;
    void setWelcomeDone(bool done);
    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindowGeometry(const QByteArray &geometry, const QByteArray &state);
    QByteArray splitterState(const QString &name) const;
    void setSplitterState(const QString &name, const QByteArray &state);
    QByteArray tableHeaderState() const;
    void setTableHeaderState(const QByteArray &state);

private:
    QSettings &m_settings;
};

} // namespace tokendesk::ui
