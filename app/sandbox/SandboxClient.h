#pragma once

#include "domain/PortalIdentity.h"

#include <QString>

namespace tokendesk::sandbox {

// An OAuth client registered with the sandbox (--client ID:SECRET:ROLE).
struct SandboxClient
{
    QString id;
    QString secret;
    domain::PortalRole role = domain::PortalRole::ConsumerReader;
};

} // namespace tokendesk::sandbox
