#include "AppInfo.h"
#include "models/TokenFilterProxy.h"
#include "models/TokenTableModel.h"
#include "models/WorkspaceTreeModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace tokendesk;
using inventory::TokenSummary;
using ui::TokenFilterProxy;
using ui::TokenTableModel;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);

TokenSummary token(const QString &id, const QString &name, const QString &deployment = QStringLiteral("dep_a"))
{
    TokenSummary summary;
    summary.profileId = QStringLiteral("p1");
    summary.tokenId = id;
    summary.deploymentId = deployment;
    summary.name = name;
    summary.rotationDue = kNow.addDays(60);
    return summary;
}

QList<TokenSummary> sample()
{
    QList<TokenSummary> tokens;
    TokenSummary shop = token(QStringLiteral("tok_1"), QStringLiteral("Shop checkout"));
    shop.origins = 2;
    shop.urls = 1;
    shop.usageModel = QStringLiteral("browser");
    shop.environment = QStringLiteral("production");
    tokens.append(shop);
    TokenSummary backend = token(QStringLiteral("tok_2"), QStringLiteral("orders <backend>"),
                                 QStringLiteral("dep_b"));
    backend.kind = domain::TokenKind::Integration;
    backend.ips = 3;
    backend.rotationDue = kNow.addDays(-2); // overdue
    tokens.append(backend);
    TokenSummary old = token(QStringLiteral("tok_3"), QStringLiteral("Archive"));
    old.status = domain::TokenStatus::Disabled;
    old.kind = domain::TokenKind::OAuth;
    old.rotationDue = kNow.addDays(5); // due soon
    tokens.append(old);
    TokenSummary other = token(QStringLiteral("tok_4"), QStringLiteral("Partner feed"));
    other.profileId = QStringLiteral("p2");
    tokens.append(other);
    return tokens;
}

QStringList names(const QAbstractItemModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, TokenTableModel::NameColumn).data().toString());
    return result;
}

} // namespace

class TestTokenModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tableModelPassesTheModelTester();
    void displaysControlsSummaryAndPlainNames();
    void gradesArriveLater();
    void searchIsCaseInsensitiveOverNameIdAndLabels();
    void facetsAndScopeCombine();
    void sortsByEveryColumn_data();
    void sortsByEveryColumn();
    void treeCountsAndWorstGradeOfActiveTokens();
};

void TestTokenModels::initTestCase()
{
    AppInfo::applyTo();
}

void TestTokenModels::tableModelPassesTheModelTester()
{
    TokenTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    TokenFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTokens(sample());
    proxy.sort(TokenTableModel::GradeColumn);
    model.applyGrades({{QStringLiteral("p1/tok_1"), review::Grade::B, 2}});
    proxy.setSearchText(QStringLiteral("o"));
    proxy.setStatusFacet(domain::TokenStatus::Active);
    model.setTokens({});
    model.setTokens(sample());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(TokenTableModel::ColumnCount));
}

void TestTokenModels::displaysControlsSummaryAndPlainNames()
{
    TokenTableModel model;
    model.setNow(kNow);
    model.setTokens(sample());
    QCOMPARE(model.index(0, TokenTableModel::ControlsColumn).data().toString(),
             QStringLiteral("2 origins · 1 URL · no IPs"));
    QCOMPARE(model.index(2, TokenTableModel::ControlsColumn).data().toString(), QStringLiteral("no controls"));
    // Server strings are data, not markup: the model hands them over unchanged.
    QCOMPARE(model.index(1, TokenTableModel::NameColumn).data().toString(), QStringLiteral("orders <backend>"));
    QCOMPARE(model.index(0, TokenTableModel::UsageColumn).data().toString(), QStringLiteral("Browser"));
    QCOMPARE(model.index(1, TokenTableModel::UsageColumn).data().toString(), QStringLiteral("Not set"));
    QCOMPARE(model.dueState(1), TokenTableModel::DueState::Overdue);
    QCOMPARE(model.dueState(2), TokenTableModel::DueState::DueSoon);
    QCOMPARE(model.dueState(0), TokenTableModel::DueState::Ok);
    QCOMPARE(model.index(0, 0).data(TokenTableModel::KeyRole).toString(), QStringLiteral("p1/tok_1"));
    // No column ever carries a value: the summary has none to show.
    for (int column = 0; column < model.columnCount(); ++column)
        QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
}

