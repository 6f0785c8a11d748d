#pragma once

#include <QString>

namespace tokendesk::inventory {

// A deployment as the sidebar lists it.
struct DeploymentSummary
{
    QString profileId;
    QString deploymentId;
    QString name;
    QString region;
};

} // namespace tokendesk::inventory
