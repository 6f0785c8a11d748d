#pragma once

#include "domain/FieldIssue.h"

#include <QString>
#include <optional>

namespace tokendesk::portal {

// Why a portal request failed, in the terms the rest of TokenDesk acts on.
enum class PortalErrorKind {
    None,
    InvalidEndpoint,      // the URL is not one TokenDesk will talk to
    Network,              // refused, reset, unreachable, closed mid-response
    Timeout,              // no progress within the transfer timeout
    Tls,                  // certificate or handshake problem: never ignored
    Unauthorized,         // wrong client id or secret, or 401 after a fresh token
    Forbidden,            // the client's role may not do this
    NotFound,             // 404
    Conflict,             // 409, e.g. regenerating the secret of a non-OAuth token
    PreconditionFailed,   // 412: someone else changed the token
    PreconditionRequired, // 428: the request lacked If-Match (a client bug)
    Validation,           // 400 or 422 with field issues carrying rule ids
    RateLimited,          // 429 and the wait is longer than the client will sleep
    Server,               // 5xx after the retries
    Protocol,             // a response that does not follow the contract
    Cancelled,            // the caller cancelled
};

struct PortalError
{
    PortalErrorKind kind = PortalErrorKind::None;
    int httpStatus = 0;
    QString message; // for people: what happened, without secrets
    QString problemType; // "urn:tokendesk:problem:…" when the portal sent one
    domain::FieldIssues fieldIssues;
    std::optional<qint64> currentVersion; // 412
    int retryAfterSeconds = 0;            // 429 / 503

    bool isError() const { return kind != PortalErrorKind::None; }
    // Failures that may go away by themselves: worth a retry later, or "offline".
    bool isTransient() const;
    static QString kindName(PortalErrorKind kind); // "network", "timeout", …
};

} // namespace tokendesk::portal
