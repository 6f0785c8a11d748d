#include "PortalError.h"

namespace tokendesk::portal {

bool PortalError::isTransient() const
{
    switch (kind) {
    case PortalErrorKind::Network:
    case PortalErrorKind::Timeout:
    case PortalErrorKind::RateLimited:
    case PortalErrorKind::Server:
        return true;
    default:
        return false;
    }
}

QString PortalError::kindName(PortalErrorKind kind)
{
    switch (kind) {
    case PortalErrorKind::None:
        return QStringLiteral("none");
    case PortalErrorKind::InvalidEndpoint:
        return QStringLiteral("invalid-endpoint");
    case PortalErrorKind::Network:
        return QStringLiteral("network");
    case PortalErrorKind::Timeout:
        return QStringLiteral("timeout");
    case PortalErrorKind::Tls:
        return QStringLiteral("tls");
    case PortalErrorKind::Unauthorized:
        return QStringLiteral("unauthorized");
    case PortalErrorKind::Forbidden:
        return QStringLiteral("forbidden");
    case PortalErrorKind::NotFound:
        return QStringLiteral("not-found");
    case PortalErrorKind::Conflict:
        return QStringLiteral("conflict");
    case PortalErrorKind::PreconditionFailed:
        return QStringLiteral("precondition-failed");
    case PortalErrorKind::PreconditionRequired:
        return QStringLiteral("precondition-required");
    case PortalErrorKind::Validation:
        return QStringLiteral("validation");
    case PortalErrorKind::RateLimited:
        return QStringLiteral("rate-limited");
    case PortalErrorKind::Server:
        return QStringLiteral("server");
    case PortalErrorKind::Protocol:
        return QStringLiteral("protocol");
    case PortalErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

} // namespace tokendesk::portal
