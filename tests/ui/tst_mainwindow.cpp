#include "AppInfo.h"
#include "MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStackedWidget>
#include <QTest>

using namespace tokendesk;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsTitleVersionAndEmptyWorkspace();
    void quitIsOnTheKeyboard();
    void versionAndHelpWithoutDisplay();
};

void TestMainWindow::initTestCase()
{
    AppInfo::applyTo();
}

void TestMainWindow::showsTitleVersionAndEmptyWorkspace()
{
    ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), QStringLiteral("TokenDesk"));

    auto *version = window.findChild<QLabel *>(QStringLiteral("versionLabel"));
    QVERIFY(version);
    QVERIFY(version->text().contains(AppInfo::version()));

    auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pagesStack"));
    QVERIFY(pages);
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("emptyWorkspaceView"));
    auto *title = window.findChild<QLabel *>(QStringLiteral("emptyTitleLabel"));
    QVERIFY(title && title->isVisible());
    // The wrapped hint gets the height its text needs (it was once clipped to two half lines).
    auto *hint = window.findChild<QLabel *>(QStringLiteral("emptyHintLabel"));
    QVERIFY(hint && hint->isVisible());
    QVERIFY(hint->height() >= hint->heightForWidth(hint->width()));
}

void TestMainWindow::quitIsOnTheKeyboard()
{
    ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *quit = window.findChild<QAction *>(QStringLiteral("quitAction"));
    QVERIFY(quit);
    QVERIFY(!quit->shortcut().isEmpty());
    QVERIFY(window.findChild<QAction *>(QStringLiteral("aboutAction")));
    quit->trigger();
    QTRY_VERIFY(!window.isVisible());
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
                                                                        : QByteArray("--help");
        QVERIFY2(out.contains(expected), out.constData());
    }
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
