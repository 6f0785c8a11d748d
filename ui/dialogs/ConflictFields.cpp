#include "ConflictFields.h"

#include "domain/TokenFieldRules.h"
#include "validation/ControlValidator.h"

namespace tokendesk::ui {

using namespace tokendesk::domain;
using validation::ControlKind;

namespace {

const QString kLabelPrefix = QStringLiteral("labels.");

QStringList fixedFields()
{
    return {QStringLiteral("name"), QStringLiteral("status"),
            QStringLiteral("controls.cors_origins"), QStringLiteral("controls.permitted_urls"),
            QStringLiteral("controls.ip_ranges")};
}

QStringList allFields(const Token &token)
{
    QStringList fields = fixedFields();
    for (auto it = token.labels.cbegin(); it != token.labels.cend(); ++it)
        fields.append(kLabelPrefix + it.key());
    return fields;
}

} // namespace

QStringList ConflictFields::fieldsOf(const store::Conflict &conflict)
{
    QStringList fields;
    for (const QString &field : conflict.fields) {
        if (field == QLatin1String("name") || field == QLatin1String("status") ||
            controlKind(field) || field.startsWith(kLabelPrefix))
            fields.append(field);
    }
    if (conflict.mine && conflict.theirs) {
        QStringList candidates = allFields(*conflict.mine) + allFields(*conflict.theirs);
        candidates.removeDuplicates();
        for (const QString &field : std::as_const(candidates)) {
            if (!fields.contains(field) &&
                value(*conflict.mine, field) != value(*conflict.theirs, field))
                fields.append(field);
        }
    }
    return fields;
}

QString ConflictFields::label(const QString &field)
{
    if (field == QLatin1String("name"))
        return tr("Name");
    if (field == QLatin1String("status"))
        return tr("Status");
    if (const auto kind = controlKind(field)) {
        switch (*kind) {
        case ControlKind::Origin:
            return tr("CORS origins");
        case ControlKind::Url:
            return tr("Permitted URLs");
        case ControlKind::Ip:
            return tr("IP ranges");
        }
    }
    if (field.startsWith(kLabelPrefix))
        return tr("Label “%1”").arg(field.mid(kLabelPrefix.size()));
    return field;
}

QString ConflictFields::objectPrefix(const QString &field)
{
    if (const auto kind = controlKind(field)) {
        switch (*kind) {
        case ControlKind::Origin:
            return QStringLiteral("corsOrigins");
        case ControlKind::Url:
            return QStringLiteral("permittedUrls");
        case ControlKind::Ip:
            return QStringLiteral("ipRanges");
        }
    }
    return field;
}

std::optional<ControlKind> ConflictFields::controlKind(const QString &field)
{
    for (ControlKind kind : {ControlKind::Origin, ControlKind::Url, ControlKind::Ip}) {
        if (field == QString(QLatin1String("controls.") + controlFieldName(kind)))
            return kind;
    }
    return std::nullopt;
}

std::optional<QStringList> ConflictFields::value(const Token &token, const QString &field)
{
    if (field == QLatin1String("name"))
        return QStringList{token.name};
    if (field == QLatin1String("status"))
        return QStringList{tokenStatusName(token.status)};
    if (const auto kind = controlKind(field))
        return token.controls.list(*kind);
    if (field.startsWith(kLabelPrefix)) {
        const auto it = token.labels.constFind(field.mid(kLabelPrefix.size()));
        if (it != token.labels.cend())
            return QStringList{*it};
    }
    return std::nullopt;
}

void ConflictFields::setValue(Token &token, const QString &field,
                              const std::optional<QStringList> &value)
{
    const QString single = value ? value->join(QLatin1Char(' ')) : QString();
    if (field == QLatin1String("name")) {
        token.name = single;
    } else if (field == QLatin1String("status")) {
        if (const auto status = tokenStatusFromName(single))
            token.status = *status;
    } else if (const auto kind = controlKind(field)) {
        token.controls.list(*kind) = value.value_or(QStringList());
    } else if (field.startsWith(kLabelPrefix)) {
        const QString key = field.mid(kLabelPrefix.size());
        if (value)
            token.labels.insert(key, single);
        else
            token.labels.remove(key);
    }
}

QString ConflictFields::displayText(const std::optional<QStringList> &value)
{
    if (!value)
        return tr("(not set)");
    if (value->isEmpty())
        return tr("(none)");
    return value->join(QLatin1Char('\n'));
}

QStringList ConflictFields::problems(const QString &field, const std::optional<QStringList> &value,
                                     bool *hasError)
{
    QStringList errors;
    QStringList warnings;
    const auto add = [&](validation::Severity severity, const QString &message) {
        if (severity == validation::Severity::Error)
            errors.append(message);
        else if (severity == validation::Severity::Warning)
            warnings.append(tr("Warning: %1").arg(message));
    };
    if (const auto kind = controlKind(field)) {
        const validation::ListResult result =
            validation::ControlValidator::validateList(*kind, value.value_or(QStringList()));
        for (const validation::EntryResult &entry : result.entries) {
            for (const validation::Finding &finding : entry.findings)
                add(finding.severity, tr("“%1”: %2").arg(entry.input, finding.message));
        }
        for (const validation::Finding &finding : result.listFindings)
            add(finding.severity, finding.message);
    } else if (value) {
        FieldIssues issues;
        if (field == QLatin1String("name"))
            issues = TokenFieldRules::checkName(value->join(QLatin1Char(' ')));
        else if (field.startsWith(kLabelPrefix))
            issues = TokenFieldRules::checkLabels(
                Labels{{field.mid(kLabelPrefix.size()), value->join(QLatin1Char(' '))}});
        for (const FieldIssue &issue : issues)
            add(issue.severity, issue.message);
    }
    if (hasError)
        *hasError = !errors.isEmpty();
    return errors + warnings;
}

} // namespace tokendesk::ui
