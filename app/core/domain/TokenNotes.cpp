#include "TokenNotes.h"

#include <QStringList>

namespace tokendesk::domain {

bool TokenLabels::isUsageModel(const QString &value)
{
    return value == QLatin1String("browser") || value == QLatin1String("backend");
}

QStringList TokenLabels::environments()
{
    return {QStringLiteral("production"), QStringLiteral("staging"), QStringLiteral("development"),
            QStringLiteral("test")};
}

bool TokenLabels::isEnvironment(const QString &value)
{
    return environments().contains(value);
}

} // namespace tokendesk::domain
