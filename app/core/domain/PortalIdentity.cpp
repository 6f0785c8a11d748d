#include "PortalIdentity.h"

namespace tokendesk::domain {

QString portalRoleName(PortalRole role)
{
    switch (role) {
    case PortalRole::Administrator:
        return QStringLiteral("administrator");
    case PortalRole::Consumer:
        return QStringLiteral("consumer");
    case PortalRole::ConsumerReader:
        break;
    }
    return QStringLiteral("consumer_reader");
}

std::optional<PortalRole> portalRoleFromName(const QString &name)
{
    for (PortalRole role :
         {PortalRole::Administrator, PortalRole::Consumer, PortalRole::ConsumerReader}) {
        if (portalRoleName(role) == name)
            return role;
    }
    return std::nullopt;
}

bool roleMayEdit(PortalRole role)
{
    return role != PortalRole::ConsumerReader;
}

bool roleMayCreateOrDelete(PortalRole role)
{
    return role == PortalRole::Administrator;
}

bool roleMayReveal(PortalRole role)
{
    return role != PortalRole::ConsumerReader;
}

} // namespace tokendesk::domain
