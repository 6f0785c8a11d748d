#pragma once

#include "validation/Severity.h"

#include <QList>
#include <QString>
#include <optional>

namespace tokendesk::domain {

// A problem with one field of a token, as the portal reports it in problem details:
// "controls.cors_origins" entry 1 breaks rule "origin.trailing-slash".
struct FieldIssue
{
    QString field;
    std::optional<int> index; // 0-based entry of a list field
    QString rule;
    QString message;
    validation::Severity severity = validation::Severity::Error;
};

using FieldIssues = QList<FieldIssue>;

bool hasErrorIssue(const FieldIssues &issues);

} // namespace tokendesk::domain
