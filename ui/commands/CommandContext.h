#pragma once

#include "domain/PortalIdentity.h"

#include <QString>
#include <optional>

namespace tokendesk::ui {

// What the actions of the window depend on: the selection, the profile in view and the
// role the portal gave its client, and whether a sync runs.
struct CommandContext
{
    int selectedTokens = 0;
    bool selectedActive = false;     // the selected token is active
    bool selectedInPortal = false;   // the selected token belongs to a portal profile
    bool profileInScope = false;     // a profile (or one of its deployments) is in view
    bool hasPortalProfiles = false;
    bool syncing = false;
    bool workspaceOpen = false;
    std::optional<domain::PortalRole> role; // of the profile in view; nullopt: Local or unknown
};

} // namespace tokendesk::ui
