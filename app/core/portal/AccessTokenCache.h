#pragma once

#include <QDateTime>
#include <QString>

namespace tokendesk::portal {

// The current bearer token and when to stop using it: a little before the portal's expiry
// (a tenth of the lifetime, at most a minute), so that a request never leaves with a token
// that expires on the way.
class AccessTokenCache
{
public:
    void store(const QString &token, int expiresInSeconds, const QDateTime &now);
    // The token while it is fresh at `now`, else an empty string.
    QString freshToken(const QDateTime &now) const;
    // Forgets the token if it is still `token` (a 401 answered a request that used it).
    void invalidate(const QString &token);
    void clear();

private:
    QString m_token;
    QDateTime m_refreshAt;
};

} // namespace tokendesk::portal
