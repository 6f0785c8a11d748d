#pragma once

#include "Severity.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace tokendesk::validation {

// One result of a rule: a stable rule id, its severity, a translated message and, where the
// rule defines one, the value the user most likely meant. A fix is always a value that
// validates without error.
struct Finding
{
    QString rule;
    Severity severity = Severity::Info;
    QString message;
    std::optional<QString> fix;
    QList<int> entries; // list findings: the (0-based) entries concerned

    // Builds a finding from the rule catalogue: severity and translated message.
    static Finding fromRule(const char *ruleId, const QStringList &arguments = {});
};

using Findings = QList<Finding>;

bool hasError(const Findings &findings);
bool hasRule(const Findings &findings, const QString &ruleId);

} // namespace tokendesk::validation
