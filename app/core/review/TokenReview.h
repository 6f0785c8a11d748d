#pragma once

#include "Grade.h"
#include "ReviewFinding.h"

#include <QDateTime>
#include <QList>

namespace tokendesk::review {

// The review of one token: its findings (most severe first), grade and rotation dates.
// Disabled tokens are reviewed too but graded separately: `disabled` tells views to keep
// them out of a deployment's worst grade.
struct TokenReview
{
    Grade grade = Grade::A;
    bool disabled = false;
    QList<ReviewFinding> findings;
    QDateTime rotationDue; // UTC: when the token's value should have been replaced

    std::optional<ReviewSeverity> worstSeverity() const;
    bool hasFinding(const QString &rule) const;
    const ReviewFinding *finding(const QString &rule) const;
};

} // namespace tokendesk::review
