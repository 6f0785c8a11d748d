// The SecretStore contract, as the code that uses a store relies on it, checked on the
// in-memory store that unit tests use in place of the keychain (the keychain itself is
// checked against a real gnome-keyring in tst_keychain).

#include "MemorySecretStore.h"

#include "secrets/SecretKeys.h"

#include <QSignalSpy>
#include <QTest>

using namespace tokendesk::secrets;

class TestSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writeReadRemove()
    {
        MemorySecretStore store;
        const QString key = SecretKeys::clientSecret(QStringLiteral("p1"));
        bool answered = false;
        store.write(key, SecretBuffer("s3cret"), [&](const SecretError &error) {
            QVERIFY(!error.isError());
            answered = true;
        });
        QVERIFY(!answered); // answers come from the event loop, never during the call
        QTRY_VERIFY(answered);
        SecretBuffer value;
        SecretError readError;
        answered = false;
        store.read(key, [&](const SecretBuffer &v, const SecretError &e) {
            value = v;
            readError = e;
            answered = true;
        });
        QTRY_VERIFY(answered);
        QVERIFY(!readError.isError());
        QCOMPARE(value.bytes(), QByteArray("s3cret"));
        answered = false;
        store.remove(key, [&](const SecretError &error) {
            QVERIFY(!error.isError());
            answered = true;
        });
        QTRY_VERIFY(answered);
        QCOMPARE(store.itemCount(), 0);
    }

    void missingItems()
    {
        MemorySecretStore store;
        SecretError readError;
        bool answered = false;
        store.read(QStringLiteral("tokendesk/none/client-secret"), [&](const SecretBuffer &, const SecretError &e) {
            readError = e;
            answered = true;
        });
        QTRY_VERIFY(answered);
        QCOMPARE(readError.kind, SecretError::Kind::NotFound);
        answered = false;
        SecretError removeError;
        store.remove(QStringLiteral("tokendesk/none/client-secret"), [&](const SecretError &e) {
            removeError = e;
            answered = true;
        });
        QTRY_VERIFY(answered);
        QVERIFY(!removeError.isError()); // already gone is fine
    }

    void unavailableKeychain()
    {
        MemorySecretStore store;
        store.setUnavailable(true);
        SecretError error;
        bool answered = false;
        store.write(QStringLiteral("k"), SecretBuffer("x"), [&](const SecretError &e) {
            error = e;
            answered = true;
        });
        QTRY_VERIFY(answered);
        QCOMPARE(error.kind, SecretError::Kind::NoKeychain);
        QCOMPARE(store.itemCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
