// a11y_driver: puts the real main window (and, per scenario, one dialog) into a known state
// for the accessibility check, then waits to be killed. Under AT-SPI the checker walks the
// accessible tree of this process.
//
// Usage: a11y_driver SCENARIO
// Prints, on stdout, what the checker must find besides names:
//   expect-text<TAB>MESSAGE                 a label or text in the tree shows MESSAGE
//   expect-description<TAB>NAME<TAB>MESSAGE the node named NAME has MESSAGE in its description
// and finally "ready". Exits with 2 on an unknown scenario, 3 if the state cannot be reached.

#include "AppInfo.h"
#include "ConflictFixture.h"
#include "MainWindow.h"
#include "MemorySecretStore.h"
#include "dialogs/ConflictDialog.h"
#include "dialogs/NewTokenDialog.h"
#include "dialogs/OutboxDialog.h"
#include "dialogs/ProfileDialog.h"
#include "dialogs/SettingsDialog.h"
#include "editors/ControlListEditor.h"
#include "models/TokenFilterProxy.h"
#include "secrets/ClipboardGuard.h"
#include "session/AppSettings.h"
#include "session/WorkspaceSession.h"
#include "store/ConflictStore.h"
#include "store/Outbox.h"
#include "store/ProfileStore.h"
#include "store/TokenStore.h"
#include "store/Workspace.h"
#include "store/WorkspaceEditor.h"
#include "validation/Finding.h"
#include "views/InventoryView.h"
#include "views/TokenDetailPane.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>
#include <functional>
#include <memory>

using namespace tokendesk;

namespace {

const QStringList kScenarios = {
    QStringLiteral("welcome"),  QStringLiteral("inventory"),
    QStringLiteral("profile"),  QStringLiteral("newtoken"),
    QStringLiteral("settings"), QStringLiteral("settings-profiles"),
    QStringLiteral("conflict"), QStringLiteral("conflict-deleted"),
    QStringLiteral("outbox"),
};

void say(const QStringList &fields)
{
    std::fputs(fields.join(QLatin1Char('\t')).toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "a11y_driver: %s\n", what);
    std::exit(3);
}

domain::TokenDraft draft(const QString &name, const QStringList &origins, const QString &usage)
{
    domain::TokenDraft draft;
    draft.name = name;
    draft.controls.corsOrigins = origins;
    draft.labels.insert(domain::TokenLabels::usageModelKey(), usage);
    draft.labels.insert(domain::TokenLabels::environmentKey(), QStringLiteral("production"));
    return draft;
}

// A few Local tokens, good and bad, so the table, the findings and the editors have content.
void addLocalTokens(store::Workspace &workspace)
{
    store::WorkspaceEditor editor(workspace);
    const struct
    {
        const char *name;
        const char *origin;
        const char *usage;
    } tokens[] = {
        {"Checkout", "https://shop.example.com", "browser"},
        {"Reporting", "", "backend"},
        {"Kiosk <test>", "", "browser"},
    };
    for (const auto &token : tokens) {
        const QString origin = QString::fromLatin1(token.origin);
        const auto result =
            editor.addToken(domain::Profile::localId(), QStringLiteral("Shop"),
                            draft(QString::fromLatin1(token.name),
                                  origin.isEmpty() ? QStringList{} : QStringList{origin},
                                  QString::fromLatin1(token.usage)));
        if (!result.accepted())
            fail("could not add a token");
    }
}

bool waitFor(const std::function<bool()> &condition)
{
    return QTest::qWaitFor(condition, 10000);
}

// One window on a temporary workspace, settings file and in-memory keychain, as the app
// builds it in app/main.cpp.
struct Harness
{
    QTemporaryDir folder;
    QSettings settings{folder.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat};
    MemorySecretStore secrets;
    ui::ClipboardGuard clipboard{QGuiApplication::clipboard()};
    std::unique_ptr<ui::AppSettings> preferences;
    std::unique_ptr<ui::WorkspaceSession> session;
    std::unique_ptr<ui::MainWindow> window;

    QString workspacePath() const { return folder.filePath(QStringLiteral("workspace.sqlite")); }

    void prepare(const std::function<void(store::Workspace &)> &fill)
    {
        store::Workspace workspace;
        if (workspace.open(workspacePath()).isError())
            fail("could not create the workspace");
        fill(workspace);
    }

