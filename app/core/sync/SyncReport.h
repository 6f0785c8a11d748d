#pragma once

#include "portal/PortalError.h"

namespace tokendesk::sync {

// What one sync of a profile did. `error` is set when it stopped early (the portal
// unreachable, credentials refused, cancelled); what was done before stays done.
struct SyncReport
{
    QString profileId;
    int pushed = 0;        // outbox entries the portal confirmed
    int conflicts = 0;     // new conflicts
    int pulled = 0;        // tokens new or changed on the portal
    int removed = 0;       // tokens deleted on the portal
    int notModified = 0;   // collections that answered 304
    portal::PortalError error;
    bool workspaceError = false; // the workspace could not be written: error says why

    bool ok() const { return !error.isError(); }
};

} // namespace tokendesk::sync
