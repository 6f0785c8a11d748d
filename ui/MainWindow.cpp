#include "MainWindow.h"

#include "AppInfo.h"
#include "commands/ActionController.h"
#include "dialogs/ConflictDialog.h"
#include "dialogs/NewTokenDialog.h"
#include "dialogs/OutboxDialog.h"
#include "dialogs/ProfileDialog.h"
#include "dialogs/SettingsDialog.h"
#include "editors/ControlListEditor.h"
#include "editors/TokenControlsEditor.h"
#include "secrets/ClipboardGuard.h"
#include "secrets/SecretKeys.h"
#include "session/AppSettings.h"
#include "session/DemoPortal.h"
#include "session/WorkspaceSession.h"
#include "session/WorkspaceTask.h"
#include "store/ConflictStore.h"
#include "style/PaletteIcon.h"
#include "store/Outbox.h"
#include "store/ProfileStore.h"
#include "store/TokenStore.h"
#include "store/WorkspaceExport.h"
#include "store/WorkspaceImport.h"
#include "models/TokenFilterProxy.h"
#include "models/TokenTableModel.h"
#include "views/InventoryView.h"
#include "views/SyncStatusPanel.h"
#include "views/TokenDetailPane.h"
#include "views/WelcomeView.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QIcon>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>
#include <atomic>

