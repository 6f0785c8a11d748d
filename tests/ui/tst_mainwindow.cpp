#include "AppInfo.h"
#include "MainWindow.h"
#include "MemorySecretStore.h"
#include "SandboxProcess.h"
#include "commands/ActionController.h"
#include "editors/ControlListEditor.h"
#include "editors/TokenControlsEditor.h"
#include "models/TokenFilterProxy.h"
#include "models/TokenTableModel.h"
#include "secrets/ClipboardGuard.h"
#include "secrets/SecretKeys.h"
#include "session/WorkspaceSession.h"
#include "store/ProfileStore.h"
#include "store/TokenStore.h"
#include "store/WorkspaceEditor.h"
#include "views/InventoryView.h"
#include "views/TokenDetailPane.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProcess>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <functional>
#include <memory>

using namespace tokendesk;

namespace {

// Runs `handle` on the next modal dialog, once it is up (exec() blocks the test otherwise).
void whenModal(std::function<void(QWidget *)> handle)
{
    auto *timer = new QTimer(qApp);
    timer->setObjectName(QStringLiteral("whenModalTimer"));
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, handle] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            handle(modal);
        }
    });
    timer->start();
}

domain::TokenDraft draft(const QString &name, const QStringList &origins, const QString &usage)
{
    domain::TokenDraft draft;
    draft.name = name;
    draft.controls.corsOrigins = origins;
    if (!usage.isEmpty())
        draft.labels.insert(domain::TokenLabels::usageModelKey(), usage);
    draft.labels.insert(domain::TokenLabels::environmentKey(), QStringLiteral("production"));
    return draft;
}

// A portal profile in the workspace (its secret, where needed, goes to the test's store).
void addPortalProfile(store::Workspace &workspace, const QString &id, const QString &name,
                      const QString &baseUrl, const QString &clientId)
{
    domain::Profile profile;
    profile.id = id;
    profile.name = name;
    profile.baseUrl = baseUrl;
    profile.clientId = clientId;
    profile.createdAt = QDateTime::currentDateTimeUtc();
    QVERIFY(store::ProfileStore(workspace).add(profile).isEmpty());
}

} // namespace

// One window on a temporary workspace, settings file and in-memory keychain.
struct Fixture
{
    QTemporaryDir folder;
    QSettings settings{folder.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat};
    MemorySecretStore secrets;
    ui::ClipboardGuard clipboard{QGuiApplication::clipboard()};
    std::unique_ptr<ui::WorkspaceSession> session;
    std::unique_ptr<ui::MainWindow> window;

    QString workspacePath() const { return folder.filePath(QStringLiteral("workspace.sqlite")); }

    // Fills the workspace before the window opens it.
    void prepare(const std::function<void(store::Workspace &)> &fill)
    {
        store::Workspace workspace;
        QVERIFY(!workspace.open(workspacePath()).isError());
        fill(workspace);
    }

    void open()
    {
        session = std::make_unique<ui::WorkspaceSession>(&secrets);
        QVERIFY(!session->open(workspacePath()).isError());
        window = std::make_unique<ui::MainWindow>(session.get(), &clipboard, &settings);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        activate();
    }

    // Shortcuts go to the active window; a closed dialog leaves none active offscreen.
    void activate()
    {
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
    }

    template <typename T> T *find(const QString &name) const { return window->findChild<T *>(name); }
    QAction *action(const char *name) const { return find<QAction>(QString::fromLatin1(name)); }
    ui::TokenFilterProxy *proxy() const { return window->inventory()->proxy(); }
    QString currentPage() const { return find<QStackedWidget>(QStringLiteral("pagesStack"))->currentWidget()->objectName(); }
};

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void firstRunOffersThreePathsAndWorksOffline();
    void addsATokenFromTheKeyboard();
    void listsGradesSearchesAndFilters();
    void editsControlsWithLiveValidationAndSaves();
    void findingLinksToItsControl();
    void unsavedControlsAreNeverDroppedSilently();
    void readOnlyRoleIsToldWhy();
    void conflictsAndPendingChangesInTheStatusBar();
    void windowStateIsRemembered();
    void syncsRevealsAndCopiesAgainstTheSandbox();
    void connectsToAPortalFromTheWelcomePage();
    void quitIsOnTheKeyboard();
    void versionAndHelpWithoutDisplay();
};

