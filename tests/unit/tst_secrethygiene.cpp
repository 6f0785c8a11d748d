// Secrets in memory: buffers wiped when done, and the process hardening that release builds
// apply at start (no core dumps, no ptrace by other processes).

#include "secrets/ProcessHardening.h"
#include "secrets/SecretBuffer.h"
#include "secrets/SecretKeys.h"

#include <QTest>

using namespace tokendesk::secrets;

class TestSecretHygiene : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wipeOverwritesTheBytes()
    {
        QByteArray bytes("tdk_api_0123456789");
        const char *data = bytes.constData();
        SecretBuffer::wipe(bytes);
        for (int i = 0; i < bytes.size(); ++i)
            QCOMPARE(data[i], '\0');
    }

    void wipeLeavesSharedCopiesAlone()
    {
        QByteArray original("shared-secret");
        QByteArray copy = original; // implicitly shared: wiping one would wipe both
        SecretBuffer::wipe(copy);
        QCOMPARE(original, QByteArray("shared-secret"));
    }

    void bufferHoldsItsOwnCopy()
    {
        QByteArray source("client-secret");
        SecretBuffer buffer(source);
        QVERIFY(buffer.bytes().constData() != source.constData());
        buffer.clear();
        QVERIFY(buffer.isEmpty());
        QCOMPARE(source, QByteArray("client-secret"));
    }

    void keysAreNamespaced()
    {
        QCOMPARE(SecretKeys::clientSecret(QStringLiteral("p1")), QStringLiteral("tokendesk/p1/client-secret"));
        QCOMPARE(SecretKeys::tokenValue(QStringLiteral("p1"), QStringLiteral("tok_9")), QStringLiteral("tokendesk/p1/token/tok_9"));
    }

    void hardeningDisablesCoreDumps()
    {
        QVERIFY(ProcessHardening::apply());
        QVERIFY(ProcessHardening::coreDumpsDisabled());
    }
};

QTEST_GUILESS_MAIN(TestSecretHygiene)
#include "tst_secrethygiene.moc"
