#pragma once

#include <QRandomGenerator>

namespace tokendesk::portal {

// How often and how long to wait before repeating a request that failed transiently:
// exponential backoff with "equal jitter" (half fixed, half random), so that many clients
// that failed together do not come back together.
struct RetryPolicy
{
    int maxAttempts = 5;          // including the first
    int baseDelayMs = 250;        // before the second attempt, on average
    int maxDelayMs = 8000;        // backoff cap
    int maxRetryAfterSeconds = 60; // a longer Retry-After is reported, not slept through
    int transferTimeoutMs = 30000; // no bytes for this long: the attempt failed

    // attempt: 1 for the wait after the first failure.
    int backoffMs(int attempt, QRandomGenerator &random) const;
};

} // namespace tokendesk::portal
