// Renders the screenshots of docs/screenshots: the real main window on the demo portal, a
// control editor with errors and a fix on offer, and the conflict dialog for a real
// conflict (the same token renamed here and on the portal). Run under Xvfb by
// scripts/screenshots.sh.

#include "AppInfo.h"
#include "MainWindow.h"
#include "dialogs/ConflictDialog.h"
#include "editors/ControlListEditor.h"
#include "editors/TokenControlsEditor.h"
#include "models/TokenFilterProxy.h"
#include "models/TokenTableModel.h"
#include "portal/HttpPortalBackend.h"
#include "secrets/ClipboardGuard.h"
#include "session/WorkspaceSession.h"
#include "store/ConflictStore.h"
#include "store/TokenStore.h"
#include "views/InventoryView.h"
#include "views/TokenDetailPane.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QElapsedTimer>
#include <QGroupBox>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <functional>

using namespace tokendesk;

namespace {

bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 30000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(50);
    }
    return true;
}

int fail(const QString &message)
{
    QTextStream(stderr) << "screenshot_tour: " << message << '\n';
    return 1;
}

bool save(QWidget *widget, const QString &path)
{
    QTest::qWait(300); // let layouts and icons settle
    const bool ok = widget->grab().save(path);
    QTextStream(stdout) << (ok ? "wrote " : "could not write ") << path << '\n';
    return ok;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    AppInfo::applyTo();
    if (argc < 2)
        return fail(QStringLiteral("usage: screenshot_tour OUTPUT_FOLDER"));
    const QDir out(QString::fromLocal8Bit(argv[1]));
    QDir().mkpath(out.path());

    QTemporaryDir folder;
    QSettings settings(folder.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("ui/welcomeDone"), true);
    ui::ClipboardGuard clipboard(QGuiApplication::clipboard());
    ui::WorkspaceSession session(nullptr);
    if (session.open(folder.filePath(QStringLiteral("workspace.sqlite"))).isError())
        return fail(QStringLiteral("no workspace"));
    ui::MainWindow window(&session, &clipboard, &settings);
    window.resize(1440, 880);
    window.show();
    window.startDemo();
    ui::InventoryView *inventory = window.inventory();
    if (!waitUntil([&] { return inventory->proxy()->rowCount() == 40 && !session.isSyncing(); }))
        return fail(QStringLiteral("the demo portal's tokens did not arrive"));
    waitUntil([&] { return !session.loader().isLoading(); });

    // A token with something to say: a browser token missing its permitted URLs.
    const auto select = [&](const QString &name) {
        for (int row = 0; row < inventory->proxy()->rowCount(); ++row) {
            const QModelIndex index = inventory->proxy()->index(row, 0);
            if (index.data().toString() == name) {
                inventory->table()->setCurrentIndex(index);
                return true;
            }
        }
        return false;
    };
    if (!select(QStringLiteral("Checkout widget (production)")))
        select(inventory->proxy()->index(0, 0).data().toString());
    if (!save(&window, out.filePath(QStringLiteral("main-window.png"))))
        return 1;

    // The editor: an origin with a path (a fix is offered) and an IP with host bits set.
    auto *controls = window.details()->controlsEditor();
    const auto type = [](ui::ControlListEditor *editor, const QString &text) {
        QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("addButton")), Qt::LeftButton);
        QLineEdit *entry = editor->findChildren<QLineEdit *>(QStringLiteral("entryLineEdit")).last();
        QTest::keyClicks(entry, text);
    };
    type(controls->editor(validation::ControlKind::Origin), QStringLiteral("https://shop.example.com/checkout"));
    type(controls->editor(validation::ControlKind::Ip), QStringLiteral("10.0.0.1/8"));
    QWidget *controlsBox = controls->parentWidget();
    if (auto *scroll = window.findChild<QScrollArea *>(QStringLiteral("detailScrollArea")))
        scroll->ensureWidgetVisible(controls);
    if (!save(controlsBox, out.filePath(QStringLiteral("control-editor.png"))))
        return 1;
    controls->revert();

    // A real conflict: the token renamed here, and renamed differently on the portal.
    const QString profileId = inventory->currentProfileId();
    const QString tokenId = inventory->currentTokenId();
    const auto record = store::TokenStore(session.workspace()).token(profileId, tokenId);
    if (!record)
        return fail(QStringLiteral("no token selected"));
    domain::TokenChange mine;
    mine.name = record->local.name + QStringLiteral(" — EU");
    mine.ipRanges = QStringList{QStringLiteral("81.2.69.0/24")};
    if (!session.editToken(profileId, tokenId, mine).accepted())
        return fail(QStringLiteral("the local edit was refused"));
    QNetworkAccessManager network;
    const auto profile = store::ProfileStore(session.workspace()).find(profileId);
    portal::HttpPortalBackend portalClient(&network, QUrl(profile->baseUrl),
                                           portal::PortalCredentials{profile->clientId, QByteArrayLiteral("demo-secret")});
    domain::TokenChange theirs;
    theirs.name = record->local.name + QStringLiteral(" (web)");
    bool changed = false;
    portalClient.updateToken(tokenId, record->local.version, theirs, QStringLiteral("tour-edit"),
                             [&](const portal::PortalResult<domain::Token> &result) { changed = result.ok(); });
    if (!waitUntil([&] { return changed; }, 10000))
        return fail(QStringLiteral("the portal-side edit failed"));
    session.syncProfile(profileId);
    if (!waitUntil([&] { return !store::ConflictStore(session.workspace()).open().isEmpty() && !session.isSyncing(); }))
        return fail(QStringLiteral("no conflict arose"));
    ui::ConflictDialog dialog(store::ConflictStore(session.workspace()).open().first(), &window);
    dialog.show();
    waitUntil([&] { return dialog.isVisible(); });
    if (!save(&dialog, out.filePath(QStringLiteral("conflict-dialog.png"))))
        return 1;
    // And the window with the conflict in its status bar.
    dialog.close();
    waitUntil([&] { return !session.loader().isLoading(); });
    return save(&window, out.filePath(QStringLiteral("main-window-conflict.png"))) ? 0 : 1;
}
