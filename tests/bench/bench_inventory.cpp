// Benchmarks of the inventory on a workspace of 100,000 tokens: opening to a populated table,
// the review, a filter keystroke, sorting, and memory per token. Prints medians and their
// ratio to the targets of docs/performance.md. Not a test: timings depend on the machine.
//
//   tokendesk-bench-inventory [--tokens N] [--runs N] [--cache DIR]

#include "inventory/InventoryLoader.h"
#include "inventory/InventoryReader.h"
#include "models/TokenFilterProxy.h"
#include "models/TokenTableModel.h"
#include "store/ProfileStore.h"
#include "store/TokenStore.h"
#include "store/Transaction.h"
#include "store/Workspace.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QApplication>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTableView>
#include <QTextStream>
#include <algorithm>
#include <functional>

using namespace tokendesk;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// Resident memory of this process, from /proc/self/status (Linux).
qint64 residentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

double timeMs(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

const QStringList kWords = {
    QStringLiteral("Checkout"), QStringLiteral("Search"),   QStringLiteral("Billing"),
    QStringLiteral("Maps"),     QStringLiteral("Partner"),  QStringLiteral("Warehouse"),
    QStringLiteral("Loyalty"),  QStringLiteral("Reports"),  QStringLiteral("Newsletter"),
    QStringLiteral("Shipping"), QStringLiteral("Returns"),  QStringLiteral("Analytics"),
};
const QStringList kNouns = {
    QStringLiteral("widget"), QStringLiteral("backend"), QStringLiteral("sync"),
    QStringLiteral("feed"),   QStringLiteral("gateway"), QStringLiteral("job"),
};
const QStringList kEnvironments = {QStringLiteral("production"), QStringLiteral("staging"),
                                   QStringLiteral("development"), QStringLiteral("test")};

// A portal profile with four deployments and `count` tokens with realistic controls and
// labels, written in one transaction. Kept in `path` for the next run.
bool createWorkspace(const QString &path, int count)
{
    QFile::remove(path);
    store::Workspace workspace;
    if (workspace.open(path).isError())
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    domain::Profile profile;
    profile.id = QStringLiteral("bench");
    profile.name = QStringLiteral("Bench portal");
    profile.baseUrl = QStringLiteral("https://portal.example.com");
    profile.clientId = QStringLiteral("bench");
    profile.createdAt = now;
    if (!store::ProfileStore(workspace).add(profile).isEmpty())
        return false;
    store::Transaction transaction(workspace.database());
    store::TokenStore tokens(workspace);
    QStringList deployments;
    for (int d = 0; d < 4; ++d) {
        domain::Deployment deployment{QStringLiteral("dep_%1").arg(d), QStringLiteral("Deployment %1").arg(d),
                                      QStringLiteral("eu-west"), now.addDays(-900), 0};
        if (!tokens.ensureDeployment(profile.id, deployment))
            return false;
        deployments.append(deployment.id);
    }
    QRandomGenerator random(20240601);
    const domain::TokenKind kinds[] = {domain::TokenKind::Api, domain::TokenKind::Integration,
                                       domain::TokenKind::OAuth};
    for (int i = 0; i < count; ++i) {
        store::TokenRecord record;
        record.profileId = profile.id;
        domain::Token &token = record.local;
        token.id = QStringLiteral("tok_%1").arg(random.generate64(), 16, 16, QLatin1Char('0'));
        token.deploymentId = deployments.at(i % deployments.size());
        token.name = QStringLiteral("%1 %2 token %3")
                         .arg(kWords.at(random.bounded(int(kWords.size()))),
                              kNouns.at(random.bounded(int(kNouns.size()))))
                         .arg(i);
        token.kind = kinds[i % 3];
        token.status = i % 10 == 0 ? domain::TokenStatus::Disabled : domain::TokenStatus::Active;
        token.maskedValue = QStringLiteral("••••%1").arg(i % 10000, 4, 10, QLatin1Char('0'));
        const int origins = int(random.bounded(4));
        for (int n = 0; n < origins; ++n)
            token.controls.corsOrigins.append(QStringLiteral("https://app%1-%2.example.com").arg(i).arg(n));
        if (random.bounded(2) == 0)
            token.controls.permittedUrls.append(QStringLiteral("https://app%1.example.com/integration").arg(i));
        const int ips = int(random.bounded(3));
        for (int n = 0; n < ips; ++n)
            token.controls.ipRanges.append(QStringLiteral("198.18.%1.%2/32").arg((i >> 6) & 0xff).arg((i & 0x3f) * 4 + n));
        if (random.bounded(5) != 0)
            token.labels.insert(QStringLiteral("usage_model"),
                                origins > 0 ? QStringLiteral("browser") : QStringLiteral("backend"));
        token.labels.insert(QStringLiteral("environment"), kEnvironments.at(i % kEnvironments.size()));
        token.createdAt = now.addDays(-int(random.bounded(700)));
        token.rotatedAt = std::min(now, token.createdAt.addDays(int(random.bounded(300))));
        token.updatedAt = token.rotatedAt;
        token.version = 1;
        record.server = token; // synced: the portal's copy equals ours
        if (!tokens.put(record)) {
            out() << "put failed: " << tokens.lastError() << Qt::endl;
            return false;
        }
    }
    return transaction.commit();
}

struct Row
{
    QString name;
    double medianMs;
    double targetMs; // 0: no target
};

} // namespace

