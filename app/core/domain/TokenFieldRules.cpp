#include "TokenFieldRules.h"

#include "validation/ControlValidator.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace tokendesk::domain {

using namespace tokendesk::validation;

namespace {

FieldIssue errorIssue(const QString &field, const char *rule, const QString &message,
                      std::optional<int> index = std::nullopt)
{
    return FieldIssue{field, index, QString::fromLatin1(rule), message, Severity::Error};
}

QString tr(const char *text)
{
    return QCoreApplication::translate("TokenFieldRules", text);
}

} // namespace

FieldIssues TokenFieldRules::checkName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return {errorIssue(QStringLiteral("name"), "token.name-empty",
                           tr("A token needs a name."))};
    if (name.size() > kMaxNameLength)
        return {errorIssue(QStringLiteral("name"), "token.name-too-long",
                           tr("A token name has at most %1 characters.").arg(kMaxNameLength))};
    return {};
}

bool TokenFieldRules::isValidLabelKey(const QString &key)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_.-]{0,62}$"));
    return pattern.match(key).hasMatch();
}

FieldIssues TokenFieldRules::checkLabels(const Labels &labels)
{
    FieldIssues issues;
    if (labels.size() > kMaxLabels)
        issues.append(errorIssue(QStringLiteral("labels"), "labels.too-many",
                                 tr("A token carries at most %1 labels.").arg(kMaxLabels)));
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        const QString field = QStringLiteral("labels.") + it.key();
        if (!isValidLabelKey(it.key()))
            issues.append(errorIssue(
                field, "labels.key-invalid",
                tr("A label name starts with a lower-case letter and uses only a-z, 0-9, "
                   "'_', '.' and '-' (at most 63 characters).")));
        if (it.value().size() > kMaxLabelValueLength)
            issues.append(errorIssue(
                field, "labels.value-invalid",
                tr("A label value has at most %1 characters.").arg(kMaxLabelValueLength)));
    }
    return issues;
}

FieldIssues TokenFieldRules::checkControlList(ControlKind kind, const QStringList &entries)
{
    const QString field = QStringLiteral("controls.") + controlFieldName(kind);
    FieldIssues issues;
    for (int i = 0; i < entries.size(); ++i) {
        if (entries.at(i).trimmed().isEmpty())
            issues.append(errorIssue(field, "entry.empty", tr("An entry may not be empty."), i));
    }
    if (!issues.isEmpty())
        return issues; // indices below would not line up with the entries sent

    const ListResult result = ControlValidator::validateList(kind, entries);
    for (int i = 0; i < result.entries.size(); ++i) {
        for (const Finding &finding : result.entries.at(i).findings)
            issues.append(FieldIssue{field, i, finding.rule, finding.message, finding.severity});
    }
    for (const Finding &finding : result.listFindings) {
        // The entry to point at: the duplicate (the later of two), the redundant entry (the
        // inner one, listed first), the first entry over the limit.
        std::optional<int> index;
        if (!finding.entries.isEmpty())
            index = finding.rule == QLatin1String("list.duplicate") ? finding.entries.last()
                                                                     : finding.entries.first();
        issues.append(FieldIssue{field, index, finding.rule, finding.message, finding.severity});
    }
    return issues;
}

FieldIssues TokenFieldRules::checkControls(const SecurityControls &controls)
{
    FieldIssues issues;
    for (ControlKind kind : {ControlKind::Origin, ControlKind::Url, ControlKind::Ip})
        issues += checkControlList(kind, controls.list(kind));
    return issues;
}

FieldIssues TokenFieldRules::checkDraft(const TokenDraft &draft)
{
    return checkName(draft.name) + checkLabels(draft.labels) + checkControls(draft.controls);
}

} // namespace tokendesk::domain