namespace tokendesk::ui {

using domain::Profile;

namespace {

QAction *makeAction(QObject *parent, const QString &objectName, const QString &text,
                    const QKeySequence &shortcut, const QString &toolTip,
                    const QString &icon = {})
{
    auto *action = new QAction(text, parent);
    action->setObjectName(objectName);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    action->setToolTip(toolTip);
    action->setStatusTip(toolTip);
    if (!icon.isEmpty())
        action->setIcon(PaletteIcon::make(icon.section(QLatin1Char('|'), 0, 0),
                                          icon.section(QLatin1Char('|'), 1, 1)));
    return action;
}

QString issuesText(const store::EditResult &result)
{
    QStringList lines;
    if (!result.error.isEmpty())
        lines.append(result.error);
    for (const domain::FieldIssue &issue : result.issues) {
        if (issue.severity == validation::Severity::Error)
            lines.append(QStringLiteral("%1: %2 (%3)").arg(issue.field, issue.message, issue.rule));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

MainWindow::MainWindow(WorkspaceSession *session, ClipboardGuard *clipboard, QSettings *settings,
                       QWidget *parent)
    : QMainWindow(parent), m_session(session), m_clipboard(clipboard), m_settingsStore(settings),
      m_settings(std::make_unique<AppSettings>(*settings)), m_actions(new ActionController(this)),
      m_pages(new QStackedWidget(this)), m_welcome(new WelcomeView(m_pages)),
      m_inventoryPage(new QWidget(m_pages)), m_readOnlyBanner(new QLabel(m_inventoryPage)),
      m_inventory(new InventoryView(m_inventoryPage)), m_details(new TokenDetailPane),
      m_mainSplitter(new QSplitter(Qt::Horizontal, m_inventoryPage)),
      m_status(new SyncStatusPanel(this)), m_hideValueTimer(new QTimer(this)),
      m_detailsRefresh(new QTimer(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(AppInfo::applicationName());
    setWindowIcon(QIcon(QStringLiteral(":/tokendesk/icons/tokendesk.svg")));
    resize(1280, 800);

    m_pages->setObjectName(QStringLiteral("pagesStack"));
    m_inventoryPage->setObjectName(QStringLiteral("inventoryPage"));
    m_readOnlyBanner->setObjectName(QStringLiteral("readOnlyBanner"));
    m_readOnlyBanner->setTextFormat(Qt::PlainText);
    m_readOnlyBanner->setWordWrap(true);
    m_readOnlyBanner->setFrameShape(QFrame::StyledPanel);
    m_readOnlyBanner->setMargin(6);
    m_readOnlyBanner->hide();

    auto *scroll = new QScrollArea(m_mainSplitter);
    scroll->setObjectName(QStringLiteral("detailScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_details);
    scroll->setFocusPolicy(Qt::NoFocus);
    // Keyboard users see where they are: focus inside the details scrolls it into view.
    connect(qApp, &QApplication::focusChanged, scroll, [scroll](QWidget *, QWidget *now) {
        if (now && scroll->widget() && scroll->widget()->isAncestorOf(now))
            scroll->ensureWidgetVisible(now, 20, 40);
    });
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(m_inventory);
    m_mainSplitter->addWidget(scroll);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 2);
    m_mainSplitter->setSizes({820, 460});
    auto *pageLayout = new QVBoxLayout(m_inventoryPage);
    pageLayout->setContentsMargins(4, 4, 4, 4);
    pageLayout->addWidget(m_readOnlyBanner);
    pageLayout->addWidget(m_mainSplitter, 1);

    m_pages->addWidget(m_welcome);
    m_pages->addWidget(m_inventoryPage);
    setCentralWidget(m_pages);

    auto *versionLabel = new QLabel(tr("TokenDesk %1").arg(AppInfo::version()), this);
    versionLabel->setObjectName(QStringLiteral("versionLabel"));
    statusBar()->addPermanentWidget(m_status);
    statusBar()->addPermanentWidget(versionLabel);

    m_detailsRefresh->setSingleShot(true);
    m_detailsRefresh->setInterval(0);
    connect(m_detailsRefresh, &QTimer::timeout, this, &MainWindow::refreshDetails);
    m_hideValueTimer->setSingleShot(true);
    connect(m_hideValueTimer, &QTimer::timeout, m_details, &TokenDetailPane::hideValue);

    createCommands();
    createMenusAndToolBar();

    connect(m_welcome, &WelcomeView::connectRequested, this, &MainWindow::addProfile);
    connect(m_welcome, &WelcomeView::demoRequested, this, &MainWindow::startDemo);
    connect(m_welcome, &WelcomeView::offlineRequested, this, [this] {
        m_settings->setWelcomeDone(true);
        showInventoryPage();
        m_inventory->selectToken({});
        m_inventory->sidebar()->setCurrentIndex(QModelIndex());
    });
    connect(m_inventory, &InventoryView::currentTokenChanged, this, &MainWindow::onCurrentTokenChanged);
    connect(m_inventory, &InventoryView::scopeChanged, this, &MainWindow::updateContext);
    connect(m_details->controlsEditor(), &TokenControlsEditor::modifiedChanged, this, &MainWindow::updateContext);
    connect(m_details, &TokenDetailPane::saveControlsRequested, this,
            [this](const QString &profileId, const QString &tokenId, const domain::SecurityControls &controls) {
                // Only the lists the user changed: a list changed meanwhile by a sync is kept.
                auto *editors = m_details->controlsEditor();
                domain::TokenChange change;
                if (editors->editor(validation::ControlKind::Origin)->isModified())
                    change.corsOrigins = controls.corsOrigins;
                if (editors->editor(validation::ControlKind::Url)->isModified())
                    change.permittedUrls = controls.permittedUrls;
                if (editors->editor(validation::ControlKind::Ip)->isModified())
                    change.ipRanges = controls.ipRanges;
                if (change.isEmpty())
                    return;
                const store::EditResult result = m_session->editToken(profileId, tokenId, change);
                showEditResult(tr("Controls saved; they are sent at the next sync."), result);
                if (!result.accepted())
                    return;
                // What was stored (canonical forms) becomes the editor's new starting point.
                const auto saved = store::TokenStore(m_session->workspace()).token(profileId, tokenId);
                if (saved)
                    m_details->controlsEditor()->setControls(saved->local.controls);
                m_details->showToken(m_session->workspace(), saved);
            });
    connect(m_details, &TokenDetailPane::labelChangeRequested, this,
            [this](const QString &profileId, const QString &tokenId, const QString &key, const QString &value) {
                domain::TokenChange change;
                change.labels.insert(key, value.isEmpty() ? std::nullopt : std::optional<QString>(value));
                showEditResult(tr("Label saved."), m_session->editToken(profileId, tokenId, change));
            });
    connect(m_status, &SyncStatusPanel::pendingClicked, this, &MainWindow::showOutbox);
    connect(m_status, &SyncStatusPanel::conflictsClicked, this, &MainWindow::showConflicts);
    connect(m_status, &SyncStatusPanel::cancelSyncClicked, m_session, &WorkspaceSession::cancelSync);

    connect(&m_session->loader(), &inventory::InventoryLoader::snapshotReady, this, &MainWindow::onSnapshot);
    connect(&m_session->loader(), &inventory::InventoryLoader::gradesReady, m_inventory,
            &InventoryView::applyGrades);
    connect(m_session, &WorkspaceSession::syncStarted, this, [this](const QString &name) {
        m_status->setSyncing(true, tr("Syncing %1…").arg(name));
        statusBar()->showMessage(tr("Syncing %1…").arg(name));
        updateContext();
    });
    connect(m_session, &WorkspaceSession::syncProgress, this, [this](const QString &message) {
        m_status->setSyncing(true, message);
        statusBar()->showMessage(message);
    });
    connect(m_session, &WorkspaceSession::syncFinished, this, &MainWindow::onSyncFinished);
    connect(m_session, &WorkspaceSession::allSyncsFinished, this, [this] {
        m_status->setSyncing(false);
        updateContext();
    });
    connect(m_session, &WorkspaceSession::roleChanged, m_session, &WorkspaceSession::reload);

    m_pages->setCurrentWidget(m_inventoryPage);
    restoreState();
    updateContext();
}

MainWindow::~MainWindow() = default;

void MainWindow::createCommands()
{
    using R = Command::Requirement;
    const auto add = [this](QAction *action, Command::Requirements requirements, auto run) {
        m_actions->add(action, requirements, [this, run] { (this->*run)(); });
        addAction(action);
        return action;
    };
    add(makeAction(this, QStringLiteral("newTokenAction"), tr("&New Token…"), QKeySequence::New,
                   tr("Add a token to the profile in view"), QStringLiteral("new|document-new")),
        R::WorkspaceOpen | R::ProfileInScope | R::RoleMayCreateOrDelete, &MainWindow::newToken);
    add(makeAction(this, QStringLiteral("renameAction"), tr("&Rename…"), QKeySequence(Qt::Key_F2),
                   tr("Rename the selected token")),
        R::OneToken | R::RoleMayEdit, &MainWindow::renameToken);
    add(makeAction(this, QStringLiteral("toggleEnabledAction"), tr("&Disable"),
                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), tr("Enable or disable the selected token")),
        R::OneToken | R::RoleMayEdit, &MainWindow::toggleEnabled);
    add(makeAction(this, QStringLiteral("revealAction"), tr("Re&veal Value"),
                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), tr("Show the token's value for a short time"),
                   QStringLiteral("reveal|view-reveal-symbolic")),
        R::OneToken | R::PortalToken | R::RoleMayReveal, &MainWindow::revealValue);
    add(makeAction(this, QStringLiteral("copyValueAction"), tr("&Copy Value"),
                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                   tr("Copy the token's value; the clipboard is cleared after a while"),
                   QStringLiteral("copy|edit-copy")),
        R::OneToken | R::PortalToken | R::RoleMayReveal, &MainWindow::copyValue);
    add(makeAction(this, QStringLiteral("editControlsAction"), tr("&Edit Controls"),
                   QKeySequence(Qt::CTRL | Qt::Key_E), tr("Go to the selected token's CORS origins, URLs and IPs")),
        R::OneToken | R::RoleMayEdit, &MainWindow::editControls);
    add(makeAction(this, QStringLiteral("deleteAction"), tr("De&lete…"), QKeySequence::Delete,
                   tr("Delete the selected token"), QStringLiteral("delete|edit-delete")),
        R::OneToken | R::RoleMayCreateOrDelete, &MainWindow::deleteToken);
    add(makeAction(this, QStringLiteral("syncAction"), tr("&Sync Now"), QKeySequence(Qt::Key_F5),
                   tr("Send queued changes and fetch what changed on the portals"),
                   QStringLiteral("sync|view-refresh")),
        R::WorkspaceOpen | R::PortalProfiles | R::NotSyncing, &MainWindow::syncNow);
    add(makeAction(this, QStringLiteral("importAction"), tr("&Import…"), QKeySequence(Qt::CTRL | Qt::Key_I),
                   tr("Import tokens from a JSON or CSV file into the profile in view"),
                   QStringLiteral("import|document-import")),
        R::WorkspaceOpen | R::ProfileInScope | R::RoleMayEdit, &MainWindow::importFile);
    add(makeAction(this, QStringLiteral("exportAction"), tr("E&xport…"),
                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), tr("Export the tokens in view to JSON or CSV"),
                   QStringLiteral("export|document-export")),
        R::WorkspaceOpen, &MainWindow::exportFile);
    // Not every platform names a Preferences key; Ctrl+, is the common one.
    const QKeySequence preferences = QKeySequence(QKeySequence::Preferences).isEmpty()
                                         ? QKeySequence(Qt::CTRL | Qt::Key_Comma)
                                         : QKeySequence(QKeySequence::Preferences);
    add(makeAction(this, QStringLiteral("settingsAction"), tr("&Settings…"), preferences,
                   tr("Profiles, clipboard, language"), QStringLiteral("settings|preferences-system")),
        R::None, &MainWindow::showSettings);
}

void MainWindow::createMenusAndToolBar()
{
    const auto action = [this](const char *name) {
        return findChild<QAction *>(QString::fromLatin1(name));
    };
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(action("newTokenAction"));
    fileMenu->addSeparator();
    fileMenu->addAction(action("importAction"));
    fileMenu->addAction(action("exportAction"));
    fileMenu->addSeparator();
    QAction *connectAction = fileMenu->addAction(tr("&Connect to a Portal…"), this, &MainWindow::addProfile);
    connectAction->setObjectName(QStringLiteral("connectAction"));
    QAction *demoAction = fileMenu->addAction(tr("Open the &Demo Portal"), this, &MainWindow::startDemo);
    demoAction->setObjectName(QStringLiteral("demoAction"));
    fileMenu->addAction(action("settingsAction"));
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quitAction->setObjectName(QStringLiteral("quitAction"));
    // Some platforms define no standard Quit key; Ctrl+Q is what users of every desktop try.
    const QKeySequence platformQuit(QKeySequence::Quit);
    quitAction->setShortcut(platformQuit.isEmpty() ? QKeySequence(Qt::CTRL | Qt::Key_Q) : platformQuit);
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu *tokenMenu = menuBar()->addMenu(tr("&Token"));
    for (const char *name : {"renameAction", "toggleEnabledAction", "editControlsAction"})
        tokenMenu->addAction(action(name));
    tokenMenu->addSeparator();
    tokenMenu->addAction(action("revealAction"));
    tokenMenu->addAction(action("copyValueAction"));
    tokenMenu->addSeparator();
    tokenMenu->addAction(action("deleteAction"));

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *find = viewMenu->addAction(tr("&Find…"), m_inventory, &InventoryView::focusSearch);
    find->setObjectName(QStringLiteral("findAction"));
    find->setShortcut(QKeySequence::Find);
    QAction *sidebar = viewMenu->addAction(tr("Go to &Deployments"), this, [this] {
        m_inventory->sidebar()->setFocus(Qt::ShortcutFocusReason);
    });
    sidebar->setObjectName(QStringLiteral("focusSidebarAction"));
    sidebar->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction *table = viewMenu->addAction(tr("Go to &Tokens"), this, [this] {
        m_inventory->table()->setFocus(Qt::ShortcutFocusReason);
    });
    table->setObjectName(QStringLiteral("focusTableAction"));
    table->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    QAction *details = viewMenu->addAction(tr("Go to Token De&tails"), this, [this] {
        m_details->focusControl(validation::ControlKind::Origin);
    });
    details->setObjectName(QStringLiteral("focusDetailsAction"));
    details->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    for (QAction *viewAction : {find, sidebar, table, details})
        addAction(viewAction);

    QMenu *syncMenu = menuBar()->addMenu(tr("&Sync"));
    syncMenu->addAction(action("syncAction"));
    QAction *pending = syncMenu->addAction(tr("&Pending Changes…"), this, &MainWindow::showOutbox);
    pending->setObjectName(QStringLiteral("pendingChangesAction"));
    QAction *conflicts = syncMenu->addAction(tr("&Conflicts…"), this, &MainWindow::showConflicts);
    conflicts->setObjectName(QStringLiteral("conflictsAction"));

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = helpMenu->addAction(tr("&About TokenDesk"), this, &MainWindow::showAbout);
    aboutAction->setObjectName(QStringLiteral("aboutAction"));
    aboutAction->setMenuRole(QAction::AboutRole);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (const char *name : {"syncAction", "newTokenAction", "importAction", "exportAction"})
        toolBar->addAction(action(name));
    m_details->setRevealActions(action("revealAction"), action("copyValueAction"));
}

void MainWindow::restoreState()
{
    restoreGeometry(m_settings->windowGeometry());
    QMainWindow::restoreState(m_settings->windowState());
    const QByteArray splitter = m_settings->splitterState(QStringLiteral("main"));
    if (!splitter.isEmpty())
        m_mainSplitter->restoreState(splitter);
    const QByteArray sidebar = m_settings->splitterState(QStringLiteral("inventory"));
    if (!sidebar.isEmpty())
        m_inventory->splitter()->restoreState(sidebar);
    const QByteArray header = m_settings->tableHeaderState();
    if (!header.isEmpty())
        m_inventory->table()->horizontalHeader()->restoreState(header);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_details->hasUnsavedEdits() && !settleUnsavedEdits()) {
        event->ignore();
        return;
    }
    m_settings->setWindowGeometry(saveGeometry(), saveState());
    m_settings->setSplitterState(QStringLiteral("main"), m_mainSplitter->saveState());
    m_settings->setSplitterState(QStringLiteral("inventory"), m_inventory->splitter()->saveState());
    m_settings->setTableHeaderState(m_inventory->table()->horizontalHeader()->saveState());
    m_settingsStore->sync();
    if (m_clipboard)
        m_clipboard->clearIfOurs();
    m_details->hideValue();
    event->accept();
}

void MainWindow::onSnapshot(const inventory::InventorySnapshot &snapshot)
{
    if (!snapshot.error.isEmpty()) {
        statusBar()->showMessage(tr("The workspace could not be read: %1").arg(snapshot.error));
        return;
    }
    m_inventory->setSnapshot(snapshot);
    m_snapshot = snapshot;
    m_snapshot.tokens.clear(); // the table model holds them
    m_status->setPending(snapshot.pendingChanges);
    m_status->setConflicts(snapshot.openConflicts);
    const bool hasPortal = std::any_of(snapshot.profiles.cbegin(), snapshot.profiles.cend(),
                                       [](const Profile &profile) { return !profile.isLocal(); });
    m_status->setLastSync(snapshot.lastSync);
    m_status->setConnection(!hasPortal                ? SyncStatusPanel::Connection::LocalOnly
                            : m_session->isOffline() ? SyncStatusPanel::Connection::Offline
                                                     : SyncStatusPanel::Connection::Online);
    if (m_firstSnapshot) {
        m_firstSnapshot = false;
        const bool empty = !hasPortal && snapshot.tokens.isEmpty();
        if (empty && !m_settings->welcomeDone()) {
            m_pages->setCurrentWidget(m_welcome);
            m_welcome->setFocus();
        } else {
            showInventoryPage();
        }
    }
    if (m_outbox)
        showOutbox();
    // Something is always selected once there is something to show.
    if (m_pages->currentWidget() == m_inventoryPage && !m_inventory->table()->currentIndex().isValid() &&
        m_inventory->proxy()->rowCount() > 0)
        m_inventory->table()->selectRow(0);
    m_detailsRefresh->start();
    updateContext();
}

void MainWindow::showInventoryPage()
{
    m_pages->setCurrentWidget(m_inventoryPage);
    if (m_inventory->proxy()->rowCount() > 0 && !m_inventory->table()->currentIndex().isValid())
        m_inventory->table()->selectRow(0);
    m_inventory->table()->setFocus();
}

std::optional<Profile> MainWindow::profileOf(const QString &profileId) const
{
    for (const Profile &profile : m_snapshot.profiles) {
        if (profile.id == profileId)
            return profile;
    }
    return std::nullopt;
}

void MainWindow::onCurrentTokenChanged()
{
    const QString profileId = m_inventory->currentProfileId();
    const QString tokenId = m_inventory->currentTokenId();
    if (m_details->hasUnsavedEdits() &&
        (m_details->profileId() != profileId || m_details->tokenId() != tokenId) && !settleUnsavedEdits()) {
        // Back to the token being edited, without asking again.
        const QSignalBlocker blocker(m_inventory);
        m_inventory->selectToken(inventory::TokenSummary::keyOf(m_details->profileId(), m_details->tokenId()));
        return;
    }
    // A reload clears and restores the selection: the details are read once, afterwards.
    m_detailsRefresh->start();
}

void MainWindow::refreshDetails()
{
    const QString profileId = m_inventory->currentProfileId();
    const QString tokenId = m_inventory->currentTokenId();
    std::optional<store::TokenRecord> record;
    if (!tokenId.isEmpty())
        record = store::TokenStore(m_session->workspace()).token(profileId, tokenId);
    m_details->showToken(m_session->workspace(), record);
    updateContext();
}

bool MainWindow::settleUnsavedEdits()
{
    TokenControlsEditor *editors = m_details->controlsEditor();
    QMessageBox box(QMessageBox::Question, tr("Unsaved controls"),
                    tr("The controls you changed are not saved yet."),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setDefaultButton(QMessageBox::Save);
    box.setInformativeText(editors->hasErrors() ? tr("They still have errors: fix them, or discard the changes.")
                                                : tr("Save them now?"));
    box.button(QMessageBox::Save)->setEnabled(!editors->hasErrors());
    switch (box.exec()) {
    case QMessageBox::Save:
        editors->save(); // stored and reloaded by the save handler when accepted
        return !m_details->hasUnsavedEdits();
    case QMessageBox::Discard:
        editors->revert();
        return true;
    default:
        return false;
    }
}

void MainWindow::updateContext()
{
    CommandContext context;
    context.workspaceOpen = m_session->isOpen();
    context.syncing = m_session->isSyncing();
    const QString tokenProfile = m_inventory->currentProfileId();
    const QString scopeProfile = m_inventory->scopeProfileId();
    context.selectedTokens = m_inventory->currentTokenId().isEmpty() ? 0 : 1;
    if (context.selectedTokens) {
        // The table already knows the status: no workspace read for every context update.
        const int row = m_inventory->tokenModel()->rowOf(m_inventory->currentKey());
        context.selectedActive = row >= 0 && m_inventory->tokenModel()->summary(row).status ==
                                                 domain::TokenStatus::Active;
        context.selectedInPortal = tokenProfile != Profile::localId();
    }
    for (const Profile &profile : m_snapshot.profiles)
        context.hasPortalProfiles = context.hasPortalProfiles || !profile.isLocal();
    const QString profileInView = context.selectedTokens ? tokenProfile : scopeProfile;
    context.profileInScope = !scopeProfile.isEmpty() || context.selectedTokens;
    if (const auto profile = profileOf(profileInView))
        context.role = profile->role;
    m_actions->setContext(context);
    if (auto *toggle = findChild<QAction *>(QStringLiteral("toggleEnabledAction")))
        toggle->setText(context.selectedTokens && !context.selectedActive ? tr("&Enable") : tr("&Disable"));
    updateReadOnlyNotice();
}

void MainWindow::updateReadOnlyNotice()
{
    const CommandContext &context = m_actions->context();
    const bool readOnly = context.role && !domain::roleMayEdit(*context.role);
    const QString why =
        readOnly ? tr("Read-only: the portal gave this profile's client the role %1, which may "
                      "review tokens but not change them or see their values. Ask an "
                      "administrator of the portal for the consumer or administrator role.")
                       .arg(domain::portalRoleName(*context.role))
                 : QString();
    m_readOnlyBanner->setText(why);
    m_readOnlyBanner->setAccessibleName(why);
    m_readOnlyBanner->setVisible(readOnly);
    m_details->setReadOnly(readOnly, why);
}

void MainWindow::showEditResult(const QString &what, const store::EditResult &result)
{
    if (result.accepted()) {
        statusBar()->showMessage(what, 5000);
        return;
    }
    QMessageBox box(result.storageFailure ? QMessageBox::Critical : QMessageBox::Warning,
                    tr("Not saved"), tr("Nothing was changed."), QMessageBox::Ok, this);
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(issuesText(result));
    box.exec();
}

void MainWindow::newToken()
{
    QString profileId = m_inventory->scopeProfileId();
    if (profileId.isEmpty())
        profileId = m_inventory->currentProfileId();
    const auto profile = profileOf(profileId);
    if (!profile)
        return;
    QList<inventory::DeploymentSummary> deployments;
    for (const inventory::DeploymentSummary &deployment : m_snapshot.deployments) {
        if (deployment.profileId == profileId)
            deployments.append(deployment);
    }
    // The deployment in view comes first.
    for (int i = 0; i < deployments.size(); ++i) {
        if (deployments.at(i).deploymentId == m_inventory->scopeDeploymentId())
            deployments.move(i, 0);
    }
    NewTokenDialog dialog(deployments, profile->isLocal(), this);
    while (dialog.exec() == QDialog::Accepted) {
        const store::EditResult result = m_session->addToken(profileId, dialog.deployment(), dialog.draft());
        if (result.accepted()) {
            statusBar()->showMessage(tr("Token added; add its controls now."), 5000);
            connect(&m_session->loader(), &inventory::InventoryLoader::snapshotReady, this,
                    [this, key = inventory::TokenSummary::keyOf(profileId, result.tokenId)] {
                        m_inventory->selectToken(key);
                    }, Qt::SingleShotConnection);
            return;
        }
        dialog.showError(issuesText(result));
    }
}

void MainWindow::renameToken()
{
    const auto record = store::TokenStore(m_session->workspace())
                            .token(m_inventory->currentProfileId(), m_inventory->currentTokenId());
    if (!record)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename token"), tr("&Name:"), QLineEdit::Normal,
                                               record->local.name, &ok);
    if (!ok || name.trimmed() == record->local.name)
        return;
    domain::TokenChange change;
    change.name = name.trimmed();
    showEditResult(tr("Renamed."), m_session->editToken(record->profileId, record->local.id, change));
}

void MainWindow::toggleEnabled()
{
    const auto record = store::TokenStore(m_session->workspace())
                            .token(m_inventory->currentProfileId(), m_inventory->currentTokenId());
    if (!record)
        return;
    domain::TokenChange change;
    const bool disabling = record->local.status == domain::TokenStatus::Active;
    change.status = disabling ? domain::TokenStatus::Disabled : domain::TokenStatus::Active;
    showEditResult(disabling ? tr("Disabled; the portal is told at the next sync.")
                             : tr("Enabled; the portal is told at the next sync."),
                   m_session->editToken(record->profileId, record->local.id, change));
}

void MainWindow::deleteToken()
{
    const auto record = store::TokenStore(m_session->workspace())
                            .token(m_inventory->currentProfileId(), m_inventory->currentTokenId());
    if (!record)
        return;
    QMessageBox box(QMessageBox::Warning, tr("Delete token"),
                    tr("Delete “%1”? Whatever uses it stops working once the portal is told.")
                        .arg(record->local.name),
                    QMessageBox::Cancel, this);
    box.setTextFormat(Qt::PlainText);
    QPushButton *deleteButton = box.addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != static_cast<QAbstractButton *>(deleteButton))
        return;
    showEditResult(tr("Deleted; the portal is told at the next sync."),
                   m_session->deleteToken(record->profileId, record->local.id));
}

void MainWindow::revealValue()
{
    const QString profileId = m_inventory->currentProfileId();
    const QString tokenId = m_inventory->currentTokenId();
    statusBar()->showMessage(tr("Asking the portal for the value…"));
    m_session->reveal(profileId, tokenId, [this, profileId, tokenId](const secrets::SecretBuffer &value,
                                                                     const QString &error) {
        if (value.isEmpty()) {
            statusBar()->showMessage(tr("The value could not be revealed: %1").arg(error), 8000);
            return;
        }
        if (m_details->profileId() != profileId || m_details->tokenId() != tokenId)
            return; // the user moved on
        m_details->showValue(QString::fromUtf8(value.bytes()));
        m_hideValueTimer->start(m_settings->revealSeconds() * 1000);
        statusBar()->showMessage(tr("The value is hidden again in %n second(s).", nullptr,
                                    m_settings->revealSeconds()), 5000);
    });
}

void MainWindow::copyValue()
{
    if (!m_clipboard)
        return;
    m_session->reveal(m_inventory->currentProfileId(), m_inventory->currentTokenId(),
                      [this](const secrets::SecretBuffer &value, const QString &error) {
                          if (value.isEmpty()) {
                              statusBar()->showMessage(tr("The value could not be copied: %1").arg(error), 8000);
                              return;
                          }
                          m_clipboard->setClearAfterSeconds(m_settings->clipboardClearSeconds());
                          m_clipboard->copySecret(value);
                          statusBar()->showMessage(tr("Value copied; the clipboard is cleared in %n second(s).",
                                                      nullptr, m_settings->clipboardClearSeconds()), 8000);
                      });
}

void MainWindow::editControls()
{
    m_details->focusControl(validation::ControlKind::Origin);
}

void MainWindow::syncNow()
{
    const QString scope = m_inventory->scopeProfileId();
    const auto profile = profileOf(scope);
    if (profile && !profile->isLocal())
        m_session->syncProfile(scope);
    else
        m_session->syncAll();
    updateContext();
}

void MainWindow::onSyncFinished(const QString &profileName, const sync::SyncReport &report)
{
    QString message;
    if (report.ok()) {
        message = tr("%1 synced: %2 sent, %3 fetched, %4 removed.")
                      .arg(profileName)
                      .arg(report.pushed)
                      .arg(report.pulled)
                      .arg(report.removed);
        if (report.conflicts > 0)
            message += tr(" %n conflict(s) need you.", nullptr, report.conflicts);
    } else if (report.error.kind == portal::PortalErrorKind::Cancelled) {
        message = tr("Sync of %1 cancelled; what was done stays done.").arg(profileName);
    } else {
        message = tr("%1 not synced: %2 Your changes stay queued.").arg(profileName, report.error.message);
    }
    statusBar()->showMessage(message, 10000);
}

void MainWindow::importFile()
{
    QString profileId = m_inventory->scopeProfileId();
    if (profileId.isEmpty())
        profileId = m_inventory->currentProfileId();
    const QString path = QFileDialog::getOpenFileName(this, tr("Import tokens"), QString(),
                                                      tr("Token files (*.json *.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Import"), tr("%1 could not be read: %2").arg(path, file.errorString()));
        return;
    }
    QString error;
    const QList<store::ImportRow> rows = store::WorkspaceImport::read(file.readAll(), &error);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Import"), tr("%1 is not a token file: %2").arg(path, error));
        return;
    }
    auto *progress = new QProgressDialog(tr("Importing %n token(s)…", nullptr, int(rows.size())),
                                         tr("Cancel"), 0, int(rows.size()), this);
    progress->setObjectName(QStringLiteral("importProgressDialog"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    auto cancelled = std::make_shared<std::atomic_bool>(false);
    auto done = std::make_shared<std::atomic_int>(0);
    auto *ticker = new QTimer(progress);
    connect(progress, &QProgressDialog::canceled, this, [cancelled, ticker, progress] {
        cancelled->store(true); // the import stops between rows
        ticker->stop();         // setValue would show the dialog again
        progress->setLabelText(tr("Stopping after the current row…"));
    });
    connect(ticker, &QTimer::timeout, progress, [progress, done] { progress->setValue(done->load()); });
    ticker->start(100);
    WorkspaceTask::run<store::WorkspaceImport::Report>(
        this, m_session->path(),
        [profileId, rows, cancelled, done](store::Workspace &workspace) {
            return store::WorkspaceImport::apply(
                workspace, profileId, rows, [done](int count, int) { done->store(count); },
                [cancelled] { return cancelled->load(); });
        },
        [this, progress, ticker](const store::WorkspaceImport::Report &report, const QString &failure) {
            ticker->stop();
            progress->hide();
            progress->deleteLater();
            m_session->reload();
            QString summary = failure.isEmpty()
                                  ? tr("%1 added, %2 changed, %3 unchanged, %4 refused.")
                                        .arg(report.added)
                                        .arg(report.changed)
                                        .arg(report.unchanged)
                                        .arg(report.refused.size())
                                  : failure;
            if (report.cancelled)
                summary += tr(" Cancelled: the rows before were imported.");
            QStringList refused;
            for (const store::ImportRow &row : report.refused.mid(0, 20)) {
                QStringList rules;
                for (const domain::FieldIssue &issue : row.issues)
                    rules.append(issue.rule);
                refused.append(tr("%1: %2").arg(row.location, rules.join(QStringLiteral(", "))));
            }
            QMessageBox box(report.refused.isEmpty() && failure.isEmpty() ? QMessageBox::Information
                                                                          : QMessageBox::Warning,
                            tr("Import"), summary, QMessageBox::Ok, this);
            box.setTextFormat(Qt::PlainText);
            box.setDetailedText(refused.join(QLatin1Char('\n')));
            box.exec();
        });
}

void MainWindow::exportFile()
{
    const QString profileId = m_inventory->scopeProfileId();
    QString selectedFilter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export tokens"), QStringLiteral("tokens.json"),
                                                      tr("JSON (*.json);;CSV (*.csv)"), &selectedFilter);
    if (path.isEmpty())
        return;
    const bool csv = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ||
                     selectedFilter.startsWith(QLatin1String("CSV"));
    auto *progress = new QProgressDialog(tr("Exporting to %1…").arg(path), tr("Cancel"), 0, 0, this);
    progress->setObjectName(QStringLiteral("exportProgressDialog"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(500);
    auto cancelled = std::make_shared<std::atomic_bool>(false);
    connect(progress, &QProgressDialog::canceled, this, [cancelled] { cancelled->store(true); });
    WorkspaceTask::run<QString>(
        this, m_session->path(),
        [profileId, path, csv, cancelled](store::Workspace &workspace) {
            const QByteArray content = csv ? store::WorkspaceExport::toCsv(workspace, profileId)
                                           : store::WorkspaceExport::toJson(workspace, profileId,
                                                                            QDateTime::currentDateTimeUtc());
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
                return file.errorString();
            if (cancelled->load()) {
                file.cancelWriting(); // a cancelled export leaves any earlier file as it was
                return tr("cancelled");
            }
            return file.commit() ? QString() : file.errorString();
        },
        [this, path, progress, cancelled](const QString &error, const QString &failure) {
            progress->hide();
            progress->deleteLater();
            const QString problem = failure.isEmpty() ? error : failure;
            if (problem.isEmpty())
                statusBar()->showMessage(tr("Exported to %1.").arg(path), 8000);
            else if (cancelled->load())
                statusBar()->showMessage(tr("Export cancelled; nothing was written."), 8000);
            else
                QMessageBox::warning(this, tr("Export"), tr("%1 was not written: %2").arg(path, problem));
        });
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(*m_settings, this);
    dialog.setProfiles(store::ProfileStore(m_session->workspace()).all());
    connect(&dialog, &SettingsDialog::addProfileRequested, this, [this, &dialog] {
        addProfile();
        dialog.setProfiles(store::ProfileStore(m_session->workspace()).all());
    });
    connect(&dialog, &SettingsDialog::removeProfileRequested, this, [this, &dialog](const QString &id) {
        removeProfile(id);
        dialog.setProfiles(store::ProfileStore(m_session->workspace()).all());
    });
    dialog.exec();
}

void MainWindow::addProfile()
{
    ProfileDialog dialog(
        [this](const Profile &profile, const QByteArray &secret, auto done) {
            m_session->testConnection(profile, secret, done);
        },
        this);
    while (dialog.exec() == QDialog::Accepted) {
        const Profile profile = dialog.profile();
        if (store::ProfileStore(m_session->workspace()).find(profile.name)) {
            dialog.showError(tr("A profile named “%1” exists already.").arg(profile.name));
            continue;
        }
        QByteArray secret = dialog.takeSecret();
        const secrets::SecretBuffer buffer(QByteArray(secret.constData(), secret.size()));
        secrets::SecretBuffer::wipe(secret);
        if (!m_session->secretStore())
            return;
        // The secret is stored first: a profile appears only once it can be used, and a
        // keychain that refuses leaves nothing half-made behind.
        statusBar()->showMessage(tr("Storing the client secret in the keychain…"));
        m_session->secretStore()->write(
            secrets::SecretKeys::clientSecret(profile.id), buffer,
            [this, profile](const secrets::SecretError &failure) {
                if (failure.isError()) {
                    QMessageBox::warning(this, tr("Keychain"),
                                         tr("The client secret could not be stored, so the profile "
                                            "was not added: %1")
                                             .arg(failure.message));
                    return;
                }
                const QString error = store::ProfileStore(m_session->workspace()).add(profile);
                if (!error.isEmpty()) {
                    m_session->secretStore()->remove(secrets::SecretKeys::clientSecret(profile.id),
                                                     [](const secrets::SecretError &) {});
                    QMessageBox::warning(this, tr("Profile"), tr("The profile was not added: %1").arg(error));
                    return;
                }
                statusBar()->showMessage(tr("%1 added; syncing…").arg(profile.name), 5000);
                m_settings->setWelcomeDone(true);
                showInventoryPage();
                m_session->syncProfile(profile.id);
            });
        return;
    }
}

void MainWindow::removeProfile(const QString &profileId)
{
    const auto profile = profileOf(profileId);
    if (!profile || profile->isLocal())
        return;
    const int pending = store::Outbox(m_session->workspace()).pendingCount(profileId);
    QMessageBox box(QMessageBox::Warning, tr("Remove profile"),
                    pending > 0 ? tr("Remove “%1”? %n change(s) not yet sent will be lost.", nullptr, pending)
                                      .arg(profile->name)
                                : tr("Remove “%1” and its tokens from this workspace? The portal "
                                     "keeps them.").arg(profile->name),
                    QMessageBox::Cancel, this);
    box.setTextFormat(Qt::PlainText);
    QPushButton *remove = box.addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    box.exec();
    if (box.clickedButton() != static_cast<QAbstractButton *>(remove))
        return;
    const QString error = store::ProfileStore(m_session->workspace()).remove(profileId);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Remove profile"), error);
        return;
    }
    if (m_session->secretStore())
        m_session->secretStore()->remove(secrets::SecretKeys::clientSecret(profileId), [](const secrets::SecretError &) {});
    m_session->reload();
}

void MainWindow::showOutbox()
{
    if (!m_outbox) {
        m_outbox = new OutboxDialog(this);
        m_outbox->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_outbox, &OutboxDialog::syncRequested, this, &MainWindow::syncNow);
    }
    QHash<QString, QString> names;
    const QList<store::OutboxEntry> entries = store::Outbox(m_session->workspace()).entries();
    store::TokenStore tokens(m_session->workspace());
    for (const store::OutboxEntry &entry : entries) {
        if (const auto record = tokens.token(entry.profileId, entry.tokenId))
            names.insert(entry.tokenId, record->local.name);
    }
    m_outbox->setEntries(entries, names);
    m_outbox->show();
    m_outbox->raise();
}

