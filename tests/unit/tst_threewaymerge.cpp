// The three-way merge of an offline edit with the portal's newer version.

#include "domain/TokenChanges.h"
#include "sync/ThreeWayMerge.h"

#include <QTest>

using namespace tokendesk::domain;
using namespace tokendesk::sync;
using tokendesk::validation::ControlKind;

namespace {

Token baseToken()
{
    Token token;
    token.id = QStringLiteral("tok_1");
    token.deploymentId = QStringLiteral("dep_1");
    token.name = QStringLiteral("Checkout");
    token.controls.corsOrigins = {QStringLiteral("https://a.example.com"), QStringLiteral("https://b.example.com")};
    token.controls.ipRanges = {QStringLiteral("198.51.100.1")};
    token.labels = {{QStringLiteral("environment"), QStringLiteral("production")}};
    token.version = 3;
    return token;
}

} // namespace

class TestThreeWayMerge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onlyOneSideChangedTheName()
    {
        const Token base = baseToken();
        Token mine = base;
        mine.name = QStringLiteral("Mine");
        const MergeResult result = ThreeWayMerge::merge(base, mine, base);
        QVERIFY(result.isClean());
        QCOMPARE(result.merged.name, QStringLiteral("Mine"));
        Token theirs = base;
        theirs.name = QStringLiteral("Theirs");
        const MergeResult other = ThreeWayMerge::merge(base, base, theirs);
        QVERIFY(other.isClean());
        QCOMPARE(other.merged.name, QStringLiteral("Theirs"));
    }

    void sameChangeOnBothSidesIsNoConflict()
    {
        const Token base = baseToken();
        Token mine = base;
        mine.status = TokenStatus::Disabled;
        const MergeResult result = ThreeWayMerge::merge(base, mine, mine);
        QVERIFY(result.isClean());
        QCOMPARE(result.merged.status, TokenStatus::Disabled);
    }

    void differentNamesConflict()
    {
        const Token base = baseToken();
        Token mine = base;
        mine.name = QStringLiteral("Mine");
        Token theirs = base;
        theirs.name = QStringLiteral("Theirs");
        theirs.status = TokenStatus::Disabled;
        const MergeResult result = ThreeWayMerge::merge(base, mine, theirs);
        QCOMPARE(result.conflictingFields, QStringList{QStringLiteral("name")});
        QCOMPARE(result.merged.status, TokenStatus::Disabled); // their unrelated change kept
    }

    void listsMergeAsSets()
    {
        const Token base = baseToken();
        Token mine = base;
        mine.controls.corsOrigins = {QStringLiteral("https://a.example.com"), QStringLiteral("https://c.example.com")}; // -b +c
        Token theirs = base;
        theirs.controls.corsOrigins = {QStringLiteral("https://a.example.com"), QStringLiteral("https://b.example.com"),
                                       QStringLiteral("https://d.example.com")}; // +d
        const MergeResult result = ThreeWayMerge::merge(base, mine, theirs);
        QVERIFY(result.isClean());
        QCOMPARE(result.merged.controls.corsOrigins,
                 (QStringList{QStringLiteral("https://a.example.com"), QStringLiteral("https://d.example.com"),
                              QStringLiteral("https://c.example.com")}));
    }

    void listEntriesCompareByCanonicalForm()
    {
        const Token base = baseToken();
        Token mine = base;
        mine.controls.corsOrigins.append(QStringLiteral("https://E.example.com"));
        Token theirs = base;
        theirs.controls.corsOrigins.append(QStringLiteral("https://e.example.com"));
        const MergeResult result = ThreeWayMerge::merge(base, mine, theirs);
        QVERIFY(result.isClean());
        QCOMPARE(result.merged.controls.corsOrigins.size(), 3);
    }

    void mergeBeyondFiveEntriesConflicts()
    {
        Token base = baseToken();
        base.controls.ipRanges = {QStringLiteral("198.51.100.1"), QStringLiteral("198.51.100.2"), QStringLiteral("198.51.100.3")};
        Token mine = base;
        mine.controls.ipRanges << QStringLiteral("198.51.100.4") << QStringLiteral("198.51.100.5");
        Token theirs = base;
        theirs.controls.ipRanges << QStringLiteral("198.51.100.6") << QStringLiteral("198.51.100.7");
        const MergeResult result = ThreeWayMerge::merge(base, mine, theirs);
        QCOMPARE(result.conflictingFields, QStringList{QStringLiteral("controls.ip_ranges")});
        QCOMPARE(result.merged.controls.ipRanges.size(), 7);
        QVERIFY(!result.issues.isEmpty());
        QCOMPARE(result.issues.first().rule, QStringLiteral("list.too-many"));
    }

    void theSameAdditionOnBothSidesCollapses()
    {
        // Each side alone is fine; together one range contains the other: that is only a
        // warning (list.redundant), so it merges. A duplicate from both sides collapses.
        const Token base = baseToken();
        Token mine = base;
        mine.controls.ipRanges.append(QStringLiteral("203.0.113.0/24"));
        Token theirs = base;
        theirs.controls.ipRanges.append(QStringLiteral("203.0.113.0/24"));
        const MergeResult result = ThreeWayMerge::merge(base, mine, theirs);
        QVERIFY(result.isClean());
        QCOMPARE(result.merged.controls.ipRanges.size(), 2);
    }

    void labelsMergeKeyByKey()
    {
        const Token base = baseToken();
        Token mine = base;
        mine.labels.insert(QStringLiteral("usage_model"), QStringLiteral("browser"));
        Token theirs = base;
        theirs.labels.remove(QStringLiteral("environment"));
        const MergeResult result = ThreeWayMerge::merge(base, mine, theirs);
        QVERIFY(result.isClean());
        QCOMPARE(result.merged.labels.value(QStringLiteral("usage_model")), QStringLiteral("browser"));
        QVERIFY(!result.merged.labels.contains(QStringLiteral("environment")));

        Token mine2 = base;
        mine2.labels.insert(QStringLiteral("environment"), QStringLiteral("staging"));
        Token theirs2 = base;
        theirs2.labels.insert(QStringLiteral("environment"), QStringLiteral("test"));
        QCOMPARE(ThreeWayMerge::merge(base, mine2, theirs2).conflictingFields,
                 QStringList{QStringLiteral("labels.environment")});
    }

    void changesRoundTrip()
    {
        const Token base = baseToken();
        Token after = base;
        after.name = QStringLiteral("New");
        after.controls.permittedUrls = {QStringLiteral("https://a.example.com/x")};
        after.labels.remove(QStringLiteral("environment"));
        after.labels.insert(QStringLiteral("usage_model"), QStringLiteral("backend"));
        const TokenChange change = TokenChanges::diff(base, after);
        QCOMPARE(TokenChanges::apply(base, change), after);
        const auto parsed = TokenChanges::fromJson(TokenChanges::toJson(change));
        QVERIFY(parsed);
        QCOMPARE(TokenChanges::apply(base, *parsed), after);
        QVERIFY(TokenChanges::diff(base, base).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestThreeWayMerge)
#include "tst_threewaymerge.moc"
