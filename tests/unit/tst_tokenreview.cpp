#include "review/TokenReviewer.h"

#include <QTest>

using namespace tokendesk;
using domain::Token;
using domain::TokenNotes;
using domain::TokenStatus;
using review::Grade;
using review::TokenReviewer;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);

Token makeToken(const QString &usage, const QString &environment)
{
    Token token;
    token.id = QStringLiteral("tok_1");
    token.name = QStringLiteral("Shop");
    token.createdAt = token.updatedAt = token.rotatedAt = kNow.addDays(-10);
    if (!usage.isEmpty())
        token.labels.insert(domain::TokenLabels::usageModelKey(), usage);
    if (!environment.isEmpty())
        token.labels.insert(domain::TokenLabels::environmentKey(), environment);
    return token;
}

Token goodBrowserToken()
{
    Token token = makeToken(QStringLiteral("browser"), QStringLiteral("production"));
    token.controls.corsOrigins = {QStringLiteral("https://shop.example.com")};
    token.controls.permittedUrls = {QStringLiteral("https://shop.example.com")};
    return token;
}

Token goodBackendToken()
{
    Token token = makeToken(QStringLiteral("backend"), QStringLiteral("staging"));
    token.controls.ipRanges = {QStringLiteral("81.2.69.0/24")};
    return token;
}

QStringList rulesOf(const review::TokenReview &result)
{
    QStringList rules;
    for (const auto &finding : result.findings)
        rules.append(finding.rule);
    return rules;
}

} // namespace

class TestTokenReview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findingsAndGrades_data();
    void findingsAndGrades();
    void rotationDueFollowsThePolicy();
    void rotationWindowBoundaries();
    void entryWarningsAreListedWithTheirEntries();
    void findingsLinkToTheirControls();
    void disabledTokensAreGradedSeparately();
    void gradeOrderingAndNames();
};

void TestTokenReview::findingsAndGrades_data()
{
    QTest::addColumn<Token>("token");
    QTest::addColumn<QStringList>("rules");
    QTest::addColumn<QString>("grade");

    QTest::newRow("good browser") << goodBrowserToken() << QStringList() << "A";
    QTest::newRow("good backend") << goodBackendToken() << QStringList() << "A";

    Token bare = makeToken(QStringLiteral("backend"), QStringLiteral("production"));
    QTest::newRow("no controls") << bare
                                 << QStringList{"review.no-controls", "review.backend-no-ips"}
                                 << "F";

    Token noUrls = goodBrowserToken();
    noUrls.controls.permittedUrls.clear();
    QTest::newRow("browser without urls") << noUrls << QStringList{"review.browser-no-urls"} << "C";

    Token noOrigins = goodBrowserToken();
    noOrigins.controls.corsOrigins.clear();
    QTest::newRow("browser without origins")
        << noOrigins << QStringList{"review.browser-no-origins"} << "C";

    Token backendWithOrigins = goodBackendToken();
    backendWithOrigins.controls.corsOrigins = {QStringLiteral("https://a.example.com")};
    QTest::newRow("backend with browser controls")
        << backendWithOrigins << QStringList{"review.backend-browser-controls"} << "A";

    Token unknownUsage = goodBackendToken();
    unknownUsage.labels.remove(domain::TokenLabels::usageModelKey());
    QTest::newRow("usage unknown") << unknownUsage << QStringList{"review.usage-unknown"} << "A";

    Token guessedUsage = goodBackendToken();
    guessedUsage.labels.insert(domain::TokenLabels::usageModelKey(), QStringLiteral("mixed"));
    QTest::newRow("unknown usage value is not guessed")
        << guessedUsage << QStringList{"review.usage-unknown"} << "A";

    Token noEnvironment = goodBrowserToken();
    noEnvironment.labels.remove(domain::TokenLabels::environmentKey());
    QTest::newRow("no environment") << noEnvironment << QStringList{"review.shared-environment"} << "B";

    Token twoEnvironments = goodBrowserToken();
    twoEnvironments.labels.insert(domain::TokenLabels::environmentKey(),
                                  QStringLiteral("production, staging"));
    QTest::newRow("two environments")
        << twoEnvironments << QStringList{"review.shared-environment"} << "B";

    Token overdue = goodBrowserToken();
    overdue.rotatedAt = kNow.addDays(-91);
    QTest::newRow("rotation overdue") << overdue << QStringList{"review.rotation-overdue"} << "C";

    Token due = goodBrowserToken();
    due.rotatedAt = kNow.addDays(-80);
    QTest::newRow("rotation due") << due << QStringList{"review.rotation-due"} << "B";

    Token warned = goodBackendToken();
    warned.controls.ipRanges = {QStringLiteral("10.0.0.0/8")};
    QTest::newRow("entry warnings") << warned << QStringList{"review.entry-warnings"} << "B";

    Token disabledStale = goodBackendToken();
    disabledStale.status = TokenStatus::Disabled;
    disabledStale.updatedAt = kNow.addDays(-100);
    disabledStale.rotatedAt = kNow.addDays(-200);
    QTest::newRow("disabled stale, no rotation finding")
        << disabledStale << QStringList{"review.disabled-stale"} << "A";

    Token disabledBare = makeToken(QStringLiteral("browser"), QStringLiteral("test"));
    disabledBare.status = TokenStatus::Disabled;
    QTest::newRow("disabled without controls is not no-controls")
        << disabledBare << QStringList{"review.browser-no-urls", "review.browser-no-origins"} << "C";
}

