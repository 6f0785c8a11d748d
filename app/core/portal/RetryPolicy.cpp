#include "RetryPolicy.h"

#include <algorithm>

namespace tokendesk::portal {

int RetryPolicy::backoffMs(int attempt, QRandomGenerator &random) const
{
    const int shift = std::clamp(attempt - 1, 0, 20);
    const qint64 exponential = qint64(baseDelayMs) << shift;
    const int ceiling = int(std::min<qint64>(exponential, maxDelayMs));
    const int half = ceiling / 2;
    return half + int(random.bounded(half + 1));
}

} // namespace tokendesk::portal
