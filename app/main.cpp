// tokendesk: the desktop application. Parses the command line, builds the services and
// shows the main window; everything else lives in tokendesk_ui and tokendesk_core.

#include "AppInfo.h"
#include "secrets/ProcessHardening.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstring>

using namespace tokendesk;

namespace {

void describeOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Review and manage the API tokens of a Self Service Portal."));
    parser.addHelpOption();
    parser.addVersionOption();
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

    ui::MainWindow window;
    window.show();
    return app.exec();
}