void TestMainWindow::initTestCase()
{
    AppInfo::applyTo();
    QCoreApplication::setOrganizationName(QStringLiteral("TokenDeskTests"));
}

// A dialog a test waited for and never got must not be handled by the next test.
void TestMainWindow::cleanup()
{
    for (QTimer *timer : qApp->findChildren<QTimer *>(QStringLiteral("whenModalTimer"), Qt::FindDirectChildrenOnly))
        delete timer;
}

void TestMainWindow::firstRunOffersThreePathsAndWorksOffline()
{
    Fixture f;
    f.open();
    QCOMPARE(f.window->windowTitle(), QStringLiteral("TokenDesk"));
    QTRY_COMPARE(f.currentPage(), QStringLiteral("welcomeView"));
    auto *version = f.find<QLabel>(QStringLiteral("versionLabel"));
    QVERIFY(version && version->text().contains(AppInfo::version()));
    for (const char *name : {"connectButton", "demoButton", "offlineButton"}) {
        auto *button = f.find<QPushButton>(QString::fromLatin1(name));
        QVERIFY2(button && button->isVisible(), name);
        QVERIFY(!button->accessibleDescription().isEmpty());
    }
    // The hint gets the height its wrapped text needs (it was once clipped to two half lines).
    auto *hint = f.find<QLabel>(QStringLiteral("welcomeHintLabel"));
    QVERIFY(hint->height() >= hint->heightForWidth(hint->width()));

    QTest::keyClick(f.find<QPushButton>(QStringLiteral("offlineButton")), Qt::Key_Space);
    QCOMPARE(f.currentPage(), QStringLiteral("inventoryPage"));
    // Offline work goes to the Local profile; a new token needs it in view.
    auto *sidebar = f.window->inventory()->sidebar();
    const QModelIndex local = sidebar->model()->index(1, 0);
    QVERIFY(local.data().toString().startsWith(QStringLiteral("Local")));
    sidebar->setCurrentIndex(local);
    QVERIFY(f.action("newTokenAction")->isEnabled());
    QVERIFY(!f.action("syncAction")->isEnabled());
    QVERIFY(f.action("syncAction")->toolTip().contains(QStringLiteral("portal")));
    QVERIFY(!f.action("renameAction")->isEnabled());
    QVERIFY(f.action("renameAction")->toolTip().contains(QStringLiteral("Select one token")));
    QVERIFY(f.settings.value(QStringLiteral("ui/welcomeDone")).toBool());
}

