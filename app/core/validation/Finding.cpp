#include "Finding.h"

#include "RuleCatalog.h"

#include <algorithm>

namespace tokendesk::validation {

Finding Finding::fromRule(const char *ruleId, const QStringList &arguments)
{
    const RuleDefinition &rule = RuleCatalog::rule(ruleId);
    Finding finding;
    finding.rule = QString::fromLatin1(rule.id);
    finding.severity = rule.severity;
    finding.message = RuleCatalog::message(rule, arguments);
    return finding;
}

bool hasError(const Findings &findings)
{
    return std::any_of(findings.cbegin(), findings.cend(),
                       [](const Finding &f) { return f.severity == Severity::Error; });
}

bool hasRule(const Findings &findings, const QString &ruleId)
{
    return std::any_of(findings.cbegin(), findings.cend(),
                       [&](const Finding &f) { return f.rule == ruleId; });
}

} // namespace tokendesk::validation
