#include "ValidationTestSupport.h"

#include "validation/ControlValidator.h"
#include "validation/UrlPattern.h"
#include "validation/OriginPattern.h"

#include <QTest>

using namespace tokendesk::validation;
using namespace tokendesk::validation::testing;

Q_DECLARE_METATYPE(tokendesk::validation::ControlKind)

class TestListValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listRules_data();
    void listRules();
    void emptyEntriesIgnored();
    void pasteSplitting_data();
    void pasteSplitting();
    void hostMatchingIsOnWholeLabels_data();
    void hostMatchingIsOnWholeLabels();
    void urlAdmits_data();
    void urlAdmits();
};

void TestListValidation::listRules_data()
{
    QTest::addColumn<ControlKind>("kind");
    QTest::addColumn<QStringList>("inputs");
    QTest::addColumn<QString>("listRules");
    QTest::addColumn<QString>("entriesOfFirst"); // "1,0": entries named by the first list finding
    QTest::addColumn<bool>("valid");

    const auto ip = ControlKind::Ip;
    const auto origin = ControlKind::Origin;
    const auto url = ControlKind::Url;

    QTest::newRow("empty list") << ip << QStringList{} << "" << "" << true;
    QTest::newRow("five") << ip << QStringList{"8.8.8.1", "8.8.8.2", "8.8.8.3", "8.8.8.4", "8.8.8.5"} << "" << "" << true;
    QTest::newRow("six") << ip << QStringList{"8.8.8.1", "8.8.8.2", "8.8.8.3", "8.8.8.4", "8.8.8.5", "8.8.8.6"}
                         << "list.too-many" << "5" << false;
    QTest::newRow("six with one invalid") << ip << QStringList{"8.8.8.1", "8.8.8.2", "8.8.8.3", "8.8.8.4", "8.8.8.5", "nope"}
                                          << "list.too-many" << "5" << false;
    QTest::newRow("duplicate by canonical form") << ip << QStringList{"2001:4860::1", "2001:4860:0::1/128"}
                                                 << "list.duplicate" << "0,1" << false;
    QTest::newRow("duplicate origins") << origin << QStringList{"https://a.example", "A.EXAMPLE:443"}
                                       << "list.duplicate" << "0,1" << false;
    QTest::newRow("ip contained") << ip << QStringList{"8.8.0.0/16", "8.8.8.0/24"} << "list.redundant" << "1,0" << true;
    QTest::newRow("ip range contained") << ip << QStringList{"8.8.8.0/24", "8.8.8.10-8.8.8.20"} << "list.redundant" << "1,0" << true;
    QTest::newRow("ip same set, two forms") << ip << QStringList{"8.8.8.0/24", "8.8.8.0-8.8.8.255"} << "list.redundant" << "1,0" << true;
    QTest::newRow("ip disjoint") << ip << QStringList{"8.8.8.0/24", "8.8.9.0/24"} << "" << "" << true;
    QTest::newRow("ip families apart") << ip << QStringList{"::/1", "8.8.8.8"} << "" << "" << true;
    QTest::newRow("origin under wildcard") << origin << QStringList{"https://*.example.com", "https://api.example.com"}
                                           << "list.redundant" << "1,0" << true;
    QTest::newRow("origin wildcard deeper") << origin << QStringList{"https://*.a.example.com", "https://*.example.com"}
                                            << "list.redundant" << "0,1" << true;
    QTest::newRow("origin apex not under wildcard") << origin << QStringList{"https://*.example.com", "https://example.com"}
                                                    << "" << "" << true;
    QTest::newRow("origin other scheme") << origin << QStringList{"https://*.example.com", "http://api.example.com"}
                                         << "" << "" << true;
    QTest::newRow("origin other port") << origin << QStringList{"https://*.example.com", "https://api.example.com:8443"}
                                       << "" << "" << true;
    QTest::newRow("origin look-alike") << origin << QStringList{"https://*.example.com", "https://evil-example.com"}
                                       << "" << "" << true;
    QTest::newRow("url schemeless covers both") << url << QStringList{"example.com", "https://example.com/x"}
                                                << "list.redundant" << "1,0" << true;
    QTest::newRow("url prefix covers path") << url << QStringList{"https://example.com/shop/*", "https://example.com/shop/cart"}
                                            << "list.redundant" << "1,0" << true;
    QTest::newRow("url prefix covers prefix") << url << QStringList{"https://example.com/*", "https://example.com/shop/*"}
                                              << "list.redundant" << "1,0" << true;
    QTest::newRow("url exact paths differ") << url << QStringList{"https://example.com/a", "https://example.com/b"}
                                            << "" << "" << true;
    QTest::newRow("url schemeless listed later covers https") << url << QStringList{"https://example.com", "example.com"}
                                                         << "list.redundant" << "0,1" << true;
    QTest::newRow("url schemeless port") << url << QStringList{"example.com:8080", "https://example.com"}
                                         << "" << "" << true;
    QTest::newRow("url wildcard host") << url << QStringList{"*.example.com", "https://shop.example.com/x"}
                                       << "list.redundant" << "1,0" << true;
    QTest::newRow("url path prefix is not a label") << url << QStringList{"https://example.com/shop*", "https://example.com/shopping"}
                                                    << "list.redundant" << "1,0" << true;
}

