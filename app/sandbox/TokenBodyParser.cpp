#include "TokenBodyParser.h"

#include "portal/PortalJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace tokendesk::sandbox {

using namespace tokendesk::domain;
using validation::ControlKind;

namespace {

FieldIssue shapeIssue(const QString &field, const char *rule, const QString &message)
{
    return FieldIssue{field, std::nullopt, QString::fromLatin1(rule), message,
                      validation::Severity::Error};
}

std::optional<QJsonObject> parseObject(const QByteArray &body, FieldIssues &issues)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        issues.append(shapeIssue(QString(), "request.invalid-json",
                                 QStringLiteral("The body is not a JSON object.")));
        return std::nullopt;
    }
    return document.object();
}

void checkMembers(const QJsonObject &object, const QStringList &writable, FieldIssues &issues)
{
    static const QStringList readOnly = {
        QStringLiteral("id"),         QStringLiteral("deployment_id"), QStringLiteral("kind"),
        QStringLiteral("masked_value"), QStringLiteral("created_at"), QStringLiteral("updated_at"),
        QStringLiteral("rotated_at"), QStringLiteral("version")};
    for (const QString &key : object.keys()) {
        if (writable.contains(key))
            continue;
        if (readOnly.contains(key))
            issues.append(shapeIssue(key, "request.read-only-field",
                                     QStringLiteral("“%1” cannot be changed.").arg(key)));
        else
            issues.append(shapeIssue(key, "request.unknown-field",
                                     QStringLiteral("“%1” is not a token field.").arg(key)));
    }
}

FieldIssue typeIssue(const QString &field, const char *expected)
{
    return shapeIssue(field, "request.invalid-type",
                      QStringLiteral("“%1” must be %2.").arg(field, QLatin1String(expected)));
}

// A control list: an array of strings (or null in a patch, meaning empty).
std::optional<QStringList> readList(const QJsonValue &value, const QString &field, bool nullable,
                                    FieldIssues &issues)
{
    if (nullable && value.isNull())
        return QStringList();
    if (!value.isArray()) {
        issues.append(typeIssue(field, "an array of strings"));
        return std::nullopt;
    }
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString()) {
            issues.append(typeIssue(field, "an array of strings"));
            return std::nullopt;
        }
        list.append(item.toString());
    }
    return list;
}

void readControls(const QJsonValue &value, bool nullable, FieldIssues &issues,
                  const std::function<void(ControlKind, const QStringList &)> &apply)
{
    if (!value.isObject()) {
        issues.append(typeIssue(QStringLiteral("controls"), "an object"));
        return;
    }
    const QJsonObject controls = value.toObject();
    QStringList known;
    for (ControlKind kind : {ControlKind::Origin, ControlKind::Url, ControlKind::Ip}) {
        const QString name = controlFieldName(kind);
        known.append(name);
        if (!controls.contains(name))
            continue;
        if (const auto list = readList(controls.value(name), QStringLiteral("controls.") + name,
                                       nullable, issues))
            apply(kind, *list);
    }
    for (const QString &key : controls.keys()) {
        if (!known.contains(key))
            issues.append(shapeIssue(QStringLiteral("controls.") + key, "request.unknown-field",
                                     QStringLiteral("“%1” is not a control.").arg(key)));
    }
}

std::optional<TokenStatus> readStatus(const QJsonValue &value, FieldIssues &issues)
{
    const auto parsed = value.isString() ? tokenStatusFromName(value.toString()) : std::nullopt;
    if (!parsed)
        issues.append(shapeIssue(QStringLiteral("status"), "token.status-invalid",
                                 QStringLiteral("“status” is active or disabled.")));
    return parsed;
}

} // namespace

