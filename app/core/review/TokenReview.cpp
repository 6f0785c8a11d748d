#include "TokenReview.h"

namespace tokendesk::review {

std::optional<ReviewSeverity> TokenReview::worstSeverity() const
{
    std::optional<ReviewSeverity> worst;
    for (const ReviewFinding &finding : findings) {
        if (!worst || finding.severity > *worst)
            worst = finding.severity;
    }
    return worst;
}

bool TokenReview::hasFinding(const QString &rule) const
{
    return finding(rule) != nullptr;
}

const ReviewFinding *TokenReview::finding(const QString &rule) const
{
    for (const ReviewFinding &candidate : findings) {
        if (candidate.rule == rule)
            return &candidate;
    }
    return nullptr;
}

} // namespace tokendesk::review