int main(int argc, char **argv)
{
    // Offscreen: the table view is real (headers, selection), nothing is shown.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption countOption(QStringLiteral("tokens"), QStringLiteral("token count"),
                                         QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("runs per measurement"),
                                        QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption cacheOption(QStringLiteral("cache"), QStringLiteral("where the workspace is kept"),
                                         QStringLiteral("DIR"),
                                         QDir::temp().filePath(QStringLiteral("tokendesk-bench")));
    parser.addOptions({countOption, runsOption, cacheOption});
    parser.process(app);
    const int count = parser.value(countOption).toInt();
    const int runs = std::max(1, parser.value(runsOption).toInt());

    QDir().mkpath(parser.value(cacheOption));
    const QString path = QDir(parser.value(cacheOption)).filePath(QStringLiteral("workspace-%1.sqlite").arg(count));
    {
        store::Workspace probe;
        const bool reusable = QFileInfo::exists(path) && !probe.open(path).isError() &&
                              store::TokenStore(probe).count() == count;
        probe.close();
        if (!reusable) {
            out() << "Creating a workspace of " << count << " tokens in " << path << Qt::endl;
            const double ms = timeMs([&] {
                if (!createWorkspace(path, count))
                    qFatal("cannot create the workspace");
            });
            out() << QStringLiteral("  created in %1 s").arg(ms / 1000, 0, 'f', 1) << Qt::endl;
        }
    }

    QList<Row> rows;

    // Memory first, on a fresh heap: RSS before and after holding every summary in the
    // model (with the sorted proxy's mapping, as the window holds them).
    double bytesPerToken = 0;
    {
        const qint64 before = residentBytes();
        store::Workspace workspace;
        workspace.open(path);
        inventory::InventorySnapshot snapshot = inventory::InventoryReader(workspace).snapshot();
        workspace.close();
        const qint64 afterRead = residentBytes();
        auto *model = new ui::TokenTableModel;
        auto *proxy = new ui::TokenFilterProxy;
        proxy->setSourceModel(model);
        proxy->sort(ui::TokenTableModel::NameColumn);
        model->setTokens(std::move(snapshot.tokens));
        snapshot = {};
        const qint64 after = residentBytes();
        bytesPerToken = double(after - before) / count;
        out() << QStringLiteral("Memory: RSS %1 MiB before, %2 MiB after reading, %3 MiB with model and proxy: "
                                "%4 bytes per token")
                     .arg(before / 1048576.0, 0, 'f', 1)
                     .arg(afterRead / 1048576.0, 0, 'f', 1)
                     .arg(after / 1048576.0, 0, 'f', 1)
                     .arg(bytesPerToken, 0, 'f', 0)
              << Qt::endl;
        delete proxy;
        delete model;
    }

    // Where setTokens spends its time: the model alone, under an unsorted proxy, under the
    // name-sorted proxy.
    {
        store::Workspace workspace;
        workspace.open(path);
        const inventory::InventorySnapshot snapshot = inventory::InventoryReader(workspace).snapshot();
        rows.append({QStringLiteral("read summaries (loader thread)"),
                     timeMs([&] { inventory::InventoryReader(workspace).snapshot(); }), 0});
        ui::TokenTableModel alone;
        QList<double> bare;
        QList<double> unsorted;
        QList<double> sorted;
        for (int run = 0; run < 3; ++run) {
            alone.setTokens({});
            bare.append(timeMs([&] { alone.setTokens(snapshot.tokens); }));
        }
        ui::TokenFilterProxy plain;
        plain.setSourceModel(&alone);
        for (int run = 0; run < 3; ++run) {
            alone.setTokens({});
            unsorted.append(timeMs([&] { alone.setTokens(snapshot.tokens); plain.rowCount(); }));
        }
        plain.sort(ui::TokenTableModel::NameColumn);
        for (int run = 0; run < 3; ++run) {
            alone.setTokens({});
            sorted.append(timeMs([&] { alone.setTokens(snapshot.tokens); plain.rowCount(); }));
        }
        rows.append({QStringLiteral("setTokens, model alone"), median(bare), 0});
        rows.append({QStringLiteral("setTokens, unsorted proxy"), median(unsorted), 0});
        rows.append({QStringLiteral("setTokens, name-sorted proxy"), median(sorted), 0});
    }

    ui::TokenTableModel model;
    ui::TokenFilterProxy proxy;
    proxy.setSourceModel(&model);
    QTableView view;
    view.setModel(&proxy);
    view.setSortingEnabled(true);
    view.sortByColumn(ui::TokenTableModel::NameColumn, Qt::AscendingOrder);
    view.verticalHeader()->hide();
    view.resize(1200, 800);

    // Open to populated, as the window does it: the loader reads on its thread, the
    // snapshot goes into the model under the sorted proxy; then the grades come in batches.
    {
        QList<double> populated;
        QList<double> graded;
        QList<double> setTokens;
        QList<double> longestBatch;
        const int loads = std::min(runs, 5);
        for (int run = 0; run < loads; ++run) {
            model.setTokens({});
            inventory::InventoryLoader loader;
            QEventLoop loop;
            QElapsedTimer clock;
            double batchMax = 0;
            QObject::connect(&loader, &inventory::InventoryLoader::snapshotReady, &loop,
                             [&](const inventory::InventorySnapshot &snapshot) {
                                 setTokens.append(timeMs([&] { model.setTokens(snapshot.tokens); }));
                                 populated.append(double(clock.nsecsElapsed()) / 1e6);
                             });
            QObject::connect(&loader, &inventory::InventoryLoader::gradesReady, &loop,
                             [&](const QList<inventory::GradeUpdate> &grades) {
                                 batchMax = std::max(batchMax, timeMs([&] { model.applyGrades(grades); }));
                             });
            QObject::connect(&loader, &inventory::InventoryLoader::finished, &loop, [&] {
                graded.append(double(clock.nsecsElapsed()) / 1e6);
                loop.quit();
            });
            clock.start();
            loader.load(path);
            loop.exec();
            longestBatch.append(batchMax);
            if (model.rowCount() != count)
                qFatal("the model lists %d tokens, not %d", model.rowCount(), count);
        }
        rows.append({QStringLiteral("open → table populated"), median(populated), 500});
        rows.append({QStringLiteral("  of which setTokens (GUI thread)"), median(setTokens), 0});
        rows.append({QStringLiteral("open → all grades in"), median(graded), 0});
        rows.append({QStringLiteral("  longest grade batch (GUI thread)"), median(longestBatch), 0});
    }

    // A filter keystroke: successive prefixes typed into the search, over the name-sorted
    // proxy, then the search cleared.
    {
        const QStringList prefixes = {QStringLiteral("t"), QStringLiteral("to"), QStringLiteral("tok"),
                                      QStringLiteral("toke"), QStringLiteral("token"),
                                      QStringLiteral("token "), QStringLiteral("token 1")};
        QList<double> keystrokes;
        QList<double> clears;
        for (int run = 0; run < runs; ++run) {
            for (const QString &prefix : prefixes)
                keystrokes.append(timeMs([&] { proxy.setSearchText(prefix); }));
            clears.append(timeMs([&] { proxy.setSearchText({}); }));
        }
        proxy.setSearchText(QStringLiteral("token 1"));
        out() << "Search \"token 1\" shows " << proxy.rowCount() << " of " << model.rowCount() << Qt::endl;
        proxy.setSearchText({});
        rows.append({QStringLiteral("filter keystroke"), median(keystrokes), 16});
        rows.append({QStringLiteral("  search cleared (all rows back)"), median(clears), 0});
    }

    // Sorting by a column header, alternating the order so that every run really sorts.
    {
        const QList<std::pair<QString, int>> columns = {
            {QStringLiteral("sort by name"), ui::TokenTableModel::NameColumn},
            {QStringLiteral("sort by grade"), ui::TokenTableModel::GradeColumn},
            {QStringLiteral("sort by rotation due"), ui::TokenTableModel::RotationDueColumn},
        };
        for (const auto &[label, column] : columns) {
            QList<double> times;
            for (int run = 0; run < std::min(runs, 7); ++run) {
                const Qt::SortOrder order = run % 2 ? Qt::AscendingOrder : Qt::DescendingOrder;
                times.append(timeMs([&] { view.sortByColumn(column, order); }));
            }
            rows.append({label, median(times), 150});
        }
        view.sortByColumn(ui::TokenTableModel::NameColumn, Qt::AscendingOrder);
    }

    out() << Qt::endl
          << QStringLiteral("%1 tokens, %2 runs, medians (ms)").arg(count).arg(runs) << Qt::endl;
    out() << QStringLiteral("%1 %2 %3 %4")
                 .arg(QStringLiteral("measurement"), -36)
                 .arg(QStringLiteral("median"), 10)
                 .arg(QStringLiteral("target"), 8)
                 .arg(QStringLiteral("ratio"), 7)
          << Qt::endl;
    bool allMet = true;
    for (const Row &row : rows) {
        const QString target = row.targetMs > 0 ? QString::number(row.targetMs) : QStringLiteral("-");
        const QString ratio = row.targetMs > 0 ? QString::number(row.medianMs / row.targetMs, 'f', 2)
                                               : QStringLiteral("-");
        if (row.targetMs > 0 && row.medianMs > row.targetMs)
            allMet = false;
        out() << QStringLiteral("%1 %2 %3 %4")
                     .arg(row.name, -36)
                     .arg(row.medianMs, 10, 'f', 1)
                     .arg(target, 8)
                     .arg(ratio, 7)
              << Qt::endl;
    }
    out() << QStringLiteral("%1 %2").arg(QStringLiteral("memory per token (bytes)"), -36).arg(bytesPerToken, 10, 'f', 0)
          << Qt::endl;
    out() << (allMet ? "All targets met." : "Some targets missed.") << Qt::endl;
    return 0;
}
