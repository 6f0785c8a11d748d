#include "TokenDraft.h"

namespace tokendesk::domain {

bool TokenChange::isEmpty() const
{
    return !name && !status && !corsOrigins && !permittedUrls && !ipRanges && labels.isEmpty();
}

} // namespace tokendesk::domain