    void open()
    {
        preferences = std::make_unique<ui::AppSettings>(settings);
        session = std::make_unique<ui::WorkspaceSession>(&secrets);
        if (session->open(workspacePath()).isError())
            fail("could not open the workspace");
        window = std::make_unique<ui::MainWindow>(session.get(), &clipboard, &settings);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            fail("the main window was not shown");
    }

    QString currentPage() const
    {
        auto *pages = window->findChild<QStackedWidget *>(QStringLiteral("pagesStack"));
        return pages && pages->currentWidget() ? pages->currentWidget()->objectName() : QString();
    }

    void waitForPage(const char *page)
    {
        if (!waitFor([&] { return currentPage() == QLatin1String(page); }))
            fail("the expected page did not appear");
    }

    // Shows a dialog without blocking (the app uses exec(); the checker needs the event loop).
    void showDialog(QDialog *dialog)
    {
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        if (!QTest::qWaitForWindowExposed(dialog))
            fail("the dialog was not shown");
    }
};

void expectLabelText(QWidget *root, const char *objectName)
{
    auto *label = root->findChild<QLabel *>(QLatin1String(objectName));
    if (!label || !label->isVisible() || label->text().isEmpty())
        fail("the validation message is not showing");
    say({QStringLiteral("expect-text"), label->text()});
}

void inventoryScenario(Harness &h)
{
    h.prepare(addLocalTokens);
    h.open();
    h.waitForPage("inventoryPage");
    if (!waitFor([&] { return h.window->inventory()->proxy()->rowCount() == 3; }))
        fail("the tokens did not appear");
    h.window->inventory()->table()->selectRow(0);
    if (!waitFor([&] { return !h.window->details()->tokenId().isEmpty(); }))
        fail("no token was selected");

    auto *origins = h.window->findChild<ui::ControlListEditor *>(QStringLiteral("originsListEdit"));
    auto *add = origins ? origins->findChild<QPushButton *>(QStringLiteral("addButton")) : nullptr;
    if (!add)
        fail("no origins editor");
    QTest::mouseClick(add, Qt::LeftButton);
    QLineEdit *entry = origins->findChildren<QLineEdit *>(QStringLiteral("entryLineEdit")).last();
    QTest::keyClicks(entry, QStringLiteral("https://example.com/path"));

    const QString message =
        validation::Finding::fromRule("origin.has-path", {QStringLiteral("/path")}).message;
    QLabel *shown = nullptr;
    for (auto *label : origins->findChildren<QLabel *>(QStringLiteral("messageLabel"))) {
        if (label->isVisible() && label->text().contains(message))
            shown = label;
    }
    if (!shown)
        fail("the origin.has-path message is not showing");
    say({QStringLiteral("expect-text"), message});
    say({QStringLiteral("expect-description"), entry->accessibleName(), message});
}

void profileScenario(Harness &h)
{
    h.prepare(addLocalTokens);
    h.open();
    h.waitForPage("inventoryPage");
    auto *dialog = new ui::ProfileDialog(
        [session = h.session.get()](const domain::Profile &profile, const QByteArray &secret, auto done) {
            session->testConnection(profile, secret, done);
        },
        h.window.get());
    h.showDialog(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("profileNameLineEdit")),
                     QStringLiteral("Shop"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("portalUrlLineEdit")),
                     QStringLiteral("portal example"));
    expectLabelText(dialog, "connectionResultLabel");
}

void newTokenScenario(Harness &h)
{
    h.prepare(addLocalTokens);
    h.open();
    h.waitForPage("inventoryPage");
    const inventory::DeploymentSummary shop{domain::Profile::localId(), QStringLiteral("Shop"),
                                            QStringLiteral("Shop"), QString()};
    auto *dialog = new ui::NewTokenDialog({shop}, true, h.window.get());
    h.showDialog(dialog);
    expectLabelText(dialog, "newTokenErrorLabel");
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("tokenNameLineEdit"));
    say({QStringLiteral("expect-description"), name->accessibleName(),
         name->accessibleDescription()});
}

void settingsScenario(Harness &h, bool profilesTab)
{
    h.prepare(addLocalTokens);
    h.open();
    h.waitForPage("inventoryPage");
    auto *dialog = new ui::SettingsDialog(*h.preferences, h.window.get());
    dialog->setProfiles(store::ProfileStore(h.session->workspace()).all());
    if (profilesTab)
        dialog->findChild<QTabWidget *>(QStringLiteral("settingsTabs"))->setCurrentIndex(1);
    h.showDialog(dialog);
}

