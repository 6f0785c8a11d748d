#include "FindingCollector.h"

#include "RuleCatalog.h"

#include <algorithm>

namespace tokendesk::validation {

namespace {

bool fixIsCanonicalForm(const char *rule)
{
    return RuleCatalog::rule(rule).fix == FixKind::CanonicalForm;
}

} // namespace

void FindingCollector::add(const char *rule, const QStringList &arguments)
{
    m_pending.append({Finding::fromRule(rule, arguments), false, fixIsCanonicalForm(rule)});
}

void FindingCollector::addRepairable(const char *rule, const QStringList &arguments)
{
    m_pending.append({Finding::fromRule(rule, arguments), true, fixIsCanonicalForm(rule)});
}

void FindingCollector::addWithFix(const char *rule, const QStringList &arguments,
                                  const QString &fix)
{
    Finding finding = Finding::fromRule(rule, arguments);
    if (!fix.isEmpty())
        finding.fix = fix;
    m_pending.append({finding, false, false});
}

bool FindingCollector::hasError() const
{
    return std::any_of(m_pending.cbegin(), m_pending.cend(),
                       [](const Pending &p) { return p.finding.severity == Severity::Error; });
}

bool FindingCollector::hasUnrepairableError() const
{
    return std::any_of(m_pending.cbegin(), m_pending.cend(), [](const Pending &p) {
        return p.finding.severity == Severity::Error && !p.repairable;
    });
}

EntryResult FindingCollector::finish(const QString &input, const QString &candidate,
                                     const std::function<EntryResult(const QString &)> &validate)
{
    EntryResult result;
    result.input = input;
    std::optional<QString> canonicalFix;
    if (!hasError()) {
        result.canonical = candidate;
        canonicalFix = candidate;
    } else if (!hasUnrepairableError() && !candidate.isEmpty()) {
        const EntryResult repaired = validate(candidate);
        if (repaired.isValid())
            canonicalFix = repaired.canonical;
    }
    for (Pending &pending : m_pending) {
        if (pending.fixIsCanonical && canonicalFix &&
            (pending.repairable || pending.finding.severity != Severity::Error))
            pending.finding.fix = canonicalFix;
        // A specific fix (a warning's safer variant) is only offered on a valid entry.
        if (!pending.fixIsCanonical && pending.finding.fix && hasError())
            pending.finding.fix.reset();
        result.findings.append(pending.finding);
    }
    return result;
}

} // namespace tokendesk::validation
