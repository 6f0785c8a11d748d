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

    void secretsLiveInTheKeychainOnly()
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
                       "SANDBOX='%6'\n"
                       "export TOKENDESK_WORKSPACE=\"$HOME/workspace.sqlite\"\n"
                       "\"$SANDBOX\" --seed demo --client ci:'%3':administrator > \"$OUT/sandbox.out\" 2>/dev/null &\nSANDBOX_PID=$!\n"
                       "for i in $(seq 1 100); do grep -q listening \"$OUT/sandbox.out\" && break; sleep 0.05; done\n"
                       "URL=$(sed -n 's/^listening //p' \"$OUT/sandbox.out\")\n"
                       "printf '%s\\n' '%3' | \"$CLI\" profile add Keyed --url \"$URL\" --client-id ci > \"$OUT/add.out\" 2>&1; echo $? > \"$OUT/add.rc\"\n"
                       "secret-tool search --all server TokenDesk > \"$OUT/after-add.txt\" 2>&1\n"
                       "\"$CLI\" sync < /dev/null > \"$OUT/sync.out\" 2>&1; echo $? > \"$OUT/sync.rc\"\n"
                       "TOKEN=$(\"$CLI\" list --json | grep -o '\"id\":\"tok_[A-Za-z0-9]*\"' | head -1 | cut -d'\"' -f4)\n"
                       "\"$CLI\" reveal \"$TOKEN\" --remember < /dev/null > \"$OUT/value.txt\" 2> \"$OUT/reveal.err\"; echo $? > \"$OUT/reveal.rc\"\n"
                       "secret-tool search --all server TokenDesk > \"$OUT/after-reveal.txt\" 2>&1\n"
                       "\"$CLI\" export --format json -o \"$HOME/export.json\" < /dev/null\n"
                       "VALUE=$(cat \"$OUT/value.txt\")\n"
                       "printf %s \"$VALUE\" | base64 -w0 > \"$HOME/canary.txt\"\n"
                       "hits=0; for f in $(find \"$HOME\" -type f); do\n"
                       "  for form in '%3' '%4' '%5' \"$VALUE\" \"$(printf %s \"$VALUE\" | base64 -w0)\" \"$(printf %s \"$VALUE\" | od -An -tx1 | tr -d ' \\n')\"; do\n"
                       "    grep -qaF \"$form\" \"$f\" && { echo \"$f\" >> \"$OUT/leaks.txt\"; hits=1; }\n"
                       "  done\n"
                       "done; echo $hits > \"$OUT/leaks.rc\"\n"
                       "TOKEN2=$(\"$CLI\" list --json | grep -o '\"id\":\"tok_[A-Za-z0-9]*\"' | sed -n 2p | cut -d'\"' -f4)\n"
                       "echo \"$TOKEN $TOKEN2\" > \"$OUT/tokens.txt\"\n"
                       "\"$CLI\" reveal \"$TOKEN2\" --remember < /dev/null > /dev/null 2>&1\n"
                       "\"$CLI\" reveal \"$TOKEN2\" --forget < /dev/null > /dev/null 2>&1\n"
                       "secret-tool search --all server TokenDesk > \"$OUT/after-forget.txt\" 2>&1\n"
                       "\"$CLI\" profile keychain > \"$OUT/check.out\" 2>&1; echo $? > \"$OUT/check.rc\"\n"
                       "\"$CLI\" profile test Keyed < /dev/null > \"$OUT/test.out\" 2>&1; echo $? > \"$OUT/test.rc\"\n"
                       "\"$CLI\" profile remove Keyed > \"$OUT/remove.out\" 2>&1; echo $? > \"$OUT/remove.rc\"\n"
                       "secret-tool search --all server TokenDesk > \"$OUT/after-remove.txt\" 2>&1\n"
                       "kill $SANDBOX_PID\n")
                       .arg(dir.path(), QStringLiteral(TOKENDESK_BINARY_DIR "/bin/tokendesk-cli"),
                            QString::fromLatin1(kSecret), QString::fromLatin1(kSecret.toBase64()),
                            QString::fromLatin1(kSecret.toHex()),
                            QStringLiteral(TOKENDESK_BINARY_DIR "/bin/tokendesk-portal-sandbox"))
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
        // Sync found the secret in the keychain (standard input was empty).
        QVERIFY2(read("sync.rc") == QLatin1String("0"), qPrintable(read("sync.out")));
        // A token value, revealed and kept by choice: a second item, namespaced per token.
        QVERIFY2(read("reveal.rc") == QLatin1String("0"), qPrintable(read("reveal.err")));
        QVERIFY(read("value.txt").startsWith(QStringLiteral("tdk_")));
        QVERIFY(read("after-reveal.txt").contains(QStringLiteral("/token/tok_")));
        // Neither secret anywhere under HOME (workspace and export included), in plain,
        // base64 or hex form.
        // The scan finds a planted copy (the canary), so it could find a real leak too.
        QVERIFY2(read("leaks.rc") == QLatin1String("1"), "the canary was not found: the scan is blind");
        const QStringList leaks = read("leaks.txt").split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &leak : leaks)
            QVERIFY2(leak.endsWith(QLatin1String("/canary.txt")), qPrintable(leak));
        // The diagnostics' round trip, and a connection test with the stored secret.
        QVERIFY2(read("check.rc") == QLatin1String("0"), qPrintable(read("check.out")));
        QVERIFY(read("check.out").contains(QStringLiteral("delete: ok")));
        QVERIFY2(read("test.rc") == QLatin1String("0"), qPrintable(read("test.out")));
        QVERIFY(read("test.out").contains(QStringLiteral("connected as ci (administrator)")));
        // --forget removes one kept value and leaves the others.
        const QStringList tokens = read("tokens.txt").split(QLatin1Char(' '));
        QCOMPARE(tokens.size(), 2);
        QVERIFY(read("after-forget.txt").contains(QStringLiteral("/token/") + tokens.at(0)));
        QVERIFY(!read("after-forget.txt").contains(QStringLiteral("/token/") + tokens.at(1)));
        QCOMPARE(read("remove.rc"), QStringLiteral("0"));
        // Removing the profile removed every item of it: the client secret and the kept value.
        QVERIFY2(!read("after-remove.txt").contains(QStringLiteral("TokenDesk")), qPrintable(read("after-remove.txt")));
    }

    void aKeychainThatNeverAnswersTimesOut()
    {
        // gnome-keyring started on demand by D-Bus, with no keyring yet and a display: its
        // "create a keyring" prompt waits on the (virtual) screen and the job never ends.
        for (const char *tool : {"xvfb-run", "gcr-prompter"})
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty() &&
                !QFile::exists(QStringLiteral("/usr/libexec/") + QLatin1String(tool)))
                QFAIL(qPrintable(QStringLiteral("%1 is missing: run scripts/dev.sh deps").arg(QLatin1String(tool))));
        QTemporaryDir home;
        QDir(home.path()).mkpath(QStringLiteral("run"));
        QFile::setPermissions(home.filePath(QStringLiteral("run")), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), home.path());
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("run")));
        environment.insert(QStringLiteral("TOKENDESK_KEYCHAIN_TIMEOUT"), QStringLiteral("3"));
        environment.insert(QStringLiteral("TOKENDESK_WORKSPACE"), home.filePath(QStringLiteral("ws.sqlite")));
        environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("xvfb-run"),
                      {QStringLiteral("-a"), QStringLiteral("dbus-run-session"), QStringLiteral("--"),
                       QStringLiteral(TOKENDESK_BINARY_DIR "/bin/tokendesk-cli"), QStringLiteral("profile"),
                       QStringLiteral("keychain")});
        QVERIFY(process.waitForFinished(90000));
        const QString output = QString::fromUtf8(process.readAll());
        QVERIFY2(output.contains(QStringLiteral("did not answer within 3 seconds")), qPrintable(output));
        QCOMPARE(process.exitCode(), 6);
    }

    void aKeychainNotUpYetGetsOneMoreTry()
    {
        // A session bus that can start no services: the Secret Service stays missing, as at a
        // login where the keyring has not started yet. One more try, then a clear failure.
        QTemporaryDir dir;
        QFile config(dir.filePath(QStringLiteral("session.conf")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                     " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                     "<busconfig><type>session</type>"
                     "<listen>unix:tmpdir=" + dir.path().toUtf8() + "</listen>"
                     "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                     "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
        config.close();
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), dir.path());
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("tokendesk.secrets.debug=true"));
        environment.insert(QStringLiteral("TOKENDESK_WORKSPACE"), dir.filePath(QStringLiteral("ws.sqlite")));
        environment.remove(QStringLiteral("DISPLAY"));
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("dbus-run-session"),
                      {QStringLiteral("--config-file=") + config.fileName(), QStringLiteral("--"),
                       QStringLiteral(TOKENDESK_BINARY_DIR "/bin/tokendesk-cli"), QStringLiteral("profile"),
                       QStringLiteral("keychain")});
        QVERIFY(process.waitForFinished(60000));
        const QString output = QString::fromUtf8(process.readAll());
        QCOMPARE(process.exitCode(), 6);
        QCOMPARE(output.count(QStringLiteral("trying again")), 1);
        QVERIFY2(output.contains(QStringLiteral("No keychain")), qPrintable(output));
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
