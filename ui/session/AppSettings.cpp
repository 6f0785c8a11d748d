#include "AppSettings.h"

#include "secrets/ClipboardGuard.h"

#include <QSettings>

namespace tokendesk::ui {

namespace {

int bounded(int value, int low, int high, int fallback)
{
    return value < low || value > high ? fallback : value;
}

} // namespace

int AppSettings::clipboardClearSeconds() const
{
    return bounded(m_settings.value(QStringLiteral("secrets/clipboardClearSeconds"),
                                    ClipboardGuard::kDefaultClearSeconds).toInt(),
                   5, 600, ClipboardGuard::kDefaultClearSeconds);
}

void AppSettings::setClipboardClearSeconds(int seconds)
{
    m_settings.setValue(QStringLiteral("secrets/clipboardClearSeconds"), seconds);
}

int AppSettings::revealSeconds() const
{
    return bounded(m_settings.value(QStringLiteral("secrets/revealSeconds"), kDefaultRevealSeconds).toInt(),
                   5, 600, kDefaultRevealSeconds);
}

void AppSettings::setRevealSeconds(int seconds)
{
    m_settings.setValue(QStringLiteral("secrets/revealSeconds"), seconds);
}

QString AppSettings::language() const
{
    return m_settings.value(QStringLiteral("ui/language")).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings.setValue(QStringLiteral("ui/language"), language);
}

bool AppSettings::startMinimised() const
{
    return m_settings.value(QStringLiteral("ui/startMinimised"), false).toBool();
}

void AppSettings::setStartMinimised(bool minimised)
{
    m_settings.setValue(QStringLiteral("ui/startMinimised"), minimised);
}

bool AppSettings::welcomeDone() const
{
    return m_settings.value(QStringLiteral("ui/welcomeDone"), false).toBool();
}

void AppSettings::setWelcomeDone(bool done)
{
    m_settings.setValue(QStringLiteral("ui/welcomeDone"), done);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(QStringLiteral("window/geometry")).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(QStringLiteral("window/state")).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry, const QByteArray &state)
{
    m_settings.setValue(QStringLiteral("window/geometry"), geometry);
    m_settings.setValue(QStringLiteral("window/state"), state);
}

QByteArray AppSettings::splitterState(const QString &name) const
{
    return m_settings.value(QStringLiteral("window/splitter-") + name).toByteArray();
}

void AppSettings::setSplitterState(const QString &name, const QByteArray &state)
{
    m_settings.setValue(QStringLiteral("window/splitter-") + name, state);
}

QByteArray AppSettings::tableHeaderState() const
{
    return m_settings.value(QStringLiteral("window/tokenTableHeader")).toByteArray();
}

void AppSettings::setTableHeaderState(const QByteArray &state)
{
    m_settings.setValue(QStringLiteral("window/tokenTableHeader"), state);
}

} // namespace tokendesk::ui
