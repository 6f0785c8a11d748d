#include "KeychainAccess.h"

#include "secrets/KeychainSecretStore.h"

#include "PortalWait.h"

#include <memory>

namespace tokendesk::cli {

using namespace tokendesk::secrets;

namespace {

// TOKENDESK_KEYCHAIN_TIMEOUT (seconds) shortens or lengthens the wait for a keychain that
// does not answer, for slow unlock prompts and for tests.
int timeoutMs()
{
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("TOKENDESK_KEYCHAIN_TIMEOUT", &ok);
    return ok && seconds >= 1 && seconds <= 600 ? seconds * 1000 : 20000;
}

std::unique_ptr<KeychainSecretStore> newStore()
{
    auto store = std::make_unique<KeychainSecretStore>();
    store->setTimeout(timeoutMs());
    return store;
}

using Answer = std::function<void(const SecretError &)>;

} // namespace

SecretError KeychainAccess::store(const QString &key, const SecretBuffer &secret)
{
    const auto store = newStore();
    return waitForAnswer<SecretError>([&](Answer done) { store->write(key, secret, done); });
}

SecretError KeychainAccess::load(const QString &key, SecretBuffer *secret)
{
    const auto store = newStore();
    return waitForAnswer<SecretError>([&](Answer done) {
        store->read(key, [secret, done](const SecretBuffer &value, const SecretError &error) {
            *secret = value;
            done(error);
        });
    });
}

SecretError KeychainAccess::remove(const QString &key)
{
    const auto store = newStore();
    return waitForAnswer<SecretError>([&](Answer done) { store->remove(key, done); });
}

KeychainSecretStore::Diagnosis KeychainAccess::diagnose()
{
    const auto store = newStore();
    return waitForAnswer<KeychainSecretStore::Diagnosis>(
        [&](std::function<void(const KeychainSecretStore::Diagnosis &)> done) { store->diagnose(done); });
}

} // namespace tokendesk::cli
