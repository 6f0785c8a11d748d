#include "KeychainAccess.h"

#include "secrets/KeychainSecretStore.h"

#include <QEventLoop>

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

template <typename Start>
SecretError wait(Start start)
{
    KeychainSecretStore store;
    store.setTimeout(timeoutMs());
    QEventLoop loop;
    SecretError result;
    bool done = false;
    start(store, [&](const SecretError &error) {
        result = error;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return result;
}

} // namespace

SecretError KeychainAccess::store(const QString &key, const SecretBuffer &secret)
{
    return wait([&](KeychainSecretStore &store, const SecretStore::Done &done) {
        store.write(key, secret, done);
    });
}

SecretError KeychainAccess::load(const QString &key, SecretBuffer *secret)
{
    return wait([&](KeychainSecretStore &store, const SecretStore::Done &done) {
        store.read(key, [&, done](const SecretBuffer &value, const SecretError &error) {
            *secret = value;
            done(error);
        });
    });
}

SecretError KeychainAccess::remove(const QString &key)
{
    return wait([&](KeychainSecretStore &store, const SecretStore::Done &done) {
        store.remove(key, done);
    });
}

KeychainSecretStore::Diagnosis KeychainAccess::diagnose()
{
    KeychainSecretStore store;
    store.setTimeout(timeoutMs());
    QEventLoop loop;
    KeychainSecretStore::Diagnosis result;
    bool done = false;
    store.diagnose([&](const KeychainSecretStore::Diagnosis &diagnosis) {
        result = diagnosis;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return result;
}

} // namespace tokendesk::cli
