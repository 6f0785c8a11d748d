#pragma once

#include <QElapsedTimer>

namespace tokendesk::sandbox {

// --rate-limit N: a token bucket refilled at N per minute that holds ten seconds' worth of
// requests (at least one), so bursts are short and Retry-After stays small.
class RateLimiter
{
public:
    explicit RateLimiter(int perMinute);

    // 0 when the request may go ahead, else the seconds to wait (for Retry-After).
    int admit();

private:
    int m_perMinute;
    double m_capacity;
    double m_tokens;
    QElapsedTimer m_clock;
    qint64 m_lastMs = 0;
};

} // namespace tokendesk::sandbox
