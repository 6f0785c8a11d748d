// tokendesk-portal-sandbox: a local portal implementing docs/portal-api.yaml over real HTTP,
// for the demo, for tests and as the reference implementation of the contract.

#include "SandboxOptions.h"
#include "SandboxSeeder.h"
#include "SandboxServer.h"
#include "SandboxStore.h"
#include "TerminationWatcher.h"

#include "AppInfo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <cstdio>

using namespace tokendesk;
using namespace tokendesk::sandbox;

namespace {

void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    AppInfo::applyTo();

    const auto parsed = SandboxOptions::parse(QCoreApplication::arguments());
    if (parsed.helpRequested) {
        print(stdout, SandboxOptions::helpText());
        return 0;
    }
    if (parsed.versionRequested) {
        print(stdout, QStringLiteral("tokendesk-portal-sandbox %1\n").arg(AppInfo::version()));
        return 0;
    }
    if (!parsed.options) {
        print(stderr, QStringLiteral("tokendesk-portal-sandbox: %1\nRun with --help for the "
                                     "options.\n")
                          .arg(parsed.error));
        return 2;
    }
    const SandboxOptions &options = *parsed.options;

    SandboxStore store;
    if (const QString error = store.open(options.dataDir); !error.isEmpty()) {
        print(stderr, QStringLiteral("tokendesk-portal-sandbox: %1\n").arg(error));
        return 1;
    }
    if (store.meta(QStringLiteral("account_id")).isEmpty()) {
        store.setMeta(QStringLiteral("account_id"), QStringLiteral("acc_sandbox"));
        store.setMeta(QStringLiteral("account_name"), QStringLiteral("Sandbox account"));
    }
    if (const QString error =
            SandboxSeeder::seed(store, options.seed, QDateTime::currentDateTimeUtc());
        !error.isEmpty()) {
        print(stderr, QStringLiteral("tokendesk-portal-sandbox: %1\n").arg(error));
        return 1;
    }

    // Signals are handled before the address is printed: whoever reads it may stop us at once.
    TerminationWatcher watcher;
    QObject::connect(&watcher, &TerminationWatcher::terminationRequested, &app,
                     [](int) { QCoreApplication::quit(); });

    SandboxServer server(options, store);
    QString error;
    const QUrl url = server.listen(&error);
    if (url.isEmpty()) {
        print(stderr, QStringLiteral("tokendesk-portal-sandbox: %1\n").arg(error));
        return 1;
    }
    // Scripts and tests read the port from this first line.
    print(stdout, QStringLiteral("listening %1\n").arg(url.toString()));

    const int status = app.exec();
    print(stderr, QStringLiteral("tokendesk-portal-sandbox: stopped\n"));
    return status;
}
