#include "TokenOptions.h"

#include "WorkspaceContext.h"

#include "domain/TokenNotes.h"

#include <QCoreApplication>

namespace tokendesk::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TokenOptions", text);
}

} // namespace

TokenOptions::TokenOptions()
    : name(QStringLiteral("name"), tr("The token's name."), tr("name"))
    , status(QStringLiteral("status"), tr("active or disabled."), tr("status"))
    , origins(QStringLiteral("origins"), tr("CORS origins, comma-separated (\"\" clears)."), tr("list"))
    , urls(QStringLiteral("urls"), tr("Permitted URLs, comma-separated (\"\" clears)."), tr("list"))
    , ips(QStringLiteral("ips"), tr("IPs or IP ranges, comma-separated (\"\" clears)."), tr("list"))
    , usageModel(QStringLiteral("usage-model"), tr("browser, backend or unknown."), tr("model"))
    , environment(QStringLiteral("environment"),
                  tr("production, staging, development or test (\"\" clears)."), tr("environment"))
{
}

void TokenOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({name, status, origins, urls, ips, usageModel, environment});
}

domain::TokenChange TokenOptions::change(const QCommandLineParser &parser, QString *error) const
{
    domain::TokenChange change;
    if (parser.isSet(name))
        change.name = parser.value(name);
    if (parser.isSet(status)) {
        change.status = domain::tokenStatusFromName(parser.value(status));
        if (!change.status)
            *error = tr("--status is active or disabled");
    }
    if (parser.isSet(origins))
        change.corsOrigins = WorkspaceContext::listValue(parser.value(origins));
    if (parser.isSet(urls))
        change.permittedUrls = WorkspaceContext::listValue(parser.value(urls));
    if (parser.isSet(ips))
        change.ipRanges = WorkspaceContext::listValue(parser.value(ips));
    // Usage model and environment are labels; "unknown" and "" remove them (never guessed).
    if (parser.isSet(usageModel)) {
        const QString value = parser.value(usageModel);
        if (value == QLatin1String("unknown") || value.isEmpty())
            change.labels.insert(domain::TokenLabels::usageModelKey(), std::nullopt);
        else if (domain::TokenLabels::isUsageModel(value))
            change.labels.insert(domain::TokenLabels::usageModelKey(), value);
        else
            *error = tr("--usage-model is browser, backend or unknown");
    }
    if (parser.isSet(environment)) {
        const QString value = parser.value(environment);
        if (value.isEmpty())
            change.labels.insert(domain::TokenLabels::environmentKey(), std::nullopt);
        else if (domain::TokenLabels::isEnvironment(value))
            change.labels.insert(domain::TokenLabels::environmentKey(), value);
        else
            *error = tr("--environment is production, staging, development or test");
    }
    return change;
}

} // namespace tokendesk::cli
