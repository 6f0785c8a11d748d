#include "KeychainAccess.h"

#include "secrets/KeychainSecretStore.h"

#include <QEventLoop>

namespace tokendesk::cli {

using namespace tokendesk::secrets;

namespace {

template <typename Start>
SecretError wait(Start start)
{
    KeychainSecretStore store;
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

QString KeychainAccess::backendName()
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("macOS Keychain");
#elif defined(Q_OS_WIN)
    return QStringLiteral("Windows Credential Manager");
#else
    const QString desktop = qEnvironmentVariable("XDG_CURRENT_DESKTOP");
    if (desktop.contains(QLatin1String("KDE")))
        return QStringLiteral("KWallet or the Secret Service (KDE session)");
    return QStringLiteral("Secret Service (libsecret: gnome-keyring, KeePassXC, …)");
#endif
}

} // namespace tokendesk::cli
