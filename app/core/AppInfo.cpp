#include "AppInfo.h"

#include <QCoreApplication>

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
}

} // namespace tokendesk
