// Client secrets in a real keychain: gnome-keyring in a private D-Bus session
// (scripts/with-private-keyring.sh), checked with secret-tool, a client the project did not
// write. And without any keychain: a clear error, a documented exit code, nothing on disk.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QByteArray kSecret = "keychain-secret-9f3b1c";

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        for (const char *tool : {"dbus-run-session", "gnome-keyring-daemon", "secret-tool"})
            QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty(),
                     qPrintable(QStringLiteral("%1 is missing: run scripts/dev.sh deps").arg(QLatin1String(tool))));
    }

    void profileSecretLivesInTheKeychainOnly()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("steps.sh"));
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // Each step's output goes to its own file in the test's folder; the keyring's HOME is
        // searched for the secret before the wrapper removes it.
        file.write(QStringLiteral(
                       "set -u\n"
                       "OUT='%1'\n"
                       "CLI='%2'\n"
                       "export TOKENDESK_WORKSPACE=\"$HOME/workspace.sqlite\"\n"
                       "printf '%%s\\n' '%3' | \"$CLI\" profile add Keyed --url https://portal.example.com --client-id ci > \"$OUT/add.out\" 2>&1; echo $? > \"$OUT/add.rc\"\n"
                       "secret-tool search --all server TokenDesk > \"$OUT/after-add.txt\" 2>&1\n"
                       "\"$CLI\" profile list --json > \"$OUT/list.json\" 2>&1\n"
                       "hits=0; for f in $(find \"$HOME\" -type f); do\n"
                       "  for form in '%3' '%4' '%5'; do grep -qaF \"$form\" \"$f\" && { echo \"$f\" >> \"$OUT/leaks.txt\"; hits=1; }; done\n"
                       "done; echo $hits > \"$OUT/leaks.rc\"\n"
                       "\"$CLI\" profile remove Keyed > \"$OUT/remove.out\" 2>&1; echo $? > \"$OUT/remove.rc\"\n"
                       "secret-tool search --all server TokenDesk > \"$OUT/after-remove.txt\" 2>&1\n")
                       .arg(dir.path(), QStringLiteral(TOKENDESK_BINARY_DIR "/bin/tokendesk-cli"),
                            QString::fromLatin1(kSecret), QString::fromLatin1(kSecret.toBase64()),
                            QString::fromLatin1(kSecret.toHex()))
                       .toUtf8());
        file.close();

        QProcess wrapper;
        wrapper.setProcessChannelMode(QProcess::MergedChannels);
        wrapper.start(QStringLiteral(TOKENDESK_SOURCE_DIR "/scripts/with-private-keyring.sh"),
                      {QStringLiteral("bash"), script});
        QVERIFY(wrapper.waitForFinished(120000));
        const QString log = QString::fromUtf8(wrapper.readAll());
        const auto read = [&](const char *name) {
            QFile f(dir.filePath(QLatin1String(name)));
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
        };
        QVERIFY2(read("add.rc") == QLatin1String("0"), qPrintable(read("add.out") + log));
        QVERIFY(read("add.out").contains(QStringLiteral("keychain")));
        // The item, as another program sees it: TokenDesk's service and namespaced key.
        const QString item = read("after-add.txt");
        QVERIFY2(item.contains(QStringLiteral("attribute.server = TokenDesk")), qPrintable(item));
        QVERIFY(item.contains(QStringLiteral("/client-secret")));
        QVERIFY(item.contains(QStringLiteral("schema = org.qt.keychain")));
        // Nowhere else under HOME (the workspace included), in plain, base64 or hex form.
        QVERIFY(read("list.json").contains(QStringLiteral("Keyed")));
        QVERIFY2(read("leaks.rc") == QLatin1String("0"), qPrintable(read("leaks.txt")));
        QCOMPARE(read("remove.rc"), QStringLiteral("0"));
        QVERIFY2(!read("after-remove.txt").contains(QStringLiteral("TokenDesk")), qPrintable(read("after-remove.txt")));
    }

    void withoutAKeychainNothingIsStored()
    {
        QTemporaryDir home;
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // No session bus and no display: no Secret Service can be reached or started.
        environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        environment.remove(QStringLiteral("DISPLAY"));
        environment.insert(QStringLiteral("HOME"), home.path());
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("no-runtime")));
        environment.insert(QStringLiteral("TOKENDESK_WORKSPACE"), home.filePath(QStringLiteral("ws.sqlite")));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(TOKENDESK_BINARY_DIR "/bin/tokendesk-cli"),
                      {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("Keyed"),
                       QStringLiteral("--url"), QStringLiteral("https://portal.example.com"),
                       QStringLiteral("--client-id"), QStringLiteral("ci")});
        process.write(kSecret + '\n');
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(60000));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitCode(), 6);
        QVERIFY2(err.contains(QStringLiteral("keyring")) || err.contains(QStringLiteral("keychain")), qPrintable(err));
        QVERIFY(err.contains(QStringLiteral("not added")));
        // Nothing on disk holds the secret, and the profile was not added.
        QDirIterator files(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(kSecret), qPrintable(file.fileName()));
        }
        QProcess list;
        list.setProcessEnvironment(environment);
        list.start(QStringLiteral(TOKENDESK_BINARY_DIR "/bin/tokendesk-cli"), {QStringLiteral("profile"), QStringLiteral("list")});
        QVERIFY(list.waitForFinished(30000));
        QVERIFY(!list.readAllStandardOutput().contains("Keyed"));
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
