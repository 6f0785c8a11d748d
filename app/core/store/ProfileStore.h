#pragma once

#include "Workspace.h"

#include "domain/Profile.h"

#include <QList>
#include <optional>

namespace tokendesk::store {

// The profiles of a workspace. The Local profile always exists and cannot be removed.
class ProfileStore
{
public:
    explicit ProfileStore(Workspace &workspace) : m_workspace(workspace) {}

    QList<domain::Profile> all() const;
    // By id or, case-insensitively, by name.
    std::optional<domain::Profile> find(const QString &idOrName) const;
    // Returns an error message, empty on success.
    QString add(const domain::Profile &profile);
    // Remembers the role the portal gave the profile's client (GET /v1/me).
    bool setRole(const QString &id, domain::PortalRole role);
    // Removes the profile and everything pulled for it; returns an error message.
    QString remove(const QString &id);

private:
    Workspace &m_workspace;
};

} // namespace tokendesk::store
