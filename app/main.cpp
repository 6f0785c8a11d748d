// tokendesk: the desktop application. Parses the command line, builds the services and
// shows the main window; everything else lives in tokendesk_ui and tokendesk_core.

#include "AppInfo.h"
#include "MainWindow.h"
#include "secrets/ClipboardGuard.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/ProcessHardening.h"
#include "session/AppSettings.h"
#include "session/WorkspaceSession.h"
#include "session/WorkspaceTask.h"
#include "store/Workspace.h"

#include <QApplication>
#include <QClipboard>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTemporaryDir>
#include <QTranslator>
#include <cstring>
#include <memory>

using namespace tokendesk;

namespace {

const QCommandLineOption &workspaceOption()
{
    static const QCommandLineOption option(
        QStringLiteral("workspace"),
        QCoreApplication::translate("main", "The workspace file (default: TOKENDESK_WORKSPACE, then "
                                            "the application data folder)."),
        QCoreApplication::translate("main", "path"));
    return option;
}

const QCommandLineOption &demoOption()
{
    static const QCommandLineOption option(
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Start the bundled demo portal on a loopback port and "
                                            "open it in a throwaway workspace."));
    return option;
}

void describeOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Review and manage the API tokens of a Self Service Portal."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(workspaceOption());
    parser.addOption(demoOption());
}

// The user's language, or the one chosen in the settings; Qt's own strings too.
void installTranslations(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("tokendesk"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
}

// --help and --version must work without a display, so they are answered before a
// QApplication (which needs one) exists.
bool wantsTextOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"--help", "-h", "--help-all", "--version", "-v"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
#ifdef NDEBUG
    secrets::ProcessHardening::apply(); // no core dumps of a process that holds secrets
#endif
    if (wantsTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        AppInfo::applyTo();
        QCommandLineParser parser;
        describeOptions(parser);
        parser.process(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    AppInfo::applyTo();
    QApplication::setDesktopFileName(QStringLiteral("io.tokendesk.TokenDesk"));

    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(app);
    const bool demo = parser.isSet(demoOption());

    // The demo keeps nothing: a throwaway workspace and settings of its own.
    std::unique_ptr<QTemporaryDir> demoFolder;
    std::unique_ptr<QSettings> settings;
    QString workspacePath;
    if (demo) {
        demoFolder = std::make_unique<QTemporaryDir>();
        workspacePath = demoFolder->filePath(QStringLiteral("demo-workspace.sqlite"));
        settings = std::make_unique<QSettings>(demoFolder->filePath(QStringLiteral("settings.ini")),
                                               QSettings::IniFormat);
    } else {
        workspacePath = store::Workspace::resolvePath(parser.value(workspaceOption()));
        settings = std::make_unique<QSettings>();
        QDir().mkpath(QFileInfo(workspacePath).absolutePath());
    }
    ui::AppSettings preferences(*settings);
    installTranslations(app, preferences.language());

    secrets::KeychainSecretStore keychain;
    ui::ClipboardGuard clipboard(QGuiApplication::clipboard());
    ui::WorkspaceSession session(&keychain);
    const store::WorkspaceError error = session.open(workspacePath);
    if (error.isError()) {
        QMessageBox box(QMessageBox::Critical, QCoreApplication::translate("main", "TokenDesk"),
                        QCoreApplication::translate("main", "The workspace could not be opened."),
                        QMessageBox::Close);
        box.setTextFormat(Qt::PlainText);
        box.setInformativeText(error.message);
        box.exec();
        return 5; // as tokendesk-cli: the workspace is unusable
    }

    ui::MainWindow window(&session, &clipboard, settings.get());
    if (preferences.startMinimised() && !demo)
        window.showMinimized();
    else
        window.show();
    if (demo)
        window.startDemo();
    const int status = app.exec();
    ui::WorkspaceTask::waitForAll();
    clipboard.clearIfOurs();
    return status;
}
