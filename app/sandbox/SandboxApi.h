#pragma once

#include "AccessTokenRegistry.h"
#include "ApiRequest.h"
#include "ApiResponse.h"
#include "SandboxRoutes.h"
#include "SandboxStore.h"

#include <QRandomGenerator>

namespace tokendesk::sandbox {

// The portal API's behaviour, endpoint by endpoint, over the sandbox's store: what
// docs/portal-api.yaml promises. Transport concerns (faults, rate limits, idempotent replay,
// writing the bytes) stay in SandboxServer.
class SandboxApi
{
public:
    SandboxApi(SandboxStore &store, AccessTokenRegistry &accessTokens,
               QList<SandboxClient> clients);

    // POST /oauth2/token: needs no bearer token.
    ApiResponse issueAccessToken(const ApiRequest &request);
    // The client a request's bearer token belongs to, or nullopt (401).
    std::optional<SandboxClient> authenticate(const ApiRequest &request);
    // Every /v1 operation, for an authenticated request.
    ApiResponse handle(Operation operation, const ApiRequest &request);

private:
    ApiResponse getMe(const ApiRequest &request);
    ApiResponse listDeployments(const ApiRequest &request);
    ApiResponse listLicenses(const ApiRequest &request);
    ApiResponse listTokens(const ApiRequest &request);
    ApiResponse createToken(const ApiRequest &request);
    ApiResponse getToken(const ApiRequest &request);
    ApiResponse updateToken(const ApiRequest &request);
    ApiResponse deleteToken(const ApiRequest &request);
    ApiResponse revealToken(const ApiRequest &request);
    ApiResponse regenerateTokenSecret(const ApiRequest &request);

    // A live token by the request's {token_id}, or the 404 to answer.
    std::optional<StoredToken> liveToken(const ApiRequest &request, ApiResponse &notFound);
    // 428 without If-Match, 412 when it names another version; nullopt when it matches.
    std::optional<ApiResponse> checkIfMatch(const ApiRequest &request, const StoredToken &token);
    std::optional<ApiResponse> checkJsonBody(const ApiRequest &request);
    ApiResponse tokenResponse(int status, const domain::Token &token);
    // A list response with a strong ETag over its content, or 304 when it matches.
    ApiResponse pageResponse(const ApiRequest &request, QJsonObject page,
                             const QJsonObject &unhashed = {});
    ApiResponse saveFailed(const ApiRequest &request);

    SandboxStore &m_store;
    AccessTokenRegistry &m_accessTokens;
    QList<SandboxClient> m_clients;
};

} // namespace tokendesk::sandbox
