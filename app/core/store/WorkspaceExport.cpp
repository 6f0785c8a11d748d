#include "WorkspaceExport.h"

#include "ProfileStore.h"
#include "TokenStore.h"

#include "portal/PortalJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tokendesk::store {

using namespace tokendesk::domain;
using portal::PortalJson;

QStringList WorkspaceExport::csvColumns()
{
    return {QStringLiteral("profile"),      QStringLiteral("deployment_id"),
            QStringLiteral("deployment"),   QStringLiteral("token_id"),
            QStringLiteral("name"),         QStringLiteral("kind"),
            QStringLiteral("status"),       QStringLiteral("cors_origins"),
            QStringLiteral("permitted_urls"), QStringLiteral("ip_ranges"),
            QStringLiteral("usage_model"),  QStringLiteral("environment"),
            QStringLiteral("created_at"),   QStringLiteral("rotated_at"),
            QStringLiteral("version")};
}

QString WorkspaceExport::csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) &&
        !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QByteArray WorkspaceExport::toJson(Workspace &workspace, const QString &profileId,
                                   const QDateTime &now)
{
    TokenStore tokens(workspace);
    QJsonArray profiles;
    for (const Profile &profile : ProfileStore(workspace).all()) {
        if (!profileId.isEmpty() && profile.id != profileId)
            continue;
        QJsonArray deployments;
        for (const Deployment &deployment : tokens.deployments(profile.id)) {
            QJsonArray items;
            const QHash<QString, TokenNotes> notes = tokens.allNotes(profile.id);
            for (const TokenRecord &record : tokens.tokens(profile.id, deployment.id)) {
                QJsonObject item = PortalJson::tokenToJson(record.local);
                // TokenDesk's own notes on the token, which the portal does not hold.
                const TokenNotes note = notes.value(profile.id + QLatin1Char('/') + record.local.id);
                item.insert(QStringLiteral("notes"),
                            QJsonObject{{QStringLiteral("rotation_days"),
                                         note.rotationDays ? QJsonValue(*note.rotationDays) : QJsonValue()},
                                        {QStringLiteral("where_used"), note.whereUsed}});
                items.append(item);
            }
            QJsonObject entry = PortalJson::deploymentToJson(deployment);
            entry.insert(QStringLiteral("tokens"), items);
            deployments.append(entry);
        }
        profiles.append(QJsonObject{
            {QStringLiteral("name"), profile.name},
            {QStringLiteral("kind"), profile.isLocal() ? QStringLiteral("local") : QStringLiteral("portal")},
            {QStringLiteral("url"), profile.baseUrl},
            {QStringLiteral("client_id"), profile.clientId},
            {QStringLiteral("deployments"), deployments},
        });
    }
    const QJsonObject document{
        {QStringLiteral("format"), QStringLiteral("tokendesk-workspace-export")},
        {QStringLiteral("version"), kJsonVersion},
        {QStringLiteral("exported_at"), PortalJson::formatTime(now)},
        {QStringLiteral("profiles"), profiles},
    };
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

QByteArray WorkspaceExport::toCsv(Workspace &workspace, const QString &profileId)
{
    TokenStore tokens(workspace);
    QString text = csvColumns().join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (const Profile &profile : ProfileStore(workspace).all()) {
        if (!profileId.isEmpty() && profile.id != profileId)
            continue;
        for (const Deployment &deployment : tokens.deployments(profile.id)) {
            for (const TokenRecord &record : tokens.tokens(profile.id, deployment.id)) {
                const Token &token = record.local;
                const QStringList fields = {
                    profile.name,
                    deployment.id,
                    deployment.name,
                    token.id,
                    token.name,
                    tokenKindName(token.kind),
                    tokenStatusName(token.status),
                    token.controls.corsOrigins.join(QLatin1Char(' ')),
                    token.controls.permittedUrls.join(QLatin1Char(' ')),
                    token.controls.ipRanges.join(QLatin1Char(' ')),
                    token.labels.value(QStringLiteral("usage_model")),
                    token.labels.value(QStringLiteral("environment")),
                    PortalJson::formatTime(token.createdAt),
                    PortalJson::formatTime(token.rotatedAt),
                    QString::number(token.version),
                };
                QStringList quoted;
                for (const QString &field : fields)
                    quoted.append(csvField(field));
                text += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
            }
        }
    }
    return text.toUtf8();
}

} // namespace tokendesk::store
