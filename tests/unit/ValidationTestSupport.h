#pragma once

#include "validation/ControlValidator.h"
#include "validation/EntryResult.h"
#include "validation/Finding.h"

#include <QStringList>
#include <QTest>
#include <algorithm>

// Helpers shared by the validation test tables.
namespace tokendesk::validation::testing {

// The rule ids of a result, sorted and comma-joined, so that a table row states them all.
inline QString ruleIds(const Findings &findings)
{
    QStringList ids;
    for (const Finding &finding : findings)
        ids.append(finding.rule);
    std::sort(ids.begin(), ids.end());
    return ids.join(QLatin1Char(','));
}

inline QString sortedRules(const QString &commaJoined)
{
    QStringList ids = commaJoined.split(QLatin1Char(','), Qt::SkipEmptyParts);
    std::sort(ids.begin(), ids.end());
    return ids.join(QLatin1Char(','));
}

// The fix of the first error, or of the named rule.
inline QString fixOf(const Findings &findings, const QString &rule = QString())
{
    for (const Finding &finding : findings) {
        const bool wanted = rule.isEmpty() ? finding.severity == Severity::Error : finding.rule == rule;
        if (wanted)
            return finding.fix.value_or(QString());
    }
    return QString();
}

// Whatever an entry's findings offer as a fix must itself be a valid, canonical entry.
inline void verifyFixesValidate(ControlKind kind, const QString &input)
{
    const auto result = ControlValidator::validateEntry(kind, input);
    QVERIFY(result);
    for (const Finding &finding : result->findings) {
        if (!finding.fix)
            continue;
        const auto fixed = ControlValidator::validateEntry(kind, *finding.fix);
        QVERIFY2(fixed && fixed->isValid(), qPrintable(finding.rule + QStringLiteral(" → ") + *finding.fix));
        QCOMPARE(fixed->canonical, *finding.fix);
    }
}

} // namespace tokendesk::validation::testing
