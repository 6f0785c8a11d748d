#pragma once

#include <QLoggingCategory>

// Debug output of the portal client: methods, paths, statuses, timings and retry decisions.
// Never a header, a body, a secret or an access token.
Q_DECLARE_LOGGING_CATEGORY(lcPortal)
