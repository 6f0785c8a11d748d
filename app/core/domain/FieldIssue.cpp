#include "FieldIssue.h"

#include <algorithm>

namespace tokendesk::domain {

bool hasErrorIssue(const FieldIssues &issues)
{
    return std::any_of(issues.cbegin(), issues.cend(), [](const FieldIssue &issue) {
        return issue.severity == validation::Severity::Error;
    });
}

} // namespace tokendesk::domain
