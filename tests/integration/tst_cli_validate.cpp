// Runs the built tokendesk-cli as a process and checks its output and exit codes.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList &arguments, const QByteArray &input = QByteArray(),
           bool closeStdin = true)
{
    QProcess process;
    process.setProgram(QStringLiteral(TOKENDESK_BINARY_DIR "/bin/tokendesk-cli"));
    process.setArguments(arguments);
    process.start();
    if (!process.waitForStarted())
        return {};
    if (!input.isEmpty())
        process.write(input);
    if (closeStdin)
        process.closeWriteChannel();
    process.waitForFinished(60000);
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QJsonObject json(const Run &run)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", run.out.left(300).constData());
    return document.object();
}

QJsonObject firstFinding(const QJsonObject &report)
{
    return report.value(QStringLiteral("entries")).toArray().at(0).toObject()
        .value(QStringLiteral("findings")).toArray().at(0).toObject();
}

} // namespace

class TestCliValidate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostBitsFromTheSpec();
    void idnOriginFromTheSpec();
    void valuesFromStdin();
    void listRulesOnlyWithList();
    void humanReadableOutput();
    void usageErrors_data();
    void usageErrors();
    void emptyInput();
    void binaryGarbage();
    void nulBytesAreAnEntryError();
    void megabyteLine();
    void helpAndVersion();
};

void TestCliValidate::hostBitsFromTheSpec()
{
    const Run run = runCli({"validate", "--kind", "ip", "--json", "10.0.0.1/8"});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject report = json(run);
    QCOMPARE(report.value("kind").toString(), QStringLiteral("ip"));
    QVERIFY(!report.contains("list"));
    const QJsonObject entry = report.value("entries").toArray().at(0).toObject();
    QCOMPARE(entry.value("input").toString(), QStringLiteral("10.0.0.1/8"));
    QCOMPARE(entry.value("valid").toBool(true), false);
    QVERIFY(entry.value("canonical").isNull());
    const QJsonObject finding = firstFinding(report);
    QCOMPARE(finding.value("rule").toString(), QStringLiteral("ip.host-bits-set"));
    QCOMPARE(finding.value("severity").toString(), QStringLiteral("error"));
    QCOMPARE(finding.value("fix").toString(), QStringLiteral("10.0.0.0/8"));
    QVERIFY(!finding.value("message").toString().isEmpty());
}

