#include "NetworkReachability.h"

#include "portal/PortalEndpoint.h"

#include <QNetworkInformation>

namespace tokendesk::sync {

bool NetworkReachability::knownOffline(const QUrl &portal)
{
    if (portal::PortalEndpoint::isLoopbackHost(portal.host()))
        return false;
    if (!QNetworkInformation::instance() &&
        !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return false;
    const QNetworkInformation *information = QNetworkInformation::instance();
    return information &&
           information->reachability() == QNetworkInformation::Reachability::Disconnected;
}

} // namespace tokendesk::sync
