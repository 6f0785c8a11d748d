#include "TokenOptions.h"

#include "WorkspaceContext.h"

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
{
}

void TokenOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({name, status, origins, urls, ips});
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
    return change;
}

} // namespace tokendesk::cli
