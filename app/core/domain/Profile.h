#pragma once

#include "PortalIdentity.h"

#include <QDateTime>
#include <QString>

namespace tokendesk::domain {

// A portal account TokenDesk works with, or the Local profile for tokens entered by hand or
// imported. Connection settings only: the client secret lives in the OS keychain.
struct Profile
{
    enum class Kind { Portal, Local };

    QString id;
    QString name;
    Kind kind = Kind::Portal;
    QString baseUrl;
    QString clientId;
    QDateTime createdAt;
    // What the portal last said the client may do; nullopt until asked (and for Local).
    std::optional<PortalRole> role;

    bool isLocal() const { return kind == Kind::Local; }
    static QString localId() { return QStringLiteral("local"); }
};

} // namespace tokendesk::domain
