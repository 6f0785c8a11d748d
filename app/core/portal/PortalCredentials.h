#pragma once

#include <QByteArray>
#include <QString>

namespace tokendesk::portal {

// An OAuth client of the portal. The secret stays in memory and goes only into the
// Authorization header of the token request.
struct PortalCredentials
{
    QString clientId;
    QByteArray clientSecret;
};

} // namespace tokendesk::portal
