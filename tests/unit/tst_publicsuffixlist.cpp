#include "validation/PublicSuffixList.h"

#include <QTest>

using namespace tokendesk::validation;

class TestPublicSuffixList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void embedded_data();
    void embedded();
    void parsesRuleKinds();
};

void TestPublicSuffixList::embedded_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("publicSuffix");
    QTest::newRow("com") << "com" << true;
    QTest::newRow("co.uk") << "co.uk" << true;
    QTest::newRow("example.co.uk") << "example.co.uk" << false;
    QTest::newRow("example.com") << "example.com" << false;
    QTest::newRow("private section github.io") << "github.io" << true;
    QTest::newRow("below github.io") << "someone.github.io" << false;
    QTest::newRow("wildcard rule *.ck") << "anything.ck" << true;
    QTest::newRow("exception !www.ck") << "www.ck" << false;
    QTest::newRow("idn tld рф") << "xn--p1ai" << true;
    QTest::newRow("unlisted tld (implicit *)") << "notatld" << true;
    QTest::newRow("empty") << "" << false;
}

void TestPublicSuffixList::embedded()
{
    QFETCH(QString, name);
    QFETCH(bool, publicSuffix);
    QCOMPARE(PublicSuffixList::embedded().isPublicSuffix(name), publicSuffix);
}

void TestPublicSuffixList::parsesRuleKinds()
{
    const auto list = PublicSuffixList::fromText(QStringLiteral(
        "// comment\n\nfoo\n*.bar\n!ok.bar\nbaz.foo  trailing words are ignored\nпример\n"));
    QVERIFY(list.isPublicSuffix(QStringLiteral("foo")));
    QVERIFY(list.isPublicSuffix(QStringLiteral("baz.foo")));
    QVERIFY(!list.isPublicSuffix(QStringLiteral("qux.foo")));
    QVERIFY(list.isPublicSuffix(QStringLiteral("x.bar")));
    QVERIFY(!list.isPublicSuffix(QStringLiteral("ok.bar")));
    QVERIFY(list.isPublicSuffix(QStringLiteral("xn--e1afmkfd")));
    QCOMPARE(list.ruleCount(), 5);
    QVERIFY(PublicSuffixList::embedded().ruleCount() > 5000);
}

QTEST_GUILESS_MAIN(TestPublicSuffixList)
#include "tst_publicsuffixlist.moc"
