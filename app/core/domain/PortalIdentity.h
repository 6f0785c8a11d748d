#pragma once

#include <QString>
#include <optional>

namespace tokendesk::domain {

// What a portal client may do. consumer_reader is read-only and may not reveal values.
enum class PortalRole { Administrator, Consumer, ConsumerReader };

QString portalRoleName(PortalRole role); // "administrator", "consumer", "consumer_reader"
std::optional<PortalRole> portalRoleFromName(const QString &name);
bool roleMayEdit(PortalRole role);
bool roleMayCreateOrDelete(PortalRole role);
bool roleMayReveal(PortalRole role);

// Who the portal says we are (GET /v1/me).
struct PortalIdentity
{
    QString clientId;
    QString userId;
    QString userName;
    PortalRole role = PortalRole::ConsumerReader;
    QString accountId;
    QString accountName;
};

} // namespace tokendesk::domain
