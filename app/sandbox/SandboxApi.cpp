#include "SandboxApi.h"

#include "TokenBodyParser.h"
#include "TokenValues.h"

#include "domain/TokenFieldRules.h"
#include "portal/PortalJson.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace tokendesk::sandbox {

using namespace tokendesk::domain;
using portal::PortalJson;

namespace {

constexpr int kDefaultLimit = 100;
constexpr int kMaxLimit = 500;

QByteArray quotedVersion(qint64 version)
{
    return '"' + QByteArray::number(version) + '"';
}

// Compares secrets in time independent of where they differ.
bool sameSecret(const QString &a, const QString &b)
{
    const QByteArray x = a.toUtf8();
    const QByteArray y = b.toUtf8();
    unsigned char difference = x.size() == y.size() ? 0 : 1;
    for (int i = 0; i < x.size(); ++i)
        difference |= static_cast<unsigned char>(x.at(i) ^ (i < y.size() ? y.at(i) : 0));
    return difference == 0;
}

FieldIssue parameterIssue(const char *name, const QString &message)
{
    return FieldIssue{QLatin1String(name), std::nullopt, QStringLiteral("request.invalid-parameter"),
                      message, validation::Severity::Error};
}

ApiResponse deploymentNotFound(const ApiRequest &request, const QString &deploymentId)
{
    return ApiResponse::problem(404, "not-found",
                                QStringLiteral("No deployment “%1”.").arg(deploymentId), request.path);
}

FieldIssues errorsOnly(const FieldIssues &issues)
{
    FieldIssues errors;
    for (const FieldIssue &issue : issues) {
        if (issue.severity == validation::Severity::Error)
            errors.append(issue);
    }
    return errors;
}

// 400 for the shape of the body, 422 for values that break a rule.
ApiResponse bodyProblem(const ApiRequest &request, const FieldIssues &issues)
{
    const bool shape = std::any_of(issues.cbegin(), issues.cend(), [](const FieldIssue &issue) {
        return issue.rule.startsWith(QLatin1String("request."));
    });
    if (shape)
        return ApiResponse::problem(400, "invalid-request",
                                    QStringLiteral("The request body has the wrong shape."),
                                    request.path, issues);
    return ApiResponse::problem(422, "validation-failed",
                                QStringLiteral("Some values break the portal's rules."),
                                request.path, issues);
}

struct TokenCursor
{
    PageKey after;
    QString deploymentId;
    qint64 sinceMs = -1;
};

QString encodeCursor(const TokenCursor &cursor)
{
    const QJsonObject object{{QStringLiteral("d"), cursor.deploymentId},
                             {QStringLiteral("s"), double(cursor.sinceMs)},
                             {QStringLiteral("m"), double(cursor.after.updatedMs)},
                             {QStringLiteral("i"), cursor.after.id}};
    return QString::fromLatin1(QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64(
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<TokenCursor> decodeCursor(const QString &text)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(*decoded).object();
    if (!object.value(QStringLiteral("i")).isString() ||
        !object.value(QStringLiteral("m")).isDouble())
        return std::nullopt;
    TokenCursor cursor;
    cursor.deploymentId = object.value(QStringLiteral("d")).toString();
    cursor.sinceMs = qint64(object.value(QStringLiteral("s")).toDouble(-1));
    cursor.after = PageKey{qint64(object.value(QStringLiteral("m")).toDouble()),
                           object.value(QStringLiteral("i")).toString()};
    return cursor;
}

std::optional<int> parseLimit(const ApiRequest &request, FieldIssues &issues)
{
    if (!request.query.hasQueryItem(QStringLiteral("limit")))
        return kDefaultLimit;
    bool ok = false;
    const int limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 1 || limit > kMaxLimit) {
        issues.append(parameterIssue(
            "limit", QStringLiteral("limit is a whole number from 1 to %1.").arg(kMaxLimit)));
        return std::nullopt;
    }
    return limit;
}

} // namespace

SandboxApi::SandboxApi(SandboxStore &store, AccessTokenRegistry &accessTokens,
                       QList<SandboxClient> clients)
    : m_store(store)
    , m_accessTokens(accessTokens)
    , m_clients(std::move(clients))
{
}

ApiResponse SandboxApi::issueAccessToken(const ApiRequest &request)
{
    const QByteArray authorization = request.header("authorization");
    std::optional<SandboxClient> client;
    if (authorization.startsWith("Basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const int colon = decoded.indexOf(':');
        if (colon > 0) {
            // RFC 6749 §2.3.1: both parts are form-encoded before they are joined.
            // (form encoding writes a space as '+')
            const QString id =
                QUrl::fromPercentEncoding(QByteArray(decoded.left(colon)).replace('+', ' '));
            const QString secret =
                QUrl::fromPercentEncoding(QByteArray(decoded.mid(colon + 1)).replace('+', ' '));
            for (const SandboxClient &known : m_clients) {
                if (known.id == id && sameSecret(known.secret, secret))
                    client = known;
            }
        }
    }
    if (!client) {
        ApiResponse response = ApiResponse::oauthError(
            401, "invalid_client", QStringLiteral("Unknown client or wrong secret."));
        response.withHeader("WWW-Authenticate", "Basic realm=\"portal\"");
        return response;
    }
    const QUrlQuery form(QString::fromUtf8(request.body));
    const QString grantType = form.queryItemValue(QStringLiteral("grant_type"));
    if (grantType.isEmpty())
        return ApiResponse::oauthError(400, "invalid_request",
                                       QStringLiteral("grant_type is missing."));
    if (grantType != QLatin1String("client_credentials"))
        return ApiResponse::oauthError(400, "unsupported_grant_type",
                                       QStringLiteral("Only client_credentials is supported."));
    const auto issued = m_accessTokens.issue(*client);
    ApiResponse response = ApiResponse::json(
        200, QJsonObject{{QStringLiteral("access_token"), issued.accessToken},
                         {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                         {QStringLiteral("expires_in"), issued.expiresIn}});
    response.withHeader("Cache-Control", "no-store");
    return response;
}

std::optional<SandboxClient> SandboxApi::authenticate(const ApiRequest &request)
{
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer "))
        return std::nullopt;
    return m_accessTokens.clientFor(QString::fromLatin1(authorization.mid(7).trimmed()));
}

ApiResponse SandboxApi::handle(Operation operation, const ApiRequest &request)
{
    switch (operation) {
    case Operation::IssueAccessToken:
        return issueAccessToken(request);
    case Operation::GetMe:
        return getMe(request);
    case Operation::ListDeployments:
        return listDeployments(request);
    case Operation::ListLicenses:
        return listLicenses(request);
    case Operation::ListTokens:
        return listTokens(request);
    case Operation::CreateToken:
        return createToken(request);
    case Operation::GetToken:
        return getToken(request);
    case Operation::UpdateToken:
        return updateToken(request);
    case Operation::DeleteToken:
        return deleteToken(request);
    case Operation::RevealToken:
        return revealToken(request);
    case Operation::RegenerateTokenSecret:
        return regenerateTokenSecret(request);
    }
    return ApiResponse::problem(500, "internal-error", QStringLiteral("Unknown operation."),
                                request.path);
}

ApiResponse SandboxApi::getMe(const ApiRequest &request)
{
    PortalIdentity identity;
    identity.clientId = request.client.id;
    identity.userId = QStringLiteral("usr_") + request.client.id;
    identity.userName = request.client.id;
    identity.role = request.client.role;
    identity.accountId = m_store.meta(QStringLiteral("account_id"));
    identity.accountName = m_store.meta(QStringLiteral("account_name"));
    return ApiResponse::json(200, PortalJson::identityToJson(identity));
}

ApiResponse SandboxApi::pageResponse(const ApiRequest &request, QJsonObject page,
                                     const QJsonObject &unhashed)
{
    const QByteArray content = QJsonDocument(page).toJson(QJsonDocument::Compact);
    const QByteArray etag =
        '"' + QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex().left(32) + '"';
    const QList<QByteArray> candidates = request.header("if-none-match").split(',');
    for (const QByteArray &candidate : candidates) {
        if (candidate.trimmed() == etag || candidate.trimmed() == "*") {
            ApiResponse notModified = ApiResponse::noContent(304);
            notModified.withHeader("ETag", etag);
            return notModified;
        }
    }
    for (auto it = unhashed.begin(); it != unhashed.end(); ++it)
        page.insert(it.key(), it.value());
    ApiResponse response = ApiResponse::json(200, page);
    response.withHeader("ETag", etag);
    return response;
}

ApiResponse SandboxApi::listDeployments(const ApiRequest &request)
{
    FieldIssues issues;
    const auto limit = parseLimit(request, issues);
    int offset = 0;
    if (request.query.hasQueryItem(QStringLiteral("cursor"))) {
        bool ok = false;
        offset = QByteArray::fromBase64(
                     request.query.queryItemValue(QStringLiteral("cursor")).toLatin1(),
                     QByteArray::Base64UrlEncoding)
                     .toInt(&ok);
        if (!ok || offset < 0)
            issues.append(parameterIssue("cursor", QStringLiteral("The cursor is not valid.")));
    }
    if (!issues.isEmpty())
        return ApiResponse::problem(400, "invalid-request",
                                    QStringLiteral("A query parameter is not valid."),
                                    request.path, issues);
    const QList<Deployment> deployments = m_store.deployments();
    QJsonArray items;
    for (int i = offset; i < deployments.size() && items.size() < *limit; ++i)
        items.append(PortalJson::deploymentToJson(deployments.at(i)));
    const int next = offset + int(items.size());
    QJsonValue nextCursor;
    if (next < deployments.size())
        nextCursor = QString::fromLatin1(QByteArray::number(next).toBase64(
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    return pageResponse(request, QJsonObject{{QStringLiteral("items"), items},
                                             {QStringLiteral("next_cursor"), nextCursor}});
}

ApiResponse SandboxApi::listLicenses(const ApiRequest &request)
{
    const QString deploymentId = request.pathArguments.value(0);
    if (!m_store.deploymentExists(deploymentId))
        return deploymentNotFound(request, deploymentId);
    QJsonArray items;
    for (const License &license : m_store.licenses(deploymentId))
        items.append(PortalJson::licenseToJson(license));
    return pageResponse(request, QJsonObject{{QStringLiteral("items"), items},
                                             {QStringLiteral("next_cursor"), QJsonValue()}});
}

ApiResponse SandboxApi::listTokens(const ApiRequest &request)
{
    const QString deploymentId = request.pathArguments.value(0);
    if (!m_store.deploymentExists(deploymentId))
        return deploymentNotFound(request, deploymentId);
    FieldIssues issues;
    const auto limit = parseLimit(request, issues);
    std::optional<QDateTime> since;
    if (request.query.hasQueryItem(QStringLiteral("updated_since"))) {
        since = PortalJson::parseTime(
            request.query.queryItemValue(QStringLiteral("updated_since"), QUrl::FullyDecoded));
        if (!since)
            issues.append(parameterIssue(
                "updated_since",
                QStringLiteral("updated_since is an RFC 3339 time such as "
                               "2026-01-31T12:00:00.000Z.")));
    }
    std::optional<PageKey> after;
    if (request.query.hasQueryItem(QStringLiteral("cursor"))) {
        const auto cursor = decodeCursor(request.query.queryItemValue(QStringLiteral("cursor")));
        const qint64 sinceMs = since ? since->toMSecsSinceEpoch() : -1;
        if (!cursor || cursor->deploymentId != deploymentId || cursor->sinceMs != sinceMs)
            issues.append(parameterIssue(
                "cursor", QStringLiteral("The cursor does not belong to this query.")));
        else
            after = cursor->after;
    }
    if (!issues.isEmpty())
        return ApiResponse::problem(400, "invalid-request",
                                    QStringLiteral("A query parameter is not valid."),
                                    request.path, issues);

    const QDateTime asOf = QDateTime::currentDateTimeUtc();
    const auto page = m_store.tokenPage(deploymentId, since, after, *limit + 1);
    if (!page)
        return ApiResponse::problem(500, "internal-error",
                                    QStringLiteral("The portal's storage failed."), request.path);
    QList<StoredToken> rows = *page;
    const bool more = rows.size() > *limit;
    if (more)
        rows.removeLast();
    QJsonArray items;
    for (const StoredToken &row : rows) {
        if (row.deletedAt)
            items.append(PortalJson::tombstoneToJson(
                TokenTombstone{row.token.id, row.token.deploymentId, *row.deletedAt,
                               row.token.version},
                row.token.updatedAt));
        else
            items.append(PortalJson::tokenToJson(row.token));
    }
    QJsonValue nextCursor;
    if (more) {
        const Token &last = rows.last().token;
        nextCursor = encodeCursor(TokenCursor{PageKey{last.updatedAt.toMSecsSinceEpoch(), last.id},
                                              deploymentId,
                                              since ? since->toMSecsSinceEpoch() : -1});
    }
    // as_of changes on every call; it stays out of the ETag so that an unchanged page is 304.
    return pageResponse(request,
                        QJsonObject{{QStringLiteral("items"), items},
                                    {QStringLiteral("next_cursor"), nextCursor}},
                        QJsonObject{{QStringLiteral("as_of"), PortalJson::formatTime(asOf)}});
}

std::optional<ApiResponse> SandboxApi::checkJsonBody(const ApiRequest &request)
{
    const QByteArray type = request.header("content-type").split(';').first().trimmed().toLower();
    if (type == "application/json" || type == "application/merge-patch+json")
        return std::nullopt;
    return ApiResponse::problem(415, "unsupported-media-type",
                                QStringLiteral("Send the body as application/json."),
                                request.path);
}

ApiResponse SandboxApi::tokenResponse(int status, const Token &token)
{
    ApiResponse response = ApiResponse::json(status, PortalJson::tokenToJson(token));
    response.withHeader("ETag", quotedVersion(token.version));
    return response;
}

ApiResponse SandboxApi::saveFailed(const ApiRequest &request)
{
    return ApiResponse::problem(500, "internal-error",
                                QStringLiteral("The portal could not save the change."),
                                request.path);
}

ApiResponse SandboxApi::createToken(const ApiRequest &request)
{
    if (!roleMayCreateOrDelete(request.client.role))
        return ApiResponse::problem(403, "forbidden",
                                    QStringLiteral("Only administrators create tokens."),
                                    request.path);
    const QString deploymentId = request.pathArguments.value(0);
    if (!m_store.deploymentExists(deploymentId))
        return deploymentNotFound(request, deploymentId);
    if (auto unsupported = checkJsonBody(request))
        return *unsupported;
    const auto parsed = TokenBodyParser::parseCreate(request.body);
    if (!parsed.draft)
        return bodyProblem(request, parsed.issues);
    const FieldIssues errors = errorsOnly(TokenFieldRules::checkDraft(*parsed.draft));
    if (!errors.isEmpty())
        return bodyProblem(request, errors);

    StoredToken stored;
    Token &token = stored.token;
    token.id = TokenValues::identifier("tok_", *QRandomGenerator::system());
    token.deploymentId = deploymentId;
    token.name = parsed.draft->name;
    token.kind = parsed.draft->kind;
    token.status = parsed.draft->status;
    token.controls = parsed.draft->controls;
    token.labels = parsed.draft->labels;
    token.createdAt = token.updatedAt = token.rotatedAt = m_store.nextChangeTime();
    token.version = 1;
    stored.value = TokenValues::generate(token.kind, *QRandomGenerator::system());
    token.maskedValue = TokenValues::mask(stored.value);
    if (!m_store.insertToken(stored))
        return saveFailed(request);
    ApiResponse response = tokenResponse(201, token);
    response.withHeader("Location", "/v1/tokens/" + token.id.toUtf8());
    return response;
}

std::optional<StoredToken> SandboxApi::liveToken(const ApiRequest &request, ApiResponse &notFound)
{
    const QString id = request.pathArguments.value(0);
    auto stored = m_store.token(id);
    if (stored && !stored->deletedAt)
        return stored;
    notFound = ApiResponse::problem(404, "not-found", QStringLiteral("No token “%1”.").arg(id),
                                    request.path);
    return std::nullopt;
}

std::optional<ApiResponse> SandboxApi::checkIfMatch(const ApiRequest &request,
                                                    const StoredToken &token)
{
    if (!request.hasHeader("if-match"))
        return ApiResponse::problem(
            428, "precondition-required",
            QStringLiteral("Send If-Match with the version you changed, such as If-Match: %1.")
                .arg(QString::fromLatin1(quotedVersion(token.token.version))),
            request.path);
    const QByteArray current = quotedVersion(token.token.version);
    for (const QByteArray &candidate : request.header("if-match").split(',')) {
        if (candidate.trimmed() == current || candidate.trimmed() == "*")
            return std::nullopt;
    }
    ApiResponse response = ApiResponse::problem(
        412, "precondition-failed",
        QStringLiteral("The token changed since you read it: it is now at version %1.")
            .arg(token.token.version),
        request.path, {}, QJsonObject{{QStringLiteral("current_version"),
                                       double(token.token.version)}});
    response.withHeader("ETag", current);
    return response;
}

ApiResponse SandboxApi::getToken(const ApiRequest &request)
{
    ApiResponse notFound;
    const auto stored = liveToken(request, notFound);
    if (!stored)
        return notFound;
    const QByteArray etag = quotedVersion(stored->token.version);
    for (const QByteArray &candidate : request.header("if-none-match").split(',')) {
        if (candidate.trimmed() == etag) {
            ApiResponse notModified = ApiResponse::noContent(304);
            notModified.withHeader("ETag", etag);
            return notModified;
        }
    }
    return tokenResponse(200, stored->token);
}

ApiResponse SandboxApi::updateToken(const ApiRequest &request)
{
    if (!roleMayEdit(request.client.role))
        return ApiResponse::problem(403, "forbidden",
                                    QStringLiteral("This client may only read."), request.path);
    ApiResponse notFound;
    auto stored = liveToken(request, notFound);
    if (!stored)
        return notFound;
    if (auto failed = checkIfMatch(request, *stored))
        return *failed;
    if (auto unsupported = checkJsonBody(request))
        return *unsupported;
    const auto parsed = TokenBodyParser::parsePatch(request.body);
    if (!parsed.change)
        return bodyProblem(request, parsed.issues);
    const TokenChange &change = *parsed.change;

    // Only what the patch changes is checked, so that an old entry that breaks a newer rule
    // does not block an unrelated rename.
    Token updated = stored->token;
    FieldIssues issues;
    if (change.name) {
        updated.name = *change.name;
        issues += TokenFieldRules::checkName(updated.name);
    }
    if (change.status)
        updated.status = *change.status;
    const std::pair<validation::ControlKind, const std::optional<QStringList> *> lists[] = {
        {validation::ControlKind::Origin, &change.corsOrigins},
        {validation::ControlKind::Url, &change.permittedUrls},
        {validation::ControlKind::Ip, &change.ipRanges}};
    for (const auto &[kind, list] : lists) {
        if (!*list)
            continue;
        updated.controls.list(kind) = **list;
        issues += TokenFieldRules::checkControlList(kind, **list);
    }
    if (!change.labels.isEmpty()) {
        for (auto it = change.labels.cbegin(); it != change.labels.cend(); ++it) {
            if (it.value())
                updated.labels.insert(it.key(), *it.value());
            else
                updated.labels.remove(it.key());
        }
        issues += TokenFieldRules::checkLabels(updated.labels);
    }
    const FieldIssues errors = errorsOnly(issues);
    if (!errors.isEmpty())
        return bodyProblem(request, errors);
    if (updated == stored->token)
        return tokenResponse(200, updated); // nothing changed: no new version

    updated.updatedAt = m_store.nextChangeTime();
    updated.version += 1;
    stored->token = updated;
    if (!m_store.updateToken(*stored))
        return saveFailed(request);
    return tokenResponse(200, updated);
}

ApiResponse SandboxApi::deleteToken(const ApiRequest &request)
{
    if (!roleMayCreateOrDelete(request.client.role))
        return ApiResponse::problem(403, "forbidden",
                                    QStringLiteral("Only administrators delete tokens."),
                                    request.path);
    ApiResponse notFound;
    auto stored = liveToken(request, notFound);
    if (!stored)
        return notFound;
    if (auto failed = checkIfMatch(request, *stored))
        return *failed;
    const QDateTime now = m_store.nextChangeTime();
    stored->deletedAt = now;
    stored->token.updatedAt = now;
    stored->token.version += 1;
    if (!m_store.updateToken(*stored))
        return saveFailed(request);
    return ApiResponse::noContent(204);
}

ApiResponse SandboxApi::revealToken(const ApiRequest &request)
{
    if (!roleMayReveal(request.client.role))
        return ApiResponse::problem(403, "forbidden",
                                    QStringLiteral("This client may not reveal token values."),
                                    request.path);
    ApiResponse notFound;
    const auto stored = liveToken(request, notFound);
    if (!stored)
        return notFound;
    ApiResponse response = ApiResponse::json(
        200, QJsonObject{{QStringLiteral("id"), stored->token.id},
                         {QStringLiteral("value"), stored->value},
                         {QStringLiteral("version"), double(stored->token.version)}});
    response.withHeader("Cache-Control", "no-store");
    return response;
}

ApiResponse SandboxApi::regenerateTokenSecret(const ApiRequest &request)
{
    if (!roleMayCreateOrDelete(request.client.role))
        return ApiResponse::problem(403, "forbidden",
                                    QStringLiteral("Only administrators regenerate secrets."),
                                    request.path);
    ApiResponse notFound;
    auto stored = liveToken(request, notFound);
    if (!stored)
        return notFound;
    if (stored->token.kind != TokenKind::OAuth)
        return ApiResponse::problem(
            409, "conflict",
            QStringLiteral("Only OAuth integrations have a secret to regenerate; rotate other "
                           "tokens by creating a new one."),
            request.path,
            {FieldIssue{QStringLiteral("kind"), std::nullopt, QStringLiteral("token.kind-not-oauth"),
                        QStringLiteral("The token is not an OAuth integration."),
                        validation::Severity::Error}});
    if (auto failed = checkIfMatch(request, *stored))
        return *failed;
    stored->value = TokenValues::generate(stored->token.kind, *QRandomGenerator::system());
    stored->token.maskedValue = TokenValues::mask(stored->value);
    stored->token.updatedAt = stored->token.rotatedAt = m_store.nextChangeTime();
    stored->token.version += 1;
    if (!m_store.updateToken(*stored))
        return saveFailed(request);
    return tokenResponse(200, stored->token);
}

} // namespace tokendesk::sandbox
