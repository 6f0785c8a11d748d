#include "MemorySecretStore.h"

#include <QTimer>

using namespace tokendesk::secrets;

SecretError MemorySecretStore::unavailable() const
{
    return {SecretError::Kind::NoKeychain, QStringLiteral("no keychain (test)")};
}

void MemorySecretStore::write(const QString &key, const SecretBuffer &secret, Done done)
{
    QTimer::singleShot(0, this, [this, key, secret, done] {
        if (m_unavailable)
            return done(unavailable());
        m_items.insert(key, secret);
        done({});
    });
}

void MemorySecretStore::read(const QString &key, Read done)
{
    QTimer::singleShot(0, this, [this, key, done] {
        if (m_unavailable)
            return done(SecretBuffer(), unavailable());
        const auto it = m_items.constFind(key);
        if (it == m_items.cend())
            return done(SecretBuffer(), SecretError{SecretError::Kind::NotFound, QStringLiteral("not found")});
        done(*it, {});
    });
}

void MemorySecretStore::remove(const QString &key, Done done)
{
    QTimer::singleShot(0, this, [this, key, done] {
        if (m_unavailable)
            return done(unavailable());
        m_items.remove(key);
        done({});
    });
}
