#pragma once

#include "SandboxClient.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <optional>

namespace tokendesk::sandbox {

// Bearer tokens issued by POST /oauth2/token. Kept in memory only, as a real authorisation
// server may forget them at any time: after a restart every client gets 401 and must refresh.
class AccessTokenRegistry
{
public:
    explicit AccessTokenRegistry(int ttlSeconds);

    struct Issued
    {
        QString accessToken;
        int expiresIn = 0;
    };
    Issued issue(const SandboxClient &client);
    // The client the token was issued to, while it is valid.
    std::optional<SandboxClient> clientFor(const QString &accessToken);

private:
    struct Grant
    {
        SandboxClient client;
        QDateTime expiresAt;
    };
    int m_ttlSeconds;
    QHash<QString, Grant> m_grants;
};

} // namespace tokendesk::sandbox
