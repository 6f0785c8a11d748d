#include "SandboxRoutes.h"

#include <QRegularExpression>

namespace tokendesk::sandbox {

const QList<SandboxRoute> &SandboxRoutes::all()
{
    static const QList<SandboxRoute> routes = {
        {"POST", QStringLiteral("/oauth2/token"), Operation::IssueAccessToken,
         QStringLiteral("issueAccessToken")},
        {"GET", QStringLiteral("/v1/me"), Operation::GetMe, QStringLiteral("getMe")},
        {"GET", QStringLiteral("/v1/deployments"), Operation::ListDeployments,
         QStringLiteral("listDeployments")},
        {"GET", QStringLiteral("/v1/deployments/{deployment_id}/licenses"),
         Operation::ListLicenses, QStringLiteral("listLicenses")},
        {"GET", QStringLiteral("/v1/deployments/{deployment_id}/tokens"), Operation::ListTokens,
         QStringLiteral("listTokens")},
        {"POST", QStringLiteral("/v1/deployments/{deployment_id}/tokens"),
         Operation::CreateToken, QStringLiteral("createToken")},
        {"GET", QStringLiteral("/v1/tokens/{token_id}"), Operation::GetToken,
         QStringLiteral("getToken")},
        {"PATCH", QStringLiteral("/v1/tokens/{token_id}"), Operation::UpdateToken,
         QStringLiteral("updateToken")},
        {"DELETE", QStringLiteral("/v1/tokens/{token_id}"), Operation::DeleteToken,
         QStringLiteral("deleteToken")},
        {"POST", QStringLiteral("/v1/tokens/{token_id}/reveal"), Operation::RevealToken,
         QStringLiteral("revealToken")},
        {"POST", QStringLiteral("/v1/tokens/{token_id}/regenerate-secret"),
         Operation::RegenerateTokenSecret, QStringLiteral("regenerateTokenSecret")},
    };
    return routes;
}

QStringList SandboxRoutes::paths()
{
    QStringList result;
    for (const SandboxRoute &route : all()) {
        if (!result.contains(route.path))
            result.append(route.path);
    }
    return result;
}

QString SandboxRoutes::routerPattern(const QString &path)
{
    static const QRegularExpression parameter(QStringLiteral("\\{[a-z_]+\\}"));
    QString pattern = path;
    return pattern.replace(parameter, QStringLiteral("<arg>"));
}

} // namespace tokendesk::sandbox