void TestCliValidate::idnOriginFromTheSpec()
{
    const Run run = runCli({"validate", "--kind", "origin", "--json", QStringLiteral("https://Bücher.de:443/")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject entry = json(run).value("entries").toArray().at(0).toObject();
    QCOMPARE(entry.value("valid").toBool(), true);
    QCOMPARE(entry.value("canonical").toString(), QStringLiteral("https://xn--bcher-kva.de"));
}

void TestCliValidate::valuesFromStdin()
{
    const Run run = runCli({"validate", "--kind", "ip", "--json"}, "203.0.113.7/32\r\n\n  \n8.8.8.8\n");
    QCOMPARE(run.exitCode, 0);
    const QJsonArray entries = json(run).value("entries").toArray();
    QCOMPARE(entries.size(), 2); // empty lines are ignored
    QCOMPARE(entries.at(0).toObject().value("canonical").toString(), QStringLiteral("203.0.113.7"));
    const QJsonArray findings = entries.at(0).toObject().value("findings").toArray();
    QCOMPARE(findings.size(), 2);
    QCOMPARE(findings.at(0).toObject().value("rule").toString(), QStringLiteral("ip.prefix-redundant"));
    QCOMPARE(findings.at(0).toObject().value("fix").toString(), QStringLiteral("203.0.113.7"));
    QCOMPARE(findings.at(1).toObject().value("rule").toString(), QStringLiteral("ip.documentation"));
    QVERIFY(!findings.at(1).toObject().contains("fix"));
}

void TestCliValidate::listRulesOnlyWithList()
{
    const QStringList values{"8.8.8.1", "8.8.8.2", "8.8.8.3", "8.8.8.4", "8.8.8.5", "8.8.8.6"};
    const Run alone = runCli(QStringList{"validate", "--kind", "ip", "--json"} + values);
    QCOMPARE(alone.exitCode, 0);
    QVERIFY(!json(alone).contains("list"));

    const Run list = runCli(QStringList{"validate", "--kind", "ip", "--json", "--list"} + values);
    QCOMPARE(list.exitCode, 1);
    const QJsonArray listFindings = json(list).value("list").toObject().value("findings").toArray();
    QCOMPARE(listFindings.size(), 1);
    QCOMPARE(listFindings.at(0).toObject().value("rule").toString(), QStringLiteral("list.too-many"));

    const Run redundant = runCli({"validate", "--kind", "ip", "--list", "--json", "8.8.8.0/24", "8.8.8.8"});
    QCOMPARE(redundant.exitCode, 0); // a warning does not fail
    QCOMPARE(json(redundant).value("list").toObject().value("findings").toArray().at(0).toObject()
                 .value("rule").toString(), QStringLiteral("list.redundant"));
}

void TestCliValidate::humanReadableOutput()
{
    const Run run = runCli({"validate", "--kind", "url", "EXAMPLE.com", "https://example.com/?q"});
    QCOMPARE(run.exitCode, 1);
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(text.contains(QStringLiteral("EXAMPLE.com: valid → example.com")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("error url.has-query")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("(fix: https://example.com)")), qPrintable(text));
}

void TestCliValidate::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList{} << "Usage:";
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << "unknown command";
    QTest::newRow("kind missing") << QStringList{"validate", "8.8.8.8"} << "--kind is required";
    QTest::newRow("kind unknown") << QStringList{"validate", "--kind", "mac", "x"} << "unknown kind";
    QTest::newRow("option unknown") << QStringList{"validate", "--kind", "ip", "--frob", "x"} << "frob";
}

void TestCliValidate::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    QVERIFY(run.out.isEmpty());
}

void TestCliValidate::emptyInput()
{
    const Run run = runCli({"validate", "--kind", "origin", "--json", "--list"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject report = json(run);
    QCOMPARE(report.value("entries").toArray().size(), 0);
    QVERIFY(report.contains("list"));
}

void TestCliValidate::binaryGarbage()
{
    QByteArray garbage;
    for (int i = 0; i < 4096; ++i)
        garbage.append(char((i * 7919 + 13) % 256));
    const Run run = runCli({"validate", "--kind", "ip", "--json"}, garbage);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("not UTF-8 text"), run.err.constData());
    QVERIFY(run.out.isEmpty());
}

void TestCliValidate::nulBytesAreAnEntryError()
{
    const Run run = runCli({"validate", "--kind", "ip", "--json"}, QByteArray("8.8.8.8\0\n", 9));
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(firstFinding(json(run)).value("rule").toString(), QStringLiteral("entry.control-char"));
}

void TestCliValidate::megabyteLine()
{
    const QByteArray line = "https://" + QByteArray(1024 * 1024, 'a') + ".com\n";
    const Run run = runCli({"validate", "--kind", "origin", "--json"}, line);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(firstFinding(json(run)).value("rule").toString(), QStringLiteral("entry.too-long"));

    const Run human = runCli({"validate", "--kind", "origin"}, line);
    QCOMPARE(human.exitCode, 1);
    QVERIFY(human.out.size() < 4096); // the input is shortened, not echoed in full
}

void TestCliValidate::helpAndVersion()
{
    const Run help = runCli({"--help"});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("validate"));
    const Run validateHelp = runCli({"validate", "--help"});
    QCOMPARE(validateHelp.exitCode, 0);
    QVERIFY(validateHelp.out.contains("--kind"));
    QVERIFY(validateHelp.out.contains("--list"));
    const Run version = runCli({"--version"});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("tokendesk-cli " TOKENDESK_VERSION));
    QVERIFY(version.out.contains("Public Suffix List"));
}

QTEST_GUILESS_MAIN(TestCliValidate)
#include "tst_cli_validate.moc"