void TestListValidation::listRules()
{
    QFETCH(ControlKind, kind);
    QFETCH(QStringList, inputs);
    QFETCH(QString, listRules);
    QFETCH(QString, entriesOfFirst);
    QFETCH(bool, valid);

    const ListResult result = ControlValidator::validateList(kind, inputs);
    QCOMPARE(ruleIds(result.listFindings), sortedRules(listRules));
    QCOMPARE(result.isValid(), valid);
    if (!entriesOfFirst.isEmpty()) {
        QStringList named;
        for (int index : result.listFindings.first().entries)
            named.append(QString::number(index));
        QCOMPARE(named.join(QLatin1Char(',')), entriesOfFirst);
    }
}

void TestListValidation::emptyEntriesIgnored()
{
    const ListResult result = ControlValidator::validateList(
        ControlKind::Ip, {QString(), QStringLiteral("   "), QStringLiteral("8.8.8.8"), QStringLiteral("\t")});
    QCOMPARE(result.entries.size(), 1);
    QCOMPARE(result.canonicalEntries(), QStringList{QStringLiteral("8.8.8.8")});
    QVERIFY(!ControlValidator::validateEntry(ControlKind::Origin, QStringLiteral("  ")));
}

void TestListValidation::pasteSplitting_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("entries");
    QTest::newRow("lines") << "a.com\nb.com\r\nc.com\n" << QStringList{"a.com", "b.com", "c.com"};
    QTest::newRow("commas and semicolons") << "a.com, b.com;c.com" << QStringList{"a.com", "b.com", "c.com"};
    QTest::newRow("runs of spaces") << "  a.com    b.com\t\tc.com  " << QStringList{"a.com", "b.com", "c.com"};
    QTest::newRow("nothing") << " ,;\n" << QStringList{};
}

void TestListValidation::pasteSplitting()
{
    QFETCH(QString, text);
    QFETCH(QStringList, entries);
    QCOMPARE(ControlValidator::splitPastedText(text), entries);
}

void TestListValidation::hostMatchingIsOnWholeLabels_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("origin");
    QTest::addColumn<bool>("matches");
    QTest::newRow("same") << "https://example.com" << "https://example.com" << true;
    QTest::newRow("hyphen look-alike") << "https://example.com" << "https://evil-example.com" << false;
    QTest::newRow("suffix look-alike") << "https://example.com" << "https://example.com.evil.com" << false;
    QTest::newRow("glued look-alike") << "https://*.example.com" << "https://evilexample.com" << false;
    QTest::newRow("wildcard one level") << "https://*.example.com" << "https://api.example.com" << true;
    QTest::newRow("wildcard two levels") << "https://*.example.com" << "https://a.b.example.com" << true;
    QTest::newRow("wildcard not apex") << "https://*.example.com" << "https://example.com" << false;
    QTest::newRow("wildcard suffix look-alike") << "https://*.example.com" << "https://api.example.com.evil.com" << false;
    QTest::newRow("scheme differs") << "https://example.com" << "http://example.com" << false;
    QTest::newRow("port differs") << "https://example.com" << "https://example.com:8443" << false;
}

void TestListValidation::hostMatchingIsOnWholeLabels()
{
    QFETCH(QString, pattern);
    QFETCH(QString, origin);
    QFETCH(bool, matches);
    const auto patternEntry = OriginPattern::fromCanonical(pattern);
    const auto request = OriginPattern::fromCanonical(origin);
    QVERIFY(patternEntry && request);
    QCOMPARE(patternEntry->matches(*request), matches);
}

void TestListValidation::urlAdmits_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("admitted");
    QTest::newRow("schemeless http") << "www.example.com" << "http" << "www.example.com" << 80 << "/" << true;
    QTest::newRow("schemeless https") << "www.example.com" << "https" << "www.example.com" << 443 << "/any" << true;
    QTest::newRow("schemeless other port") << "www.example.com" << "https" << "www.example.com" << 8443 << "/" << false;
    QTest::newRow("exact path") << "https://example.com/app" << "https" << "example.com" << 443 << "/app" << true;
    QTest::newRow("exact path, origin referrer") << "https://example.com/app" << "https" << "example.com" << 443 << "/" << false;
    QTest::newRow("exact path, longer") << "https://example.com/app" << "https" << "example.com" << 443 << "/app/x" << false;
    QTest::newRow("prefix") << "https://example.com/app/*" << "https" << "example.com" << 443 << "/app/x" << true;
    QTest::newRow("prefix, other") << "https://example.com/app/*" << "https" << "example.com" << 443 << "/apple" << false;
    QTest::newRow("look-alike host") << "https://example.com" << "https" << "example.com.evil.com" << 443 << "/" << false;
}

void TestListValidation::urlAdmits()
{
    QFETCH(QString, pattern);
    QFETCH(QString, scheme);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, path);
    QFETCH(bool, admitted);
    const auto entry = UrlPattern::fromCanonical(pattern);
    QVERIFY(entry);
    QCOMPARE(entry->admits(scheme, host, port, path), admitted);
}

QTEST_GUILESS_MAIN(TestListValidation)
#include "tst_listvalidation.moc"
