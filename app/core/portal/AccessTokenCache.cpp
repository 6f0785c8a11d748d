#include "AccessTokenCache.h"

#include <algorithm>

namespace tokendesk::portal {

void AccessTokenCache::store(const QString &token, int expiresInSeconds, const QDateTime &now)
{
    const qint64 lifetimeMs = qint64(std::max(expiresInSeconds, 0)) * 1000;
    const qint64 marginMs = std::min<qint64>(60000, lifetimeMs / 10);
    m_token = token;
    m_refreshAt = now.addMSecs(lifetimeMs - marginMs);
}

QString AccessTokenCache::freshToken(const QDateTime &now) const
{
    if (m_token.isEmpty() || now >= m_refreshAt)
        return {};
    return m_token;
}

void AccessTokenCache::invalidate(const QString &token)
{
    if (m_token == token)
        clear();
}

void AccessTokenCache::clear()
{
    m_token.clear();
    m_refreshAt = QDateTime();
}

} // namespace tokendesk::portal
