#include "KeychainSecretStore.h"

#include "SecretKeys.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <QUuid>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcSecrets, "tokendesk.secrets", QtInfoMsg)

namespace tokendesk::secrets {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("KeychainSecretStore", text);
}

QString noKeychainAdvice()
{
#if defined(Q_OS_MACOS)
    return tr("The macOS Keychain is not available to TokenDesk.");
#elif defined(Q_OS_WIN)
    return tr("The Windows Credential Manager is not available to TokenDesk.");
#else
    return tr("No keychain (Secret Service) is running. Install and start one, for example "
              "gnome-keyring (Debian: apt install gnome-keyring) or KWallet, and unlock it; "
              "TokenDesk never stores secrets in plain text instead.");
#endif
}

// A backend that is still starting answers like a missing one: worth one more try.
bool mayBeStarting(int error, const QString &detail)
{
    return error == QKeychain::NoBackendAvailable ||
           (error == QKeychain::OtherError &&
            (detail.contains(QLatin1String("ServiceUnknown")) ||
             detail.contains(QLatin1String("was not provided by any .service files"))));
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : SecretStore(parent)
{
}

SecretError KeychainSecretStore::errorFor(int keychainError, const QString &detail)
{
    switch (keychainError) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return {SecretError::Kind::NotFound, tr("The keychain holds no such secret.")};
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return {SecretError::Kind::Locked,
                tr("The keychain refused access (is it locked?): %1").arg(detail)};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return {SecretError::Kind::NoKeychain, noKeychainAdvice()};
    default:
        break;
    }
    if (detail.contains(QLatin1String("not provided by any .service files")) ||
        detail.contains(QLatin1String("ServiceUnknown")) ||
        detail.contains(QLatin1String("Cannot autolaunch D-Bus")))
        return {SecretError::Kind::NoKeychain, noKeychainAdvice() + QStringLiteral(" (") + detail + QLatin1Char(')')};
    if (detail.contains(QLatin1String("locked")))
        return {SecretError::Kind::Locked, tr("The keychain is locked: unlock it and try again (%1).").arg(detail)};
    return {SecretError::Kind::Other, tr("The keychain failed: %1").arg(detail)};
}

QString KeychainSecretStore::backendName()
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("macOS Keychain");
#elif defined(Q_OS_WIN)
    return QStringLiteral("Windows Credential Manager");
#else
    if (qEnvironmentVariable("XDG_CURRENT_DESKTOP").contains(QLatin1String("KDE")))
        return QStringLiteral("KWallet or the Secret Service (KDE session)");
    return QStringLiteral("Secret Service (libsecret: gnome-keyring, KeePassXC, …)");
#endif
}

void KeychainSecretStore::diagnose(std::function<void(const Diagnosis &)> done)
{
    const QString key = QStringLiteral("tokendesk/diagnostics/probe");
    const SecretBuffer probe(QUuid::createUuid().toByteArray());
    auto diagnosis = std::make_shared<Diagnosis>();
    diagnosis->backend = backendName();
    write(key, probe, [=](const SecretError &written) {
        diagnosis->write = written;
        if (written.isError())
            return done(*diagnosis);
        read(key, [=](const SecretBuffer &value, const SecretError &readError) {
            diagnosis->read = readError;
            diagnosis->readBackSame = !readError.isError() && value.bytes() == probe.bytes();
            remove(key, [=](const SecretError &removed) {
                diagnosis->remove = removed;
                done(*diagnosis);
            });
        });
    });
}

void KeychainSecretStore::write(const QString &key, const SecretBuffer &secret, Done done)
{
    run(Operation::Write, key, secret,
        [done = std::move(done)](const SecretBuffer &, const SecretError &error) { done(error); }, 1);
}

void KeychainSecretStore::read(const QString &key, Read done)
{
    run(Operation::Read, key, SecretBuffer(), std::move(done), 1);
}

void KeychainSecretStore::remove(const QString &key, Done done)
{
    run(Operation::Remove, key, SecretBuffer(),
        [done = std::move(done)](const SecretBuffer &, const SecretError &error) { done(error); }, 1);
}

void KeychainSecretStore::run(Operation operation, const QString &key, const SecretBuffer &secret,
                              Read done, int attempt)
{
    QKeychain::Job *job = nullptr;
    switch (operation) {
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(SecretKeys::service());
        write->setBinaryData(secret.bytes());
        job = write;
        break;
    }
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(SecretKeys::service());
        break;
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(SecretKeys::service());
        break;
    }
    job->setKey(key);
    job->setInsecureFallback(false); // never a plain-text file instead of a keychain
    job->setAutoDelete(false);

    // One answer per call: from the job, or from the timeout, whichever comes first.
    auto answered = std::make_shared<bool>(false);
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    const QPointer<QKeychain::Job> guard(job);
    connect(timer, &QTimer::timeout, this, [=] {
        timer->deleteLater();
        if (*answered)
            return;
        *answered = true;
        qCDebug(lcSecrets) << "keychain job for" << key << "timed out";
        done(SecretBuffer(), SecretError{SecretError::Kind::Timeout,
                                         tr("The keychain did not answer within %1 seconds. It may "
                                            "be waiting for you to unlock it.")
                                             .arg(m_timeoutMs / 1000)});
        // The job may still finish later; it is not waited for.
    });
    connect(job, &QKeychain::Job::finished, this, [=](QKeychain::Job *finished) {
        finished->deleteLater();
        timer->stop();
        timer->deleteLater();
        if (*answered)
            return;
        const int code = finished->error();
        const QString detail = finished->errorString();
        if (code != QKeychain::NoError && code != QKeychain::EntryNotFound &&
            mayBeStarting(code, detail) && attempt == 1) {
            *answered = true;
            qCDebug(lcSecrets) << "keychain not up yet; trying again";
            QTimer::singleShot(m_retryDelayMs, this,
                               [=] { run(operation, key, secret, done, attempt + 1); });
            return;
        }
        *answered = true;
        SecretError error = errorFor(code, detail);
        if (operation == Operation::Remove && error.kind == SecretError::Kind::NotFound)
            error = {}; // already gone
        SecretBuffer value;
        if (operation == Operation::Read && code == QKeychain::NoError) {
            QByteArray data = static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
            value = SecretBuffer(data);
            SecretBuffer::wipe(data);
        }
        qCDebug(lcSecrets) << "keychain job for" << key << "finished, error" << code;
        done(value, error);
    });
    timer->start(m_timeoutMs);
    job->start();
}

} // namespace tokendesk::secrets