void TestMainWindow::addsATokenFromTheKeyboard()
{
    Fixture f;
    f.settings.setValue(QStringLiteral("ui/welcomeDone"), true);
    f.open();
    auto *sidebar = f.window->inventory()->sidebar();
    QTRY_VERIFY(sidebar->model()->rowCount() >= 2);
    sidebar->setCurrentIndex(sidebar->model()->index(1, 0)); // Local
    bool filled = false;
    whenModal([&](QWidget *dialog) {
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("tokenNameLineEdit"));
        QVERIFY(name);
        QTest::keyClicks(name, QStringLiteral("Kiosk <test>"));
        auto *deployment = dialog->findChild<QComboBox *>(QStringLiteral("deploymentCombo"));
        deployment->setEditText(QStringLiteral("Stores"));
        QTest::keyClick(name, Qt::Key_Return);
        filled = true;
    });
    QTest::keySequence(f.window.get(), QKeySequence::New);
    QVERIFY(filled);
    QTRY_COMPARE(f.proxy()->rowCount(), 1);
    QTRY_COMPARE(f.find<QLabel>(QStringLiteral("tokenNameLabel"))->text(), QStringLiteral("Kiosk <test>"));
    f.activate();
    QCOMPARE(f.find<QLabel>(QStringLiteral("tokenNameLabel"))->textFormat(), Qt::PlainText);
    QVERIFY(f.action("renameAction")->isEnabled());
    QVERIFY(!f.action("revealAction")->isEnabled()); // Local tokens have no portal value
    QVERIFY(f.action("revealAction")->toolTip().contains(QStringLiteral("Local")));

    // Rename (F2) and disable (Ctrl+Shift+D) from the keyboard.
    whenModal([](QWidget *dialog) {
        QLineEdit *edit = nullptr;
        for (auto *candidate : dialog->findChildren<QLineEdit *>()) {
            if (candidate->isVisible())
                edit = candidate;
        }
        QVERIFY(edit);
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("Kiosk"));
        QTest::keyClick(edit, Qt::Key_Return);
    });
    QTest::keyClick(f.window.get(), Qt::Key_F2);
    QTRY_COMPARE(f.window->inventory()->table()->currentIndex().data().toString(), QStringLiteral("Kiosk"));
    f.activate();
    QTest::keyClick(f.window.get(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(f.find<QLabel>(QStringLiteral("tokenStatusLabel"))->text(), QStringLiteral("Disabled"));
    QCOMPARE(f.action("toggleEnabledAction")->text(), QStringLiteral("&Enable"));
    auto *activity = f.find<QListWidget>(QStringLiteral("activityListWidget"));
    QTRY_VERIFY(activity->count() >= 3); // created, renamed, disabled
}

void TestMainWindow::listsGradesSearchesAndFilters()
{
    Fixture f;
    f.prepare([](store::Workspace &workspace) {
        store::WorkspaceEditor editor(workspace);
        for (int i = 0; i < 30; ++i) {
            const bool good = i % 3 == 0;
            QVERIFY(editor.addToken(domain::Profile::localId(), QStringLiteral("Shop"),
                                    draft(QStringLiteral("token %1").arg(i, 2, 10, QLatin1Char('0')),
                                          good ? QStringList{QStringLiteral("https://shop.example.com")}
                                               : QStringList{},
                                          good ? QStringLiteral("backend") : QStringLiteral("browser")))
                        .accepted());
        }
    });
    f.open();
    QTRY_COMPARE(f.currentPage(), QStringLiteral("inventoryPage"));
    QTRY_COMPARE(f.proxy()->rowCount(), 30);
    auto *model = f.window->inventory()->tokenModel();
    // Grades arrive after the rows; none stays pending.
    QTRY_VERIFY(model->index(29, ui::TokenTableModel::GradeColumn).data().toString() != QStringLiteral("…"));
    auto *sidebar = f.window->inventory()->sidebar();
    QTRY_VERIFY(sidebar->model()->index(0, 0).data().toString().contains(QStringLiteral("worst F")));

    auto *search = f.find<QLineEdit>(QStringLiteral("searchLineEdit"));
    QTest::keySequence(f.window.get(), QKeySequence::Find);
    QVERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("TOKEN 1"));
    QCOMPARE(f.proxy()->rowCount(), 10);
    QCOMPARE(f.find<QLabel>(QStringLiteral("resultCountLabel"))->text(), QStringLiteral("10 of 30 tokens"));
    search->clear();
    auto *grade = f.find<QComboBox>(QStringLiteral("gradeFilterCombo"));
    grade->setCurrentIndex(grade->findText(QStringLiteral("Grade F")));
    QCOMPARE(f.proxy()->rowCount(), 20); // no controls at all: critical
    grade->setCurrentIndex(0);
    QCOMPARE(f.proxy()->rowCount(), 30);
    // Clicking a header sorts; a second click reverses.
    auto *table = f.window->inventory()->table();
    table->sortByColumn(ui::TokenTableModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(f.proxy()->index(0, 0).data().toString(), QStringLiteral("token 29"));
}

void TestMainWindow::editsControlsWithLiveValidationAndSaves()
{
    Fixture f;
    QString tokenId;
    f.prepare([&](store::Workspace &workspace) {
        const auto result = store::WorkspaceEditor(workspace).addToken(
            domain::Profile::localId(), QStringLiteral("Shop"),
            draft(QStringLiteral("Checkout"), {QStringLiteral("https://shop.example.com")}, QStringLiteral("browser")));
        QVERIFY(result.accepted());
        tokenId = result.tokenId;
    });
    f.open();
    QTRY_COMPARE(f.proxy()->rowCount(), 1);
    f.window->inventory()->table()->selectRow(0);
    QTRY_VERIFY(f.window->details()->tokenId() == tokenId);

    // Ctrl+E takes the keyboard to the origins editor.
    QTest::keyClick(f.window.get(), Qt::Key_E, Qt::ControlModifier);
    auto *origins = f.find<ui::ControlListEditor>(QStringLiteral("originsListEdit"));
    auto *save = f.find<QPushButton>(QStringLiteral("saveButton"));
    QVERIFY(origins && save);
    QVERIFY(!save->isEnabled());
    // ...to its first entry; End and Enter open a new row after it, all from the keyboard.
    QLineEdit *first = origins->findChildren<QLineEdit *>(QStringLiteral("entryLineEdit")).first();
    QTRY_COMPARE(QApplication::focusWidget(), first);
    QTest::keyClick(first, Qt::Key_End);
    QTest::keyClick(first, Qt::Key_Return);
    QLineEdit *entry = origins->findChildren<QLineEdit *>(QStringLiteral("entryLineEdit")).last();
    QTRY_COMPARE(QApplication::focusWidget(), entry);
    QTest::keyClicks(entry, QStringLiteral("https://api.example.com/v1"));
    QVERIFY(!save->isEnabled());
    const QString pathMessage = validation::Finding::fromRule("origin.has-path", {QStringLiteral("/v1")}).message;
    QVERIFY2(entry->accessibleDescription().contains(pathMessage), qPrintable(entry->accessibleDescription()));
    QPushButton *fix = nullptr;
    for (auto *button : origins->findChildren<QPushButton *>(QStringLiteral("fixButton"))) {
        if (button->isVisible())
            fix = button;
    }
    QVERIFY(fix);
    QTest::mouseClick(fix, Qt::LeftButton);
    QCOMPARE(entry->text(), QStringLiteral("https://api.example.com"));
    QVERIFY(save->isEnabled());
    entry->setFocus();
    QTest::keyClick(entry, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(!save->isEnabled());
    store::Workspace check;
    QVERIFY(!check.open(f.workspacePath()).isError());
    const auto saved = store::TokenStore(check).token(domain::Profile::localId(), tokenId);
    QCOMPARE(saved->local.controls.corsOrigins,
             (QStringList{QStringLiteral("https://shop.example.com"), QStringLiteral("https://api.example.com")}));
    // The table follows.
    QTRY_COMPARE(f.proxy()->index(0, ui::TokenTableModel::ControlsColumn).data().toString(),
                 QStringLiteral("2 origins · no URLs · no IPs"));
}

void TestMainWindow::unsavedControlsAreNeverDroppedSilently()
{
    Fixture f;
    f.prepare([](store::Workspace &workspace) {
        store::WorkspaceEditor editor(workspace);
        for (const char *name : {"Alpha", "Beta"})
            QVERIFY(editor.addToken(domain::Profile::localId(), QStringLiteral("Shop"),
                                    draft(QString::fromLatin1(name), {QStringLiteral("https://a.example.com")},
                                          QStringLiteral("browser")))
                        .accepted());
    });
    f.open();
    QTRY_COMPARE(f.proxy()->rowCount(), 2);
    auto *table = f.window->inventory()->table();
    table->selectRow(0);
    QTRY_COMPARE(f.find<QLabel>(QStringLiteral("tokenNameLabel"))->text(), QStringLiteral("Alpha"));
    auto *origins = f.find<ui::ControlListEditor>(QStringLiteral("originsListEdit"));
    QLineEdit *entry = origins->findChildren<QLineEdit *>(QStringLiteral("entryLineEdit")).first();
    entry->selectAll();
    QTest::keyClicks(entry, QStringLiteral("https://b.example.com"));
    QVERIFY(f.window->details()->hasUnsavedEdits());

    // Cancel: back on Alpha, the edit still there.
    whenModal([](QWidget *box) { QTest::keyClick(box, Qt::Key_Escape); });
    table->selectRow(1);
    QTRY_COMPARE(f.window->inventory()->currentKey().isEmpty(), false);
    QCOMPARE(f.find<QLabel>(QStringLiteral("tokenNameLabel"))->text(), QStringLiteral("Alpha"));
    QCOMPARE(table->currentIndex().data().toString(), QStringLiteral("Alpha"));
    QCOMPARE(entry->text(), QStringLiteral("https://b.example.com"));

    // Save: stored, then on to Beta.
    whenModal([](QWidget *box) {
        auto *message = qobject_cast<QMessageBox *>(box);
        QVERIFY(message);
        message->button(QMessageBox::Save)->click();
    });
    table->selectRow(1);
    QTRY_COMPARE(f.find<QLabel>(QStringLiteral("tokenNameLabel"))->text(), QStringLiteral("Beta"));
    store::Workspace check;
    QVERIFY(!check.open(f.workspacePath()).isError());
    bool saved = false;
    for (const auto &record : store::TokenStore(check).tokens()) {
        if (record.local.name == QLatin1String("Alpha"))
            saved = record.local.controls.corsOrigins == QStringList{QStringLiteral("https://b.example.com")};
    }
    QVERIFY(saved);
}

void TestMainWindow::findingLinksToItsControl()
{
    Fixture f;
    f.prepare([](store::Workspace &workspace) {
        QVERIFY(store::WorkspaceEditor(workspace)
                    .addToken(domain::Profile::localId(), QStringLiteral("Shop"),
                              draft(QStringLiteral("No URLs"), {QStringLiteral("https://shop.example.com")},
                                    QStringLiteral("browser")))
                    .accepted());
    });
    f.open();
    QTRY_COMPARE(f.proxy()->rowCount(), 1);
    f.window->inventory()->table()->selectRow(0);
    auto *findings = f.find<QListWidget>(QStringLiteral("findingsListWidget"));
    QTRY_VERIFY(findings->count() > 0);
    QListWidgetItem *noUrls = nullptr;
    for (int i = 0; i < findings->count(); ++i) {
        if (findings->item(i)->toolTip() == QLatin1String("review.browser-no-urls"))
            noUrls = findings->item(i);
    }
    QVERIFY(noUrls);
    QVERIFY(noUrls->text().startsWith(QStringLiteral("High")));
    Q_EMIT findings->itemActivated(noUrls);
    auto *urls = f.find<ui::ControlListEditor>(QStringLiteral("urlsListEdit"));
    QVERIFY(urls->isAncestorOf(QApplication::focusWidget()) || QApplication::focusWidget() == urls);
}

void TestMainWindow::readOnlyRoleIsToldWhy()
{
    Fixture f;
    f.prepare([](store::Workspace &workspace) {
        addPortalProfile(workspace, QStringLiteral("p1"), QStringLiteral("Auditor"),
                         QStringLiteral("http://127.0.0.1:9"), QStringLiteral("reader"));
        QVERIFY(store::ProfileStore(workspace).setRole(QStringLiteral("p1"), domain::PortalRole::ConsumerReader));
        const QString profileId = QStringLiteral("p1");
        store::TokenStore tokens(workspace);
        domain::Deployment deployment;
        deployment.id = QStringLiteral("dep_1");
        deployment.name = QStringLiteral("Webshop");
        deployment.createdAt = QDateTime::currentDateTimeUtc();
        QVERIFY(tokens.ensureDeployment(profileId, deployment));
        domain::Token token;
        token.id = QStringLiteral("tok_1");
        token.deploymentId = deployment.id;
        token.name = QStringLiteral("Checkout");
        token.maskedValue = QStringLiteral("abcd…wxyz");
        token.createdAt = token.updatedAt = token.rotatedAt = QDateTime::currentDateTimeUtc();
        token.version = 1;
        QVERIFY(tokens.put(store::TokenRecord{profileId, token, token}));
    });
    f.open();
    QTRY_COMPARE(f.proxy()->rowCount(), 1);
    f.window->inventory()->table()->selectRow(0);
    auto *banner = f.find<QLabel>(QStringLiteral("readOnlyBanner"));
    QTRY_VERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(QStringLiteral("consumer_reader")));
    for (const char *name : {"renameAction", "toggleEnabledAction", "deleteAction", "revealAction",
                             "copyValueAction", "editControlsAction", "importAction", "newTokenAction"}) {
        QVERIFY2(!f.action(name)->isEnabled(), name);
        QVERIFY2(f.action(name)->toolTip().contains(QStringLiteral("consumer_reader")), name);
    }
    QVERIFY(f.action("exportAction")->isEnabled());
    auto *editors = f.find<ui::TokenControlsEditor>(QStringLiteral("tokenControlsEditor"));
    QVERIFY(editors->isReadOnly());
    QVERIFY(!f.find<QPushButton>(QStringLiteral("saveButton"))->isEnabled());
    QVERIFY(!f.find<QComboBox>(QStringLiteral("usageModelCombo"))->isEnabled());
}

void TestMainWindow::conflictsAndPendingChangesInTheStatusBar()
{
    Fixture f;
    f.prepare([](store::Workspace &workspace) {
        addPortalProfile(workspace, QStringLiteral("p1"), QStringLiteral("Portal"),
                         QStringLiteral("http://127.0.0.1:9"), QStringLiteral("c"));
        domain::Deployment deployment;
        deployment.id = QStringLiteral("dep_1");
        deployment.name = QStringLiteral("Webshop");
        deployment.createdAt = QDateTime::currentDateTimeUtc();
        QVERIFY(store::TokenStore(workspace).ensureDeployment(QStringLiteral("p1"), deployment));
        // Added offline: it waits in the outbox for the (unreachable) portal.
        QVERIFY(store::WorkspaceEditor(workspace)
                    .addToken(QStringLiteral("p1"), QStringLiteral("dep_1"),
                              draft(QStringLiteral("Queued"), {}, {}))
                    .accepted());
    });
    f.open();
    auto *pending = f.find<QToolButton>(QStringLiteral("pendingButton"));
    QVERIFY(pending);
    QTRY_COMPARE(pending->text(), QStringLiteral("1 pending change"));
    QTest::mouseClick(pending, Qt::LeftButton);
    auto *outbox = f.window->findChild<QDialog *>(QStringLiteral("outboxDialog"));
    QTRY_VERIFY(outbox && outbox->isVisible());
    auto *entries = outbox->findChild<QTreeWidget *>(QStringLiteral("outboxTreeWidget"));
    QVERIFY(entries);
    QCOMPARE(entries->topLevelItemCount(), 1);
    outbox->close();
    auto *conflicts = f.find<QToolButton>(QStringLiteral("conflictsButton"));
    QVERIFY(conflicts && !conflicts->isVisible()); // none yet
}

void TestMainWindow::windowStateIsRemembered()
{
    Fixture f;
    f.settings.setValue(QStringLiteral("ui/welcomeDone"), true);
    f.open();
    f.window->resize(900, 600);
    QTRY_COMPARE(f.window->size(), QSize(900, 600));
    f.window->close();
    f.window.reset();
    f.open();
    QTRY_COMPARE(f.window->size(), QSize(900, 600));
}

void TestMainWindow::syncsRevealsAndCopiesAgainstTheSandbox()
{
    SandboxProcess sandbox;
    QTemporaryDir data;
    QVERIFY2(sandbox.start({QStringLiteral("--data"), data.path(), QStringLiteral("--seed"), QStringLiteral("demo"),
                            QStringLiteral("--client"), QStringLiteral("demo:demo-secret:administrator")}),
             qPrintable(sandbox.error()));
    Fixture f;
    f.prepare([&](store::Workspace &workspace) {
        addPortalProfile(workspace, QStringLiteral("demo"), QStringLiteral("Demo"), sandbox.url().toString(),
                         QStringLiteral("demo"));
    });
    // The secret comes from the keychain, as it would in use.
    bool stored = false;
    f.secrets.write(secrets::SecretKeys::clientSecret(QStringLiteral("demo")),
                    secrets::SecretBuffer(QByteArrayLiteral("demo-secret")),
                    [&](const secrets::SecretError &error) { stored = !error.isError(); });
    QTRY_VERIFY(stored);
    f.open();
    QTRY_VERIFY(f.action("syncAction")->isEnabled());
    QTest::keyClick(f.window.get(), Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(f.proxy()->rowCount() == 40, 20000);
    QTRY_VERIFY(f.action("syncAction")->isEnabled()); // the sync is over
    QTRY_VERIFY(f.find<QLabel>(QStringLiteral("lastSyncLabel"))->text().startsWith(QStringLiteral("Last sync")));
    QCOMPARE(f.find<QLabel>(QStringLiteral("connectionLabel"))->text(), QStringLiteral("Online"));

    f.window->inventory()->table()->selectRow(0);
    QTRY_VERIFY(f.action("revealAction")->isEnabled());
    auto *value = f.find<QLabel>(QStringLiteral("maskedValueLabel"));
    QTRY_VERIFY(!value->text().isEmpty()); // the details follow the selection a moment later
    const QString masked = value->text();
    QTest::keyClick(f.window.get(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(value->text() != masked);
    const QString revealed = value->text();
    QVERIFY(revealed.size() > 16);
    // Selecting the shown value would copy it past the self-clearing clipboard.
    QCOMPARE(value->textInteractionFlags(), Qt::NoTextInteraction);
    f.window->details()->hideValue();
    QCOMPARE(value->text(), masked);
    QTest::keyClick(f.window.get(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), revealed);
    QVERIFY(f.clipboard.holdsSecret());
    // Nothing of the value reaches the settings or the workspace.
    f.window->close();
    f.settings.sync();
    for (const QString &file : {f.folder.filePath(QStringLiteral("settings.ini")), f.workspacePath()}) {
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QVERIFY2(!in.readAll().contains(revealed.toUtf8()), qPrintable(file));
    }
    QVERIFY(!f.clipboard.holdsSecret()); // cleared on close
}

void TestMainWindow::connectsToAPortalFromTheWelcomePage()
{
    SandboxProcess sandbox;
    QTemporaryDir data;
    QVERIFY2(sandbox.start({QStringLiteral("--data"), data.path(), QStringLiteral("--seed"), QStringLiteral("3"),
                            QStringLiteral("--client"), QStringLiteral("ops:ops-secret:consumer_reader")}),
             qPrintable(sandbox.error()));
    Fixture f;
    f.open();
    QTRY_COMPARE(f.currentPage(), QStringLiteral("welcomeView"));
    bool tested = false;
    bool saved = false;
    whenModal([&](QWidget *dialog) {
        auto *save = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        auto *test = dialog->findChild<QPushButton *>(QStringLiteral("testConnectionButton"));
        auto *result = dialog->findChild<QLabel *>(QStringLiteral("connectionResultLabel"));
        QVERIFY(!save->isEnabled());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("profileNameLineEdit")), QStringLiteral("Ops"));
        auto *url = dialog->findChild<QLineEdit *>(QStringLiteral("portalUrlLineEdit"));
        QTest::keyClicks(url, QStringLiteral("http://portal.example.com"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("clientIdLineEdit")), QStringLiteral("ops"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("clientSecretLineEdit")), QStringLiteral("ops-secret"));
        // Plain HTTP is for loopback portals only: refused with a reason, Save stays off.
        QVERIFY(!save->isEnabled());
        QVERIFY(!result->text().isEmpty());
        url->clear();
        QTest::keyClicks(url, sandbox.url().toString());
        QVERIFY(save->isEnabled());
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("Connected as ops (consumer_reader)")), 10000);
        tested = true;
        QTest::mouseClick(save, Qt::LeftButton);
        saved = true;
    });
    QTest::mouseClick(f.find<QPushButton>(QStringLiteral("connectButton")), Qt::LeftButton);
    QVERIFY(tested && saved);
    // The secret went to the keychain, the profile syncs, and its read-only role shows.
    QTRY_VERIFY_WITH_TIMEOUT(f.proxy()->rowCount() == 3, 20000);
    QCOMPARE(f.currentPage(), QStringLiteral("inventoryPage"));
    const auto profile = store::ProfileStore(f.session->workspace()).find(QStringLiteral("Ops"));
    QVERIFY(profile);
    bool found = false;
    f.secrets.read(secrets::SecretKeys::clientSecret(profile->id),
                   [&](const secrets::SecretBuffer &secret, const secrets::SecretError &) {
                       found = secret.bytes() == "ops-secret";
                   });
    QTRY_VERIFY(found);
    f.window->inventory()->table()->selectRow(0);
    QTRY_VERIFY(f.find<QLabel>(QStringLiteral("readOnlyBanner"))->isVisible());
    QVERIFY(!f.action("revealAction")->isEnabled());
}

void TestMainWindow::quitIsOnTheKeyboard()
{
    Fixture f;
    f.open();
    auto *quit = f.action("quitAction");
    QVERIFY(quit);
    QVERIFY(!quit->shortcut().isEmpty());
    QVERIFY(f.action("aboutAction"));
    quit->trigger();
    QTRY_VERIFY(!f.window->isVisible());
}

// --version and --help must answer without any display (pipelines, packaging checks).
void TestMainWindow::versionAndHelpWithoutDisplay()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    for (const QString &flag : {QStringLiteral("--version"), QStringLiteral("--help")}) {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(TOKENDESK_BINARY_DIR "/bin/tokendesk"), {flag});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        const QByteArray out = process.readAllStandardOutput();
        const QByteArray expected = flag == QLatin1String("--version") ? QByteArray(TOKENDESK_VERSION)
                                                                        : QByteArray("--demo");
        QVERIFY2(out.contains(expected), out.constData());
    }
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
