#pragma once

#include "store/Workspace.h"

#include <QString>

namespace tokendesk::testing {

// A conflict recorded the way the sync engine records one after a 412: a portal token, an
// offline edit of it (renamed, one IP range added), and the portal's newer version (renamed
// too, with five ranges) pulled, so the name conflicts and the merged IP list breaks the limit.
class ConflictFixture
{
public:
    static QString profileId() { return QStringLiteral("p1"); }
    static QString deploymentId() { return QStringLiteral("dep_1"); }
    static QString tokenId() { return QStringLiteral("tok_1"); }
    static QString myName() { return QStringLiteral("Checkout <b>prod</b>"); }
    static QString theirName() { return QStringLiteral("Checkout (web)"); }
    static QString myAddedRange() { return QStringLiteral("198.51.100.0/24"); }

    // Writes it all into an open workspace. `deletedOnPortal`: the portal answered 404
    // instead, so there is no "theirs". Returns the conflict's id, 0 on failure.
    static qint64 add(store::Workspace &workspace, bool deletedOnPortal = false);
};

} // namespace tokendesk::testing
