#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace tokendesk::sandbox {

enum class Operation {
    IssueAccessToken,
    GetMe,
    ListDeployments,
    ListLicenses,
    ListTokens,
    CreateToken,
    GetToken,
    UpdateToken,
    DeleteToken,
    RevealToken,
    RegenerateTokenSecret,
};

// One operation of the portal API, with its path as docs/portal-api.yaml writes it.
struct SandboxRoute
{
    QByteArray method;
    QString path; // "/v1/tokens/{token_id}"
    Operation operation;
    QString operationId; // as in the contract: "getToken"
};

// The sandbox's routes: the one list it serves from, and that the contract test compares with
// docs/portal-api.yaml.
class SandboxRoutes
{
public:
    static const QList<SandboxRoute> &all();
    // The distinct paths, in order.
    static QStringList paths();
    // "/v1/tokens/{token_id}" -> "/v1/tokens/<arg>" for QHttpServer's router.
    static QString routerPattern(const QString &path);
};

} // namespace tokendesk::sandbox
