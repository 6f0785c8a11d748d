#include "SecurityControls.h"

namespace tokendesk::domain {

using validation::ControlKind;

const QStringList &SecurityControls::list(ControlKind kind) const
{
    switch (kind) {
    case ControlKind::Origin:
        return corsOrigins;
    case ControlKind::Url:
        return permittedUrls;
    case ControlKind::Ip:
        break;
    }
    return ipRanges;
}

QStringList &SecurityControls::list(ControlKind kind)
{
    return const_cast<QStringList &>(std::as_const(*this).list(kind));
}

bool SecurityControls::isEmpty() const
{
    return corsOrigins.isEmpty() && permittedUrls.isEmpty() && ipRanges.isEmpty();
}

QString controlFieldName(ControlKind kind)
{
    switch (kind) {
    case ControlKind::Origin:
        return QStringLiteral("cors_origins");
    case ControlKind::Url:
        return QStringLiteral("permitted_urls");
    case ControlKind::Ip:
        break;
    }
    return QStringLiteral("ip_ranges");
}

} // namespace tokendesk::domain
