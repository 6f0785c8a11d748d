#pragma once

#include "commands/CommandContext.h"
#include "inventory/InventorySnapshot.h"
#include "store/EditResult.h"
#include "sync/SyncReport.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTimer;

namespace tokendesk::ui {

class ActionController;
class AppSettings;
class ClipboardGuard;
class DemoPortal;
class InventoryView;
class OutboxDialog;
class SyncStatusPanel;
class TokenDetailPane;
class WelcomeView;
class WorkspaceSession;

// The TokenDesk main window: the inventory (sidebar, table, details), the commands in menus
// and tool bar, and the status bar. Work happens in WorkspaceSession; the window shows it.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(WorkspaceSession *session, ClipboardGuard *clipboard, QSettings *settings,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // Starts the bundled sandbox with demo data and adds it as a profile of this workspace.
    void startDemo();
    InventoryView *inventory() const { return m_inventory; }
    TokenDetailPane *details() const { return m_details; }
    ActionController *actions() const { return m_actions; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createCommands();
    void createMenusAndToolBar();
    void restoreState();
    void onSnapshot(const inventory::InventorySnapshot &snapshot);
    void onCurrentTokenChanged();
    void refreshDetails();
    void updateContext();
    void updateReadOnlyNotice();
    std::optional<domain::Profile> profileOf(const QString &profileId) const;

    void newToken();
    void renameToken();
    void toggleEnabled();
    void deleteToken();
    void revealValue();
    void copyValue();
    void editControls();
    void syncNow();
    void importFile();
    void exportFile();
    void showSettings();
    void addProfile();
    void removeProfile(const QString &profileId);
    void showOutbox();
    void showConflicts();
    void showAbout();
    void showEditResult(const QString &what, const store::EditResult &result);
    void onSyncFinished(const QString &profileName, const sync::SyncReport &report);
    void showInventoryPage();
    // Asks what to do with unsaved control edits; false: stay (Cancel, or the save failed).
    bool settleUnsavedEdits();

    WorkspaceSession *m_session;
    ClipboardGuard *m_clipboard;
    QSettings *m_settingsStore;
    std::unique_ptr<AppSettings> m_settings;
    ActionController *m_actions;
    QStackedWidget *m_pages;
    WelcomeView *m_welcome;
    QWidget *m_inventoryPage;
    QLabel *m_readOnlyBanner;
    InventoryView *m_inventory;
    TokenDetailPane *m_details;
    QSplitter *m_mainSplitter;
    SyncStatusPanel *m_status;
    QTimer *m_hideValueTimer;
    QTimer *m_detailsRefresh; // coalesces the details' reloads into one per event-loop turn
    QPointer<OutboxDialog> m_outbox;
    DemoPortal *m_demo = nullptr;
    inventory::InventorySnapshot m_snapshot; // profiles and deployments (tokens live in the model)
    bool m_firstSnapshot = true;
};

} // namespace tokendesk::ui
