#include "PortalCommand.h"

#include "CliOutput.h"
#include "ExitCode.h"
#include "PortalWait.h"
#include "SecretInput.h"

#include "portal/HttpPortalBackend.h"
#include "portal/PortalEndpoint.h"
#include "portal/PortalJson.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

namespace tokendesk::cli {

using namespace tokendesk::domain;
using namespace tokendesk::portal;

namespace {

int exitCodeFor(const PortalError &error)
{
    switch (error.kind) {
    case PortalErrorKind::Unauthorized:
    case PortalErrorKind::Forbidden:
        return PortalRefused;
    case PortalErrorKind::InvalidEndpoint:
        return UsageError;
    default:
        return PortalUnreachable;
    }
}

// What a portal says is shown as text: control characters (terminal escape sequences from a
// hostile or broken portal) are replaced.
QString printable(const QString &text)
{
    QString result = text;
    for (QChar &c : result) {
        if (c.category() == QChar::Other_Control)
            c = QChar(0xFFFD);
    }
    return result;
}

int fail(const PortalError &error)
{
    CliOutput::err(QStringLiteral("tokendesk-cli portal: %1\n").arg(printable(error.message)));
    return exitCodeFor(error);
}

QString controlsSummary(const SecurityControls &controls)
{
    return PortalCommand::tr("origins: %1 · URLs: %2 · IPs: %3")
        .arg(controls.corsOrigins.size())
        .arg(controls.permittedUrls.size())
        .arg(controls.ipRanges.size());
}

} // namespace

QString PortalCommand::summary() const
{
    return tr("Check a portal connection or list its tokens (secret on standard input).");
}

int PortalCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        summary() + QLatin1Char('\n') +
        tr("  ping   check the URL and credentials; print the client's role and account\n"
           "  list   list the tokens of every deployment (or of --deployment)\n"
           "The client secret is read from the first line of standard input, never from the\n"
           "command line. Exit status: 0 success, 2 usage error, 3 portal unreachable or\n"
           "failing (network, timeout, TLS, server error), 4 credentials or role refused."));
    const QCommandLineOption urlOption(QStringLiteral("url"),
                                       tr("The portal's base URL (https://, or http:// on "
                                          "loopback)."),
                                       tr("url"));
    const QCommandLineOption clientOption(QStringLiteral("client-id"), tr("The OAuth client id."),
                                          tr("id"));
    const QCommandLineOption deploymentOption(QStringLiteral("deployment"),
                                              tr("list: only this deployment."), tr("id"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"), tr("Seconds without progress before a request fails (default 30)."),
        tr("seconds"), QStringLiteral("30"));
    parser.addOptions({urlOption, clientOption, deploymentOption, jsonOption, timeoutOption});
    const QCommandLineOption helpOption = parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"), tr("ping or list"),
                                 QStringLiteral("ping|list"));

    const auto usage = [](const QString &message) {
        CliOutput::err(QStringLiteral("tokendesk-cli portal: %1\n").arg(message));
        return int(UsageError);
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(helpOption)) {
        CliOutput::out(parser.helpText().replace(QStringLiteral("[options]"),
                                                 QStringLiteral("portal [options]")));
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (positional.size() != 1 ||
        (action != QLatin1String("ping") && action != QLatin1String("list")))
        return usage(tr("say ping or list, for example: tokendesk-cli portal ping --url "
                        "https://portal.example.com --client-id ci"));
    if (!parser.isSet(urlOption) || !parser.isSet(clientOption))
        return usage(tr("--url and --client-id are required"));
    QString endpointError;
    const auto baseUrl = PortalEndpoint::parse(parser.value(urlOption), &endpointError);
    if (!baseUrl)
        return usage(endpointError);
    bool timeoutOk = false;
    const int timeoutSeconds = parser.value(timeoutOption).toInt(&timeoutOk);
    if (!timeoutOk || timeoutSeconds < 1 || timeoutSeconds > 3600)
        return usage(tr("--timeout takes seconds from 1 to 3600"));

    SecretInput::Result secret = SecretInput::read(tr("Client secret for %1: ")
                                                       .arg(parser.value(clientOption)));
    if (!secret.error.isEmpty())
        return usage(secret.error);

    QNetworkAccessManager network;
    HttpPortalBackend backend(&network, *baseUrl,
                              PortalCredentials{parser.value(clientOption), secret.secret});
    secret.secret.fill('\0');
    RetryPolicy policy = backend.transport().retryPolicy();
    policy.transferTimeoutMs = timeoutSeconds * 1000;
    backend.transport().setRetryPolicy(policy);
    const bool json = parser.isSet(jsonOption);

    const auto identity = waitFor<PortalIdentity>(
        [&](PortalCallback<PortalIdentity> done) { return backend.fetchIdentity(done); });
    if (!identity.ok())
        return fail(identity.error);
    const auto fetched = waitFor<Conditional<QList<Deployment>>>(
        [&](PortalCallback<Conditional<QList<Deployment>>> done) {
            return backend.fetchDeployments(QByteArray(), done);
        });
    if (!fetched.ok())
        return fail(fetched.error);
    const std::optional<QList<Deployment>> deployments = fetched.value->value;

    if (action == QLatin1String("ping")) {
        if (json) {
            QJsonObject report = PortalJson::identityToJson(*identity.value);
            report.insert(QStringLiteral("url"), baseUrl->toString());
            report.insert(QStringLiteral("deployments"), int(deployments->size()));
            CliOutput::out(QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Compact)) +
                           QLatin1Char('\n'));
        } else {
            CliOutput::out(tr("Connected to %1 as %2 (%3), account %4 (%5); deployments: %6.\n")
                               .arg(baseUrl->toDisplayString(), printable(identity.value->clientId),
                                    portalRoleName(identity.value->role),
                                    printable(identity.value->accountName),
                                    printable(identity.value->accountId),
                                    QString::number(deployments->size())));
        }
        return Success;
    }

    QList<Deployment> selected = *deployments;
    if (parser.isSet(deploymentOption)) {
        const QString wanted = parser.value(deploymentOption);
        selected.erase(std::remove_if(selected.begin(), selected.end(),
                                      [&](const Deployment &d) { return d.id != wanted; }),
                       selected.end());
        if (selected.isEmpty()) {
            CliOutput::err(tr("tokendesk-cli portal: no deployment “%1” in this account\n")
                               .arg(wanted));
            return UsageError;
        }
    }
    const bool showProgress = CliOutput::stderrIsTerminal();
    QJsonArray jsonDeployments;
    QList<QStringList> rows = {{tr("DEPLOYMENT"), tr("TOKEN"), tr("NAME"), tr("KIND"),
                                tr("STATUS"), tr("CONTROLS")}};
    for (const Deployment &deployment : selected) {
        const auto listing = waitFor<TokenListing>([&](PortalCallback<TokenListing> done) {
            return backend.fetchAllTokens(
                deployment.id, std::nullopt,
                [&](int received) {
                    if (showProgress)
                        CliOutput::err(tr("\r%1: %2 tokens…").arg(deployment.name).arg(received));
                },
                done);
        });
        if (showProgress)
            CliOutput::err(QStringLiteral("\r\033[K"));
        if (!listing.ok())
            return fail(listing.error);
        QJsonArray tokens;
        for (const Token &token : listing.value->tokens) {
            tokens.append(PortalJson::tokenToJson(token));
            rows.append({printable(deployment.id), printable(token.id), printable(token.name),
                         tokenKindName(token.kind),
                         tokenStatusName(token.status), controlsSummary(token.controls)});
        }
        QJsonObject entry = PortalJson::deploymentToJson(deployment);
        entry.insert(QStringLiteral("tokens"), tokens);
        jsonDeployments.append(entry);
    }
    if (json)
        CliOutput::out(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("deployments"),
                                                                     jsonDeployments}})
                                             .toJson(QJsonDocument::Compact)) +
                       QLatin1Char('\n'));
    else
        CliOutput::table(rows);
    return Success;
}

} // namespace tokendesk::cli
