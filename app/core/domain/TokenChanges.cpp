#include "TokenChanges.h"

#include "portal/PortalJson.h"

#include <QJsonArray>

namespace tokendesk::domain {

using validation::ControlKind;

namespace {

std::optional<QStringList> &listOf(TokenChange &change, ControlKind kind)
{
    switch (kind) {
    case ControlKind::Origin:
        return change.corsOrigins;
    case ControlKind::Url:
        return change.permittedUrls;
    case ControlKind::Ip:
        break;
    }
    return change.ipRanges;
}

const std::optional<QStringList> &listOf(const TokenChange &change, ControlKind kind)
{
    return listOf(const_cast<TokenChange &>(change), kind);
}

constexpr ControlKind kKinds[] = {ControlKind::Origin, ControlKind::Url, ControlKind::Ip};

} // namespace

Token TokenChanges::apply(const Token &token, const TokenChange &change)
{
    Token result = token;
    if (change.name)
        result.name = *change.name;
    if (change.status)
        result.status = *change.status;
    for (ControlKind kind : kKinds) {
        if (const auto &list = listOf(change, kind))
            result.controls.list(kind) = *list;
    }
    for (auto it = change.labels.cbegin(); it != change.labels.cend(); ++it) {
        if (it.value())
            result.labels.insert(it.key(), *it.value());
        else
            result.labels.remove(it.key());
    }
    return result;
}

TokenChange TokenChanges::diff(const Token &from, const Token &to)
{
    TokenChange change;
    if (from.name != to.name)
        change.name = to.name;
    if (from.status != to.status)
        change.status = to.status;
    for (ControlKind kind : kKinds) {
        if (from.controls.list(kind) != to.controls.list(kind))
            listOf(change, kind) = to.controls.list(kind);
    }
    for (auto it = to.labels.cbegin(); it != to.labels.cend(); ++it) {
        if (from.labels.value(it.key()) != it.value() || !from.labels.contains(it.key()))
            change.labels.insert(it.key(), it.value());
    }
    for (auto it = from.labels.cbegin(); it != from.labels.cend(); ++it) {
        if (!to.labels.contains(it.key()))
            change.labels.insert(it.key(), std::nullopt);
    }
    return change;
}

TokenChange TokenChanges::compose(const TokenChange &first, const TokenChange &second)
{
    TokenChange result = first;
    if (second.name)
        result.name = second.name;
    if (second.status)
        result.status = second.status;
    for (ControlKind kind : kKinds) {
        if (listOf(second, kind))
            listOf(result, kind) = listOf(second, kind);
    }
    for (auto it = second.labels.cbegin(); it != second.labels.cend(); ++it)
        result.labels.insert(it.key(), it.value());
    return result;
}

QJsonObject TokenChanges::toJson(const TokenChange &change)
{
    return portal::PortalJson::changeToMergePatch(change);
}

std::optional<TokenChange> TokenChanges::fromJson(const QJsonObject &json)
{
    TokenChange change;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("name") && it.value().isString()) {
            change.name = it.value().toString();
        } else if (key == QLatin1String("status") && it.value().isString()) {
            change.status = tokenStatusFromName(it.value().toString());
            if (!change.status)
                return std::nullopt;
        } else if (key == QLatin1String("controls") && it.value().isObject()) {
            const QJsonObject controls = it.value().toObject();
            for (ControlKind kind : kKinds) {
                const QJsonValue list = controls.value(controlFieldName(kind));
                if (list.isUndefined())
                    continue;
                QStringList entries;
                for (const QJsonValue &entry : list.toArray())
                    entries.append(entry.toString());
                listOf(change, kind) = entries;
            }
        } else if (key == QLatin1String("labels") && it.value().isObject()) {
            const QJsonObject labels = it.value().toObject();
            for (auto label = labels.begin(); label != labels.end(); ++label) {
                change.labels.insert(label.key(), label.value().isNull()
                                                      ? std::nullopt
                                                      : std::optional<QString>(label.value().toString()));
            }
        } else {
            return std::nullopt;
        }
    }
    return change;
}

Token TokenChanges::tokenFromDraft(const QString &id, const QString &deploymentId,
                                   const TokenDraft &draft, const QDateTime &now)
{
    Token token;
    token.id = id;
    token.deploymentId = deploymentId;
    token.name = draft.name;
    token.kind = draft.kind;
    token.status = draft.status;
    token.controls = draft.controls;
    token.labels = draft.labels;
    token.createdAt = token.updatedAt = token.rotatedAt = now;
    token.version = 0;
    return token;
}

TokenDraft TokenChanges::draftFromToken(const Token &token)
{
    return TokenDraft{token.name, token.kind, token.status, token.controls, token.labels};
}

} // namespace tokendesk::domain