void TestTokenModels::gradesArriveLater()
{
    TokenTableModel model;
    model.setTokens(sample());
    QCOMPARE(model.index(0, TokenTableModel::GradeColumn).data().toString(), QStringLiteral("…"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.applyGrades({{QStringLiteral("p1/tok_1"), review::Grade::C, 3},
                       {QStringLiteral("p1/tok_3"), review::Grade::A, 0},
                       {QStringLiteral("p9/unknown"), review::Grade::F, 1}});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(0, TokenTableModel::GradeColumn).data().toString(), QStringLiteral("C"));
    QCOMPARE(model.index(2, TokenTableModel::GradeColumn).data().toString(), QStringLiteral("A (disabled)"));
    // A reload keeps each token's grade until its new review arrives (a grade filter would
    // otherwise empty the table, and lose the selection, at every reload).
    model.setTokens(sample());
    QCOMPARE(model.index(0, TokenTableModel::GradeColumn).data().toString(), QStringLiteral("C"));
    QCOMPARE(model.index(1, TokenTableModel::GradeColumn).data().toString(), QStringLiteral("…"));
}

void TestTokenModels::searchIsCaseInsensitiveOverNameIdAndLabels()
{
    TokenTableModel model;
    model.setTokens(sample());
    TokenFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(TokenTableModel::NameColumn);
    proxy.setSearchText(QStringLiteral("SHOP"));
    QCOMPARE(names(proxy), QStringList{QStringLiteral("Shop checkout")});
    proxy.setSearchText(QStringLiteral("tok_2"));
    QCOMPARE(names(proxy), QStringList{QStringLiteral("orders <backend>")});
    proxy.setSearchText(QStringLiteral("production"));
    QCOMPARE(names(proxy), QStringList{QStringLiteral("Shop checkout")});
    proxy.setSearchText(QStringLiteral("  "));
    QCOMPARE(proxy.rowCount(), 4);
    proxy.setSearchText(QStringLiteral("nothing like it"));
    QCOMPARE(proxy.rowCount(), 0);
}

void TestTokenModels::facetsAndScopeCombine()
{
    TokenTableModel model;
    model.setNow(kNow);
    model.setTokens(sample());
    model.applyGrades({{QStringLiteral("p1/tok_1"), review::Grade::C, 1},
                       {QStringLiteral("p1/tok_2"), review::Grade::F, 1}});
    TokenFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(TokenTableModel::NameColumn);

    proxy.setStatusFacet(domain::TokenStatus::Disabled);
    QCOMPARE(names(proxy), QStringList{QStringLiteral("Archive")});
    proxy.setStatusFacet(std::nullopt);
    proxy.setKindFacet(domain::TokenKind::Integration);
    QCOMPARE(names(proxy), QStringList{QStringLiteral("orders <backend>")});
    proxy.setKindFacet(std::nullopt);
    proxy.setGradeFacet(review::Grade::C);
    QCOMPARE(names(proxy), QStringList{QStringLiteral("Shop checkout")});
    proxy.setGradeFacet(std::nullopt);
    proxy.setDueFacet(TokenFilterProxy::DueFacet::OverdueOrDueSoon);
    QCOMPARE(names(proxy), (QStringList{QStringLiteral("Archive"), QStringLiteral("orders <backend>")}));
    proxy.setDueFacet(TokenFilterProxy::DueFacet::Overdue);
    QCOMPARE(names(proxy), QStringList{QStringLiteral("orders <backend>")});
    proxy.setDueFacet(TokenFilterProxy::DueFacet::Any);
    proxy.setScope(QStringLiteral("p1"), QStringLiteral("dep_a"));
    QCOMPARE(names(proxy), (QStringList{QStringLiteral("Archive"), QStringLiteral("Shop checkout")}));
    proxy.setScope(QStringLiteral("p2"), {});
    QCOMPARE(names(proxy), QStringList{QStringLiteral("Partner feed")});
    proxy.setScope({}, {});
    QCOMPARE(proxy.rowCount(), 4);
}

void TestTokenModels::sortsByEveryColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QStringList>("ascending");
    const QString shop = QStringLiteral("Shop checkout");
    const QString orders = QStringLiteral("orders <backend>");
    const QString archive = QStringLiteral("Archive");
    const QString partner = QStringLiteral("Partner feed");
    QTest::newRow("name") << int(TokenTableModel::NameColumn) << QStringList{archive, orders, partner, shop};
    QTest::newRow("kind") << int(TokenTableModel::KindColumn) << QStringList{partner, shop, orders, archive};
    QTest::newRow("status") << int(TokenTableModel::StatusColumn) << QStringList{orders, partner, shop, archive};
    QTest::newRow("controls") << int(TokenTableModel::ControlsColumn) << QStringList{archive, partner, orders, shop};
    QTest::newRow("grade") << int(TokenTableModel::GradeColumn) << QStringList{archive, partner, shop, orders};
    QTest::newRow("rotation due") << int(TokenTableModel::RotationDueColumn)
                                  << QStringList{orders, archive, partner, shop};
    QTest::newRow("environment") << int(TokenTableModel::EnvironmentColumn)
                                 << QStringList{archive, orders, partner, shop};
    QTest::newRow("usage") << int(TokenTableModel::UsageColumn) << QStringList{archive, orders, partner, shop};
}

