#include "TokenNotes.h"

#include <QStringList>

namespace tokendesk::domain {

bool TokenLabels::isUsageModel(const QString &value)
{
    return value == QLatin1String("browser") || value == QLatin1String("backend");
}

bool TokenLabels::isEnvironment(const QString &value)
{
    static const QStringList environments = {QStringLiteral("production"), QStringLiteral("staging"),
                                             QStringLiteral("development"), QStringLiteral("test")};
    return environments.contains(value);
}

} // namespace tokendesk::domain
