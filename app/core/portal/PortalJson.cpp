#include "PortalJson.h"


namespace tokendesk::portal {

using namespace tokendesk::domain;
using validation::ControlKind;

namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

std::optional<QString> stringField(const QJsonObject &json, const char *name)
{
    const QJsonValue value = json.value(key(name));
    if (!value.isString())
        return std::nullopt;
    return value.toString();
}

std::optional<qint64> integerField(const QJsonObject &json, const char *name)
{
    const QJsonValue value = json.value(key(name));
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number != double(qint64(number)))
        return std::nullopt;
    return qint64(number);
}

std::optional<QDateTime> timeField(const QJsonObject &json, const char *name)
{
    const auto text = stringField(json, name);
    return text ? PortalJson::parseTime(*text) : std::nullopt;
}

std::optional<QStringList> stringList(const QJsonValue &value)
{
    if (!value.isArray())
        return std::nullopt;
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString())
            return std::nullopt;
        list.append(item.toString());
    }
    return list;
}

QJsonArray toJsonArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

QString PortalJson::formatTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

namespace {

// The form TokenDesk and the sandbox write, "2026-12-03T13:32:05.123Z", read without
// QDateTime's general parser: lists of 100,000 tokens read three times each.
std::optional<QDateTime> parseCanonicalTime(const QString &text)
{
    if (text.size() != 24 || text.at(4) != QLatin1Char('-') || text.at(7) != QLatin1Char('-') ||
        text.at(10) != QLatin1Char('T') || text.at(13) != QLatin1Char(':') ||
        text.at(16) != QLatin1Char(':') || text.at(19) != QLatin1Char('.') ||
        text.at(23) != QLatin1Char('Z'))
        return std::nullopt;
    const auto number = [&](int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; ++i) {
            const int digit = text.at(i).unicode() - '0';
            if (digit < 0 || digit > 9)
                return -1;
            value = value * 10 + digit;
        }
        return value;
    };
    const QDate date(number(0, 4), number(5, 2), number(8, 2));
    const QTime time(number(11, 2), number(14, 2), number(17, 2), number(20, 3));
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

std::optional<QDateTime> PortalJson::parseTime(const QString &text)
{
    if (const auto fast = parseCanonicalTime(text))
        return fast;
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    // RFC 3339 requires a zone: a time without one would be read as local time.
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime)
        return std::nullopt;
    return time.toUTC();
}

QJsonObject PortalJson::controlsToJson(const SecurityControls &controls)
{
    QJsonObject json;
    for (ControlKind kind : {ControlKind::Origin, ControlKind::Url, ControlKind::Ip})
        json.insert(controlFieldName(kind), toJsonArray(controls.list(kind)));
    return json;
}

std::optional<SecurityControls> PortalJson::controlsFromJson(const QJsonValue &json)
{
    SecurityControls controls;
    if (json.isUndefined())
        return controls;
    if (!json.isObject())
        return std::nullopt;
    const QJsonObject lists = json.toObject();
    for (ControlKind kind : {ControlKind::Origin, ControlKind::Url, ControlKind::Ip}) {
        const QJsonValue value = lists.value(controlFieldName(kind));
        if (value.isUndefined())
            continue;
        const auto list = stringList(value);
        if (!list)
            return std::nullopt;
        controls.list(kind) = *list;
    }
    return controls;
}

std::optional<Labels> PortalJson::labelsFromJson(const QJsonValue &json)
{
    Labels labels;
    if (json.isUndefined())
        return labels;
    if (!json.isObject())
        return std::nullopt;
    const QJsonObject map = json.toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it.value().isString())
            return std::nullopt;
        labels.insert(it.key(), it.value().toString());
    }
    return labels;
}