void TestTokenModels::sortsByEveryColumn()
{
    QFETCH(int, column);
    QFETCH(QStringList, ascending);
    QList<TokenSummary> tokens = sample();
    tokens[3].rotationDue = kNow.addDays(60).addSecs(-1); // Partner just before Shop
    TokenTableModel model;
    model.setTokens(tokens);
    model.applyGrades({{QStringLiteral("p1/tok_1"), review::Grade::C, 1},
                       {QStringLiteral("p1/tok_2"), review::Grade::F, 1},
                       {QStringLiteral("p2/tok_4"), review::Grade::A, 0}});
    TokenFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(column, Qt::AscendingOrder);
    QCOMPARE(names(proxy), ascending);
    proxy.sort(column, Qt::DescendingOrder);
    std::reverse(ascending.begin(), ascending.end());
    QCOMPARE(names(proxy), ascending);
}

void TestTokenModels::treeCountsAndWorstGradeOfActiveTokens()
{
    TokenTableModel tokens;
    tokens.setTokens(sample());
    tokens.applyGrades({{QStringLiteral("p1/tok_1"), review::Grade::B, 1},
                        {QStringLiteral("p1/tok_3"), review::Grade::F, 1}}); // disabled: not counted
    ui::WorkspaceTreeModel tree;
    QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
    domain::Profile p1;
    p1.id = QStringLiteral("p1");
    p1.name = QStringLiteral("Portal <one>");
    domain::Profile p2;
    p2.id = QStringLiteral("p2");
    p2.name = QStringLiteral("Second");
    tree.setStructure({p1, p2}, {{QStringLiteral("p1"), QStringLiteral("dep_a"), QStringLiteral("Webshop"), {}},
                                 {QStringLiteral("p1"), QStringLiteral("dep_b"), QStringLiteral("Orders"), {}}});
    tree.updateCounts(tokens);
    QCOMPARE(tree.rowCount(), 3); // All tokens, p1, p2
    QCOMPARE(tree.index(0, 0).data().toString(), QStringLiteral("All tokens (4) · worst B"));
    const QModelIndex webshop = tree.indexOf(QStringLiteral("p1"), QStringLiteral("dep_a"));
    QVERIFY(webshop.isValid());
    QCOMPARE(webshop.data().toString(), QStringLiteral("Webshop (2) · worst B"));
    QCOMPARE(tree.indexOf(QStringLiteral("p1"), QStringLiteral("dep_b")).data().toString(),
             QStringLiteral("Orders (1)"));
    QCOMPARE(tree.indexOf(QStringLiteral("p1"), {}).data().toString(),
             QStringLiteral("Portal <one> (3) · worst B"));
    QCOMPARE(tree.indexOf(QStringLiteral("p1"), QStringLiteral("dep_a")).data(ui::WorkspaceTreeModel::WorstGradeRole).toInt(),
             int(review::Grade::B));
}

QTEST_MAIN(TestTokenModels)
#include "tst_tokenmodels.moc"
