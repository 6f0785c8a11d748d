#pragma once

#include <QMainWindow>

class QStackedWidget;

namespace tokendesk::ui {

class EmptyWorkspaceView;

// The TokenDesk main window: menus, the workspace area and the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

private:
    void createActions();
    void showAbout();

    QStackedWidget *m_pages = nullptr;
    EmptyWorkspaceView *m_emptyView = nullptr;
};

} // namespace tokendesk::ui
