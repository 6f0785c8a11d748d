#pragma once

#include <QString>

namespace tokendesk::secrets {

// Namespaced keychain keys: other applications' items never collide with TokenDesk's, and
// every item of a profile can be found to remove it.
class SecretKeys
{
public:
    static QString service() { return QStringLiteral("TokenDesk"); }
    static QString clientSecret(const QString &profileId)
    {
        return QStringLiteral("tokendesk/%1/client-secret").arg(profileId);
    }
    static QString tokenValue(const QString &profileId, const QString &tokenId)
    {
        return QStringLiteral("tokendesk/%1/token/%2").arg(profileId, tokenId);
    }
};

} // namespace tokendesk::secrets