void MainWindow::showConflicts()
{
    const QList<store::Conflict> open = store::ConflictStore(m_session->workspace()).open();
    if (open.isEmpty()) {
        statusBar()->showMessage(tr("No conflicts."), 4000);
        return;
    }
    for (const store::Conflict &conflict : open) {
        ConflictDialog dialog(conflict, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        const QString error = dialog.wholeResolution()
                                  ? m_session->resolveConflict(conflict.id, *dialog.wholeResolution())
                                  : m_session->resolveConflictWith(conflict.id, dialog.chosenToken());
        if (!error.isEmpty()) {
            QMessageBox::warning(this, tr("Conflict"), error);
            return;
        }
    }
    statusBar()->showMessage(tr("Conflicts resolved; the choices are sent at the next sync."), 6000);
}

void MainWindow::startDemo()
{
    if (m_demo)
        return;
    m_welcome->setMessage(tr("Starting the demo portal…"));
    m_demo = new DemoPortal(this);
    connect(m_demo, &DemoPortal::failed, this, [this](const QString &message) {
        m_welcome->setMessage(message);
        statusBar()->showMessage(message, 10000);
        if (m_demo)
            m_demo->deleteLater();
        m_demo = nullptr;
    });
    connect(m_demo, &DemoPortal::ready, this, [this](const QUrl &url) {
        const QString demoId = QStringLiteral("demo");
        store::ProfileStore profiles(m_session->workspace());
        std::optional<Profile> existing;
        for (const Profile &profile : profiles.all()) {
            if (profile.id == demoId)
                existing = profile;
        }
        if (existing && existing->baseUrl != url.toString()) {
            // The demo of an earlier session listened elsewhere, and its portal (with its data)
            // is gone. Only the demo's own profile is ever replaced.
            const QString error = profiles.remove(existing->id);
            if (!error.isEmpty()) {
                statusBar()->showMessage(tr("The earlier demo profile could not be replaced: %1").arg(error), 10000);
                return;
            }
            existing.reset();
        }
        if (!existing) {
            Profile profile;
            profile.id = demoId;
            profile.name = tr("Demo portal");
            for (int n = 2; profiles.find(profile.name); ++n)
                profile.name = tr("Demo portal %1").arg(n);
            profile.baseUrl = url.toString();
            profile.clientId = DemoPortal::clientId();
            profile.createdAt = QDateTime::currentDateTimeUtc();
            const QString error = profiles.add(profile);
            if (!error.isEmpty()) {
                m_welcome->setMessage(tr("The demo profile could not be added: %1").arg(error));
                return;
            }
        }
        m_session->setSessionSecret(demoId, DemoPortal::clientSecret());
        m_welcome->setMessage({});
        m_settings->setWelcomeDone(true);
        showInventoryPage();
        m_session->syncProfile(demoId);
    });
    m_demo->start();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About TokenDesk"),
                       tr("<h3>TokenDesk %1</h3>"
                          "<p>Review and manage the API tokens of a Self Service Portal: "
                          "CORS origins, permitted URLs, IP ranges and rotation.</p>")
                           .arg(AppInfo::version()));
}

} // namespace tokendesk::ui