void TestTokenReview::findingsAndGrades()
{
    QFETCH(Token, token);
    QFETCH(QStringList, rules);
    QFETCH(QString, grade);

    const auto result = TokenReviewer::review(token, TokenNotes{}, kNow);
    QStringList actual = rulesOf(result);
    actual.sort();
    rules.sort();
    QCOMPARE(actual, rules);
    QCOMPARE(review::gradeName(result.grade), grade);
    for (const auto &finding : result.findings)
        QVERIFY2(!finding.message.isEmpty(), qPrintable(finding.rule));
    // Most severe first, so views can show the reason for the grade on top.
    for (int i = 1; i < result.findings.size(); ++i)
        QVERIFY(result.findings.at(i - 1).severity >= result.findings.at(i).severity);
}

void TestTokenReview::rotationDueFollowsThePolicy()
{
    Token token = goodBrowserToken();
    token.rotatedAt = kNow.addDays(-40);
    QCOMPARE(TokenReviewer::rotationDue(token, TokenNotes{}), token.rotatedAt.addDays(90));

    TokenNotes monthly;
    monthly.rotationDays = 30;
    QCOMPARE(TokenReviewer::rotationDue(token, monthly), token.rotatedAt.addDays(30));
    QVERIFY(TokenReviewer::review(token, monthly, kNow).hasFinding(QStringLiteral("review.rotation-overdue")));
    QVERIFY(!TokenReviewer::review(token, TokenNotes{}, kNow).hasFinding(QStringLiteral("review.rotation-overdue")));

    // Times from another zone are compared in UTC (a due date never moves with the clock's zone).
    const QDateTime sameInstant = kNow.toOffsetFromUtc(-11 * 3600);
    QCOMPARE(TokenReviewer::review(token, monthly, sameInstant).grade, Grade::C);
}

void TestTokenReview::rotationWindowBoundaries()
{
    Token token = goodBrowserToken();
    token.rotatedAt = kNow.addDays(-90);
    // Due exactly now: not overdue yet, due.
    auto result = TokenReviewer::review(token, TokenNotes{}, kNow);
    QVERIFY(result.hasFinding(QStringLiteral("review.rotation-due")));
    QVERIFY(!result.hasFinding(QStringLiteral("review.rotation-overdue")));
    // One second later: overdue.
    result = TokenReviewer::review(token, TokenNotes{}, kNow.addSecs(1));
    QVERIFY(result.hasFinding(QStringLiteral("review.rotation-overdue")));
    // Outside the 14-day window: nothing; inside a wider policy window: due.
    token.rotatedAt = kNow.addDays(-75);
    QVERIFY(!TokenReviewer::review(token, TokenNotes{}, kNow).hasFinding(QStringLiteral("review.rotation-due")));
    review::ReviewPolicy wide;
    wide.reminderWindowDays = 30;
    QVERIFY(TokenReviewer::review(token, TokenNotes{}, kNow, wide).hasFinding(QStringLiteral("review.rotation-due")));
}

