#pragma once

#include "ReviewSeverity.h"

#include <QString>
#include <optional>

namespace tokendesk::review {

// A token's grade: A (nothing above low), B (medium), C (high), F (critical). Ordered from
// best to worst so that "the worst grade" of a group is its maximum.
enum class Grade { A, B, C, F };

QString gradeName(Grade grade); // "A", "B", "C", "F"
std::optional<Grade> gradeFromName(const QString &name);
// The grade a token gets when its most severe finding is `worst` (none: A).
Grade gradeFor(std::optional<ReviewSeverity> worst);

} // namespace tokendesk::review