QJsonObject PortalJson::labelsToJson(const Labels &labels)
{
    QJsonObject json;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

QJsonObject PortalJson::tokenToJson(const Token &token)
{
    return QJsonObject{
        {key("id"), token.id},
        {key("deployment_id"), token.deploymentId},
        {key("name"), token.name},
        {key("kind"), tokenKindName(token.kind)},
        {key("status"), tokenStatusName(token.status)},
        {key("masked_value"), token.maskedValue},
        {key("created_at"), formatTime(token.createdAt)},
        {key("updated_at"), formatTime(token.updatedAt)},
        {key("rotated_at"), formatTime(token.rotatedAt)},
        {key("controls"), controlsToJson(token.controls)},
        {key("labels"), labelsToJson(token.labels)},
        {key("version"), double(token.version)},
    };
}

std::optional<Token> PortalJson::tokenFromJson(const QJsonObject &json)
{
    Token token;
    const auto id = stringField(json, "id");
    const auto deployment = stringField(json, "deployment_id");
    const auto name = stringField(json, "name");
    const auto kindName = stringField(json, "kind");
    const auto statusName = stringField(json, "status");
    const auto masked = stringField(json, "masked_value");
    const auto created = timeField(json, "created_at");
    const auto updated = timeField(json, "updated_at");
    const auto version = integerField(json, "version");
    if (!id || id->isEmpty() || !deployment || !name || !kindName || !statusName || !masked ||
        !created || !updated || !version)
        return std::nullopt;
    const auto kind = tokenKindFromName(*kindName);
    const auto status = tokenStatusFromName(*statusName);
    if (!kind || !status)
        return std::nullopt;
    token.id = *id;
    token.deploymentId = *deployment;
    token.name = *name;
    token.kind = *kind;
    token.status = *status;
    token.maskedValue = *masked;
    token.createdAt = *created;
    token.updatedAt = *updated;
    token.rotatedAt = timeField(json, "rotated_at").value_or(*created);
    token.version = *version;

    // Both members may be missing (no controls, no labels), never of another type.
    const auto controls = controlsFromJson(json.value(key("controls")));
    const auto labels = labelsFromJson(json.value(key("labels")));
    if (!controls || !labels)
        return std::nullopt;
    token.controls = *controls;
    token.labels = *labels;
    return token;
}

bool PortalJson::isTombstone(const QJsonObject &json)
{
    return json.value(key("deleted")).toBool(false);
}

QJsonObject PortalJson::tombstoneToJson(const TokenTombstone &tombstone,
                                        const QDateTime &updatedAt)
{
    return QJsonObject{
        {key("id"), tombstone.id},
        {key("deployment_id"), tombstone.deploymentId},
        {key("deleted"), true},
        {key("deleted_at"), formatTime(tombstone.deletedAt)},
        {key("updated_at"), formatTime(updatedAt)},
        {key("version"), double(tombstone.version)},
    };
}

std::optional<TokenTombstone> PortalJson::tombstoneFromJson(const QJsonObject &json)
{
    const auto id = stringField(json, "id");
    const auto deployment = stringField(json, "deployment_id");
    const auto deleted = timeField(json, "deleted_at");
    const auto version = integerField(json, "version");
    if (!isTombstone(json) || !id || id->isEmpty() || !deployment || !deleted || !version)
        return std::nullopt;
    return TokenTombstone{*id, *deployment, *deleted, *version};
}

QJsonObject PortalJson::deploymentToJson(const Deployment &deployment)
{
    return QJsonObject{
        {key("id"), deployment.id},
        {key("name"), deployment.name},
        {key("region"), deployment.region},
        {key("created_at"), formatTime(deployment.createdAt)},
        {key("token_count"), deployment.tokenCount},
    };
}

std::optional<Deployment> PortalJson::deploymentFromJson(const QJsonObject &json)
{
    const auto id = stringField(json, "id");
    const auto name = stringField(json, "name");
    const auto created = timeField(json, "created_at");
    if (!id || id->isEmpty() || !name || !created)
        return std::nullopt;
    Deployment deployment;
    deployment.id = *id;
    deployment.name = *name;
    deployment.region = stringField(json, "region").value_or(QString());
    deployment.createdAt = *created;
    deployment.tokenCount = int(integerField(json, "token_count").value_or(0));
    return deployment;
}

QJsonObject PortalJson::licenseToJson(const License &license)
{
    return QJsonObject{
        {key("id"), license.id},
        {key("product"), license.product},
        {key("credits_total"), double(license.creditsTotal)},
        {key("credits_left"), double(license.creditsLeft)},
        {key("expires_at"),
         license.expiresAt ? QJsonValue(formatTime(*license.expiresAt)) : QJsonValue()},
    };
}

std::optional<License> PortalJson::licenseFromJson(const QJsonObject &json)
{
    const auto id = stringField(json, "id");
    const auto product = stringField(json, "product");
    const auto total = integerField(json, "credits_total");
    const auto left = integerField(json, "credits_left");
    if (!id || !product || !total || !left)
        return std::nullopt;
    License license{*id, *product, *total, *left, std::nullopt};
    const QJsonValue expires = json.value(key("expires_at"));
    if (!expires.isNull() && !expires.isUndefined()) {
        license.expiresAt = timeField(json, "expires_at");
        if (!license.expiresAt)
            return std::nullopt;
    }
    return license;
}

QJsonObject PortalJson::identityToJson(const PortalIdentity &identity)
{
    return QJsonObject{
        {key("client_id"), identity.clientId},
        {key("user"), QJsonObject{{key("id"), identity.userId}, {key("name"), identity.userName}}},
        {key("role"), portalRoleName(identity.role)},
        {key("account"),
         QJsonObject{{key("id"), identity.accountId}, {key("name"), identity.accountName}}},
    };
}

std::optional<PortalIdentity> PortalJson::identityFromJson(const QJsonObject &json)
{
    const auto roleName = stringField(json, "role");
    const auto role = roleName ? portalRoleFromName(*roleName) : std::nullopt;
    const QJsonObject user = json.value(key("user")).toObject();
    const QJsonObject account = json.value(key("account")).toObject();
    const auto accountId = stringField(account, "id");
    if (!role || !accountId)
        return std::nullopt;
    PortalIdentity identity;
    identity.clientId = stringField(json, "client_id").value_or(QString());
    identity.userId = stringField(user, "id").value_or(QString());
    identity.userName = stringField(user, "name").value_or(QString());
    identity.role = *role;
    identity.accountId = *accountId;
    identity.accountName = stringField(account, "name").value_or(QString());
    return identity;
}

QJsonObject PortalJson::draftToJson(const TokenDraft &draft)
{
    return QJsonObject{
        {key("name"), draft.name},
        {key("kind"), tokenKindName(draft.kind)},
        {key("status"), tokenStatusName(draft.status)},
        {key("controls"), controlsToJson(draft.controls)},
        {key("labels"), labelsToJson(draft.labels)},
    };
}

QJsonObject PortalJson::changeToMergePatch(const TokenChange &change)
{
    QJsonObject patch;
    if (change.name)
        patch.insert(key("name"), *change.name);
    if (change.status)
        patch.insert(key("status"), tokenStatusName(*change.status));
    QJsonObject controls;
    if (change.corsOrigins)
        controls.insert(controlFieldName(ControlKind::Origin), toJsonArray(*change.corsOrigins));
    if (change.permittedUrls)
        controls.insert(controlFieldName(ControlKind::Url), toJsonArray(*change.permittedUrls));
    if (change.ipRanges)
        controls.insert(controlFieldName(ControlKind::Ip), toJsonArray(*change.ipRanges));
    if (!controls.isEmpty())
        patch.insert(key("controls"), controls);
    if (!change.labels.isEmpty()) {
        QJsonObject labels;
        for (auto it = change.labels.cbegin(); it != change.labels.cend(); ++it)
            labels.insert(it.key(), it.value() ? QJsonValue(*it.value()) : QJsonValue());
        patch.insert(key("labels"), labels);
    }
    return patch;
}

QJsonArray PortalJson::fieldIssuesToJson(const FieldIssues &issues)
{
    QJsonArray array;
    for (const FieldIssue &issue : issues) {
        QJsonObject item{{key("field"), issue.field},
                         {key("rule"), issue.rule},
                         {key("message"), issue.message}};
        if (issue.index)
            item.insert(key("index"), *issue.index);
        array.append(item);
    }
    return array;
}

FieldIssues PortalJson::fieldIssuesFromJson(const QJsonArray &json)
{
    FieldIssues issues;
    for (const QJsonValue &value : json) {
        const QJsonObject item = value.toObject();
        FieldIssue issue;
        issue.field = item.value(key("field")).toString();
        issue.rule = item.value(key("rule")).toString();
        issue.message = item.value(key("message")).toString();
        if (item.value(key("index")).isDouble())
            issue.index = item.value(key("index")).toInt();
        issues.append(issue);
    }
    return issues;
}

} // namespace tokendesk::portal
