#include "MainWindow.h"

#include "AppInfo.h"
#include "views/EmptyWorkspaceView.h"

#include <QAction>
#include <QApplication>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>

namespace tokendesk::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(AppInfo::applicationName());
    setWindowIcon(QIcon(QStringLiteral(":/tokendesk/icons/tokendesk.svg")));
    resize(1000, 640);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pagesStack"));
    m_emptyView = new EmptyWorkspaceView(m_pages);
    m_pages->addWidget(m_emptyView);
    setCentralWidget(m_pages);

    createActions();

    auto *versionLabel = new QLabel(tr("TokenDesk %1").arg(AppInfo::version()), this);
    versionLabel->setObjectName(QStringLiteral("versionLabel"));
    statusBar()->addPermanentWidget(versionLabel);
    statusBar()->showMessage(tr("No workspace open"));
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quitAction->setObjectName(QStringLiteral("quitAction"));
    // Some platforms define no standard Quit key; Ctrl+Q is what users of every desktop try.
    const QKeySequence platformQuit(QKeySequence::Quit);
    quitAction->setShortcut(platformQuit.isEmpty() ? QKeySequence(Qt::CTRL | Qt::Key_Q)
                                                   : platformQuit);
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction =
        helpMenu->addAction(tr("&About TokenDesk"), this, &MainWindow::showAbout);
    aboutAction->setObjectName(QStringLiteral("aboutAction"));
    aboutAction->setMenuRole(QAction::AboutRole);
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
