#pragma once

#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretBuffer.h"
#include "secrets/SecretError.h"

#include <QString>

namespace tokendesk::cli {

// The keychain from the command line: each call waits for the keychain's answer (with the
// store's timeout), so that commands read top to bottom.
class KeychainAccess
{
public:
    static secrets::SecretError store(const QString &key, const secrets::SecretBuffer &secret);
    static secrets::SecretError load(const QString &key, secrets::SecretBuffer *secret);
    static secrets::SecretError remove(const QString &key);
    static secrets::KeychainSecretStore::Diagnosis diagnose();
};

} // namespace tokendesk::cli