void TestTokenReview::entryWarningsAreListedWithTheirEntries()
{
    Token token = goodBackendToken();
    token.controls.ipRanges = {QStringLiteral("81.2.69.0/24"), QStringLiteral("192.168.1.0/24"),
                               QStringLiteral("10.0.0.0/8"), QStringLiteral("10.1.0.0/16")};
    const auto result = TokenReviewer::review(token, TokenNotes{}, kNow);
    const auto *warnings = result.finding(QStringLiteral("review.entry-warnings"));
    QVERIFY(warnings);
    QCOMPARE(warnings->controls, QList<validation::ControlKind>{validation::ControlKind::Ip});
    QStringList details;
    for (const auto &detail : warnings->details)
        details.append(QStringLiteral("%1:%2").arg(detail.entry).arg(detail.finding.rule));
    QVERIFY2(details.contains(QStringLiteral("1:ip.private")), qPrintable(details.join(u' ')));
    QVERIFY2(details.contains(QStringLiteral("2:ip.private")), qPrintable(details.join(u' ')));
    QVERIFY2(details.contains(QStringLiteral("2:ip.broad")), qPrintable(details.join(u' ')));
    bool redundant = false;
    for (const auto &detail : warnings->details)
        redundant = redundant || detail.finding.rule == QLatin1String("list.redundant");
    QVERIFY2(redundant, qPrintable(details.join(u' ')));
    QVERIFY(!details.contains(QStringLiteral("0:ip.private")));
}

void TestTokenReview::findingsLinkToTheirControls()
{
    Token noUrls = goodBrowserToken();
    noUrls.controls.permittedUrls.clear();
    const auto result = TokenReviewer::review(noUrls, TokenNotes{}, kNow);
    QCOMPARE(result.finding(QStringLiteral("review.browser-no-urls"))->controls,
             QList<validation::ControlKind>{validation::ControlKind::Url});
    Token bare = makeToken({}, {});
    QCOMPARE(TokenReviewer::review(bare, TokenNotes{}, kNow)
                 .finding(QStringLiteral("review.no-controls"))
                 ->controls.size(),
             3);
}

void TestTokenReview::disabledTokensAreGradedSeparately()
{
    Token token = makeToken(QStringLiteral("backend"), QStringLiteral("production"));
    token.status = TokenStatus::Disabled;
    const auto result = TokenReviewer::review(token, TokenNotes{}, kNow);
    QVERIFY(result.disabled);
    QVERIFY(!result.hasFinding(QStringLiteral("review.no-controls")));
    QVERIFY(result.hasFinding(QStringLiteral("review.backend-no-ips")));
    // Recently disabled: not stale.
    QVERIFY(!result.hasFinding(QStringLiteral("review.disabled-stale")));
}

void TestTokenReview::gradeOrderingAndNames()
{
    QVERIFY(Grade::A < Grade::B && Grade::B < Grade::C && Grade::C < Grade::F);
    for (Grade grade : {Grade::A, Grade::B, Grade::C, Grade::F})
        QCOMPARE(review::gradeFromName(review::gradeName(grade)), grade);
    QCOMPARE(review::gradeFor(std::nullopt), Grade::A);
    QCOMPARE(review::gradeFor(review::ReviewSeverity::Low), Grade::A);
    QCOMPARE(review::gradeFor(review::ReviewSeverity::Critical), Grade::F);
}

QTEST_GUILESS_MAIN(TestTokenReview)
#include "tst_tokenreview.moc"
