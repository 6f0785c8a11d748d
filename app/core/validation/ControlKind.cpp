#include "ControlKind.h"

namespace tokendesk::validation {

QString controlKindName(ControlKind kind)
{
    switch (kind) {
    case ControlKind::Origin:
        return QStringLiteral("origin");
    case ControlKind::Url:
        return QStringLiteral("url");
    case ControlKind::Ip:
        return QStringLiteral("ip");
    }
    return QString();
}

std::optional<ControlKind> controlKindFromName(const QString &name)
{
    for (auto kind : {ControlKind::Origin, ControlKind::Url, ControlKind::Ip}) {
        if (controlKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

} // namespace tokendesk::validation
