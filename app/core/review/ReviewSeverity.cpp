#include "ReviewSeverity.h"

namespace tokendesk::review {

QString reviewSeverityName(ReviewSeverity severity)
{
    switch (severity) {
    case ReviewSeverity::Low:
        return QStringLiteral("low");
    case ReviewSeverity::Medium:
        return QStringLiteral("medium");
    case ReviewSeverity::High:
        return QStringLiteral("high");
    case ReviewSeverity::Critical:
        return QStringLiteral("critical");
    }
    return {};
}

std::optional<ReviewSeverity> reviewSeverityFromName(const QString &name)
{
    for (ReviewSeverity severity : {ReviewSeverity::Low, ReviewSeverity::Medium,
                                    ReviewSeverity::High, ReviewSeverity::Critical}) {
        if (reviewSeverityName(severity) == name)
            return severity;
    }
    return std::nullopt;
}

} // namespace tokendesk::review