void conflictScenario(Harness &h, bool deletedOnPortal)
{
    h.prepare([&](store::Workspace &workspace) {
        if (testing::ConflictFixture::add(workspace, deletedOnPortal) == 0)
            fail("could not record the conflict");
    });
    h.open();
    h.waitForPage("inventoryPage");
    const QList<store::Conflict> open = store::ConflictStore(h.session->workspace()).open();
    if (open.isEmpty())
        fail("no open conflict");
    auto *dialog = new ui::ConflictDialog(open.first(), h.window.get());
    h.showDialog(dialog);
    if (!deletedOnPortal) {
        // The merged IP list breaks the limit: its problem is shown beside it and read with it.
        expectLabelText(dialog, "ipRangesMessageLabel");
        auto *merged = dialog->findChild<QPlainTextEdit *>(QStringLiteral("ipRangesMergedEdit"));
        auto *message = dialog->findChild<QLabel *>(QStringLiteral("ipRangesMessageLabel"));
        if (!merged)
            fail("no merged IP list");
        say({QStringLiteral("expect-description"), merged->accessibleName(), message->text()});
    }
}

void outboxScenario(Harness &h)
{
    h.prepare([](store::Workspace &workspace) {
        if (testing::ConflictFixture::add(workspace) == 0)
            fail("could not record the conflict");
        const auto queued = store::WorkspaceEditor(workspace).addToken(
            testing::ConflictFixture::profileId(), testing::ConflictFixture::deploymentId(),
            draft(QStringLiteral("Queued <new>"), {QStringLiteral("https://shop.example.com")},
                  QStringLiteral("browser")));
        if (!queued.accepted())
            fail("could not queue a change");
    });
    h.open();
    h.waitForPage("inventoryPage");
    auto *dialog = new ui::OutboxDialog(h.window.get());
    QHash<QString, QString> names;
    const QList<store::OutboxEntry> entries = store::Outbox(h.session->workspace()).entries();
    store::TokenStore tokens(h.session->workspace());
    for (const store::OutboxEntry &entry : entries) {
        if (const auto record = tokens.token(entry.profileId, entry.tokenId))
            names.insert(entry.tokenId, record->local.name);
    }
    if (entries.isEmpty())
        fail("nothing is waiting in the outbox");
    dialog->setEntries(entries, names);
    h.showDialog(dialog);
}

} // namespace

int main(int argc, char *argv[])
{
    // The scenario is read before QApplication exists: --list needs no display.
    const QString scenario = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (scenario == QLatin1String("--list")) {
        for (const QString &name : kScenarios)
            say({name});
        return 0;
    }
    if (!kScenarios.contains(scenario)) {
        std::fprintf(stderr, "usage: a11y_driver SCENARIO|--list\nscenarios: %s\n",
                     qPrintable(kScenarios.join(QLatin1Char(' '))));
        return 2;
    }

    QApplication app(argc, argv);
    AppInfo::applyTo();
    QCoreApplication::setOrganizationName(QStringLiteral("TokenDeskAccessibilityCheck"));

    Harness h;
    if (!h.folder.isValid())
        fail("no temporary folder");
    if (scenario == QLatin1String("welcome")) {
        h.open();
        h.waitForPage("welcomeView");
    } else if (scenario == QLatin1String("inventory")) {
        inventoryScenario(h);
    } else if (scenario == QLatin1String("profile")) {
        profileScenario(h);
    } else if (scenario == QLatin1String("newtoken")) {
        newTokenScenario(h);
    } else if (scenario == QLatin1String("settings")) {
        settingsScenario(h, false);
    } else if (scenario == QLatin1String("settings-profiles")) {
        settingsScenario(h, true);
    } else if (scenario == QLatin1String("conflict")) {
        conflictScenario(h, false);
    } else if (scenario == QLatin1String("conflict-deleted")) {
        conflictScenario(h, true);
    } else if (scenario == QLatin1String("outbox")) {
        outboxScenario(h);
    }
    QTest::qWait(200); // let layouts and accessibility events settle
    say({QStringLiteral("ready")});
    return app.exec();
}
