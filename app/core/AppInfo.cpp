#include "AppInfo.h"

#include <QCoreApplication>
#include <QTranslator>

namespace tokendesk {

QString AppInfo::applicationName()
{
    return QStringLiteral("TokenDesk");
}

QString AppInfo::organizationName()
{
    return QStringLiteral("TokenDesk");
}

QString AppInfo::version()
{
    return QStringLiteral(TOKENDESK_VERSION);
}

void AppInfo::applyTo()
{
    // One name for every binary, so that the CLI and the GUI share settings and data paths.
    QCoreApplication::setApplicationName(applicationName());
    QCoreApplication::setOrganizationName(organizationName());
    QCoreApplication::setApplicationVersion(version());
    installEnglishPlurals();
}

void AppInfo::installEnglishPlurals()
{
    // Texts are written in English with "%n token(s)"; the English translation holds their
    // plural forms. Installed first, so that any other language's translation wins.
    static QTranslator *english = nullptr;
    if (english || !QCoreApplication::instance())
        return;
    english = new QTranslator(QCoreApplication::instance());
    if (english->load(QStringLiteral(":/i18n/tokendesk_en.qm")))
        QCoreApplication::installTranslator(english);
}

} // namespace tokendesk