TokenBodyParser::Draft TokenBodyParser::parseCreate(const QByteArray &body)
{
    Draft result;
    const auto object = parseObject(body, result.issues);
    if (!object)
        return result;
    checkMembers(*object,
                 {QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("status"),
                  QStringLiteral("controls"), QStringLiteral("labels")},
                 result.issues);
    // kind is read-only on a token, but chosen at creation.
    result.issues.erase(std::remove_if(result.issues.begin(), result.issues.end(),
                                       [](const FieldIssue &issue) {
                                           return issue.field == QLatin1String("kind");
                                       }),
                        result.issues.end());

    TokenDraft draft;
    const QJsonValue name = object->value(QStringLiteral("name"));
    if (!name.isString())
        result.issues.append(typeIssue(QStringLiteral("name"), "a string"));
    draft.name = name.toString();

    // kind is required: a token's kind never changes, so it is never guessed.
    const QJsonValue kind = object->value(QStringLiteral("kind"));
    const auto parsedKind = kind.isString() ? tokenKindFromName(kind.toString()) : std::nullopt;
    if (!parsedKind)
        result.issues.append(shapeIssue(QStringLiteral("kind"), "token.kind-invalid",
                                        QStringLiteral("“kind” is api, integration or oauth.")));
    else
        draft.kind = *parsedKind;
    const QJsonValue status = object->value(QStringLiteral("status"));
    if (!status.isUndefined()) {
        if (const auto parsed = readStatus(status, result.issues))
            draft.status = *parsed;
    }
    const QJsonValue controls = object->value(QStringLiteral("controls"));
    if (!controls.isUndefined()) {
        readControls(controls, false, result.issues,
                     [&draft](ControlKind k, const QStringList &list) {
                         draft.controls.list(k) = list;
                     });
    }
    const QJsonValue labels = object->value(QStringLiteral("labels"));
    if (!labels.isUndefined() && !labels.isObject()) {
        result.issues.append(typeIssue(QStringLiteral("labels"), "an object"));
    } else if (!labels.isUndefined()) {
        const auto parsed = portal::PortalJson::labelsFromJson(labels);
        if (!parsed)
            result.issues.append(shapeIssue(QStringLiteral("labels"), "labels.value-invalid",
                                            QStringLiteral("“labels” maps names to strings.")));
        else
            draft.labels = *parsed;
    }
    if (result.issues.isEmpty())
        result.draft = draft;
    return result;
}

TokenBodyParser::Change TokenBodyParser::parsePatch(const QByteArray &body)
{
    Change result;
    const auto object = parseObject(body, result.issues);
    if (!object)
        return result;
    checkMembers(*object,
                 {QStringLiteral("name"), QStringLiteral("status"), QStringLiteral("controls"),
                  QStringLiteral("labels")},
                 result.issues);
    TokenChange change;
    const QJsonValue name = object->value(QStringLiteral("name"));
    if (!name.isUndefined()) {
        if (!name.isString())
            result.issues.append(typeIssue(QStringLiteral("name"), "a string"));
        change.name = name.toString();
    }
    const QJsonValue status = object->value(QStringLiteral("status"));
    if (!status.isUndefined())
        change.status = readStatus(status, result.issues);
    const QJsonValue controls = object->value(QStringLiteral("controls"));
    if (!controls.isUndefined()) {
        readControls(controls, true, result.issues,
                     [&change](ControlKind kind, const QStringList &list) {
                         switch (kind) {
                         case ControlKind::Origin:
                             change.corsOrigins = list;
                             break;
                         case ControlKind::Url:
                             change.permittedUrls = list;
                             break;
                         case ControlKind::Ip:
                             change.ipRanges = list;
                             break;
                         }
                     });
    }
    const QJsonValue labels = object->value(QStringLiteral("labels"));
    if (!labels.isUndefined()) {
        if (!labels.isObject()) {
            result.issues.append(typeIssue(QStringLiteral("labels"), "an object"));
        } else {
            const QJsonObject map = labels.toObject();
            for (auto it = map.begin(); it != map.end(); ++it) {
                if (it.value().isNull())
                    change.labels.insert(it.key(), std::nullopt);
                else if (it.value().isString())
                    change.labels.insert(it.key(), it.value().toString());
                else
                    result.issues.append(
                        shapeIssue(QStringLiteral("labels.") + it.key(), "labels.value-invalid",
                                   QStringLiteral("A label value is a string, or null to "
                                                  "remove the label.")));
            }
        }
    }
    if (result.issues.isEmpty())
        result.change = change;
    return result;
}

} // namespace tokendesk::sandbox
