#include "Grade.h"

namespace tokendesk::review {

QString gradeName(Grade grade)
{
    switch (grade) {
    case Grade::A:
        return QStringLiteral("A");
    case Grade::B:
        return QStringLiteral("B");
    case Grade::C:
        return QStringLiteral("C");
    case Grade::F:
        return QStringLiteral("F");
    }
    return {};
}

std::optional<Grade> gradeFromName(const QString &name)
{
    for (Grade grade : {Grade::A, Grade::B, Grade::C, Grade::F}) {
        if (gradeName(grade).compare(name, Qt::CaseInsensitive) == 0)
            return grade;
    }
    return std::nullopt;
}

Grade gradeFor(std::optional<ReviewSeverity> worst)
{
    if (!worst)
        return Grade::A;
    switch (*worst) {
    case ReviewSeverity::Low:
        return Grade::A;
    case ReviewSeverity::Medium:
        return Grade::B;
    case ReviewSeverity::High:
        return Grade::C;
    case ReviewSeverity::Critical:
        return Grade::F;
    }
    return Grade::A;
}

} // namespace tokendesk::review
