#pragma once

#include "SecretStore.h"

namespace QKeychain {
class Job;
}

namespace tokendesk::secrets {

// SecretStore on the OS keychain through QtKeychain (Secret Service on Linux, Keychain on
// macOS, Credential Manager on Windows). The insecure plain-text fallback is off; a job that
// does not finish within the timeout (a hidden unlock prompt) fails with Timeout; a backend
// that is not up yet (a login still starting it) gets one more try after a short delay.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(QObject *parent = nullptr);

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    void setRetryDelay(int milliseconds) { m_retryDelayMs = milliseconds; }

    void write(const QString &key, const SecretBuffer &secret, Done done) override;
    void read(const QString &key, Read done) override;
    void remove(const QString &key, Done done) override;

    // The keychain TokenDesk uses here, and a write/read/delete round trip with a throwaway
    // item: for a "Test keychain" button and `tokendesk-cli profile keychain`.
    struct Diagnosis
    {
        QString backend;
        SecretError write;
        SecretError read;
        SecretError remove;
        bool readBackSame = false;
        bool ok() const
        {
            return !write.isError() && !read.isError() && !remove.isError() && readBackSame;
        }
    };
    void diagnose(std::function<void(const Diagnosis &)> done);
    static QString backendName();

    // A message for people: what is wrong and what to do, for this platform.
    static SecretError errorFor(int keychainError, const QString &detail);

private:
    enum class Operation { Write, Read, Remove };
    void run(Operation operation, const QString &key, const SecretBuffer &secret, Read done,
             int attempt);

    int m_timeoutMs = 20000;
    int m_retryDelayMs = 1500;
};

} // namespace tokendesk::secrets
