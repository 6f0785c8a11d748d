#pragma once

#include <QUrl>

namespace tokendesk::sync {

// Whether the operating system says this computer is offline, where it can tell
// (QNetworkInformation: NetworkManager on Linux, the system APIs on Windows and macOS).
// Where it cannot, nothing is assumed and failures tell instead. A loopback portal is
// never "offline".
class NetworkReachability
{
public:
    static bool knownOffline(const QUrl &portal);
};

} // namespace tokendesk::sync
