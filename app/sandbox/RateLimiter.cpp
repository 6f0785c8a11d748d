#include "RateLimiter.h"

#include <algorithm>
#include <cmath>

namespace tokendesk::sandbox {

RateLimiter::RateLimiter(int perMinute)
    : m_perMinute(perMinute)
    , m_capacity(std::max(1.0, perMinute / 6.0))
    , m_tokens(m_capacity)
{
    m_clock.start();
}

int RateLimiter::admit()
{
    if (m_perMinute <= 0)
        return 0;
    const double perMs = m_perMinute / 60000.0;
    const qint64 now = m_clock.elapsed();
    m_tokens = std::min(m_capacity, m_tokens + double(now - m_lastMs) * perMs);
    m_lastMs = now;
    if (m_tokens >= 1.0) {
        m_tokens -= 1.0;
        return 0;
    }
    return std::max(1, int(std::ceil((1.0 - m_tokens) / perMs / 1000.0)));
}

} // namespace tokendesk::sandbox
