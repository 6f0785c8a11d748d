#pragma once

#include <QString>
#include <optional>

namespace tokendesk::review {

// How much a review finding weighs on a token's grade (validation-rules.md, "Security review").
enum class ReviewSeverity { Low, Medium, High, Critical };

// Stable names: "low", "medium", "high", "critical".
QString reviewSeverityName(ReviewSeverity severity);
std::optional<ReviewSeverity> reviewSeverityFromName(const QString &name);

} // namespace tokendesk::review
