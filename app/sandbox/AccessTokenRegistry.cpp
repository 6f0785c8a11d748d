#include "AccessTokenRegistry.h"

#include <QRandomGenerator>

namespace tokendesk::sandbox {

AccessTokenRegistry::AccessTokenRegistry(int ttlSeconds)
    : m_ttlSeconds(ttlSeconds)
{
}

AccessTokenRegistry::Issued AccessTokenRegistry::issue(const SandboxClient &client)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Forget expired grants so that the table does not grow without bound.
    for (auto it = m_grants.begin(); it != m_grants.end();) {
        it = it->expiresAt <= now ? m_grants.erase(it) : std::next(it);
    }
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / int(sizeof(quint32)));
    const QString token = QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    m_grants.insert(token, Grant{client, now.addSecs(m_ttlSeconds)});
    return Issued{token, m_ttlSeconds};
}

std::optional<SandboxClient> AccessTokenRegistry::clientFor(const QString &accessToken)
{
    const auto it = m_grants.constFind(accessToken);
    if (it == m_grants.cend())
        return std::nullopt;
    if (it->expiresAt <= QDateTime::currentDateTimeUtc()) {
        m_grants.erase(it);
        return std::nullopt;
    }
    return it->client;
}

} // namespace tokendesk::sandbox
