#pragma once

#include "secrets/SecretStore.h"

#include <QHash>

// A SecretStore in memory, for tests only (never linked into a shipped binary): answers
// like the keychain does (not found on a missing read, a missing remove is fine), from the
// event loop, and can be told to fail as a missing keychain would.
class MemorySecretStore : public tokendesk::secrets::SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;

    void setUnavailable(bool unavailable) { m_unavailable = unavailable; }
    int itemCount() const { return int(m_items.size()); }

    void write(const QString &key, const tokendesk::secrets::SecretBuffer &secret, Done done) override;
    void read(const QString &key, Read done) override;
    void remove(const QString &key, Done done) override;

private:
    tokendesk::secrets::SecretError unavailable() const;

    QHash<QString, tokendesk::secrets::SecretBuffer> m_items;
    bool m_unavailable = false;
};
