#include "ListResult.h"

#include <algorithm>

namespace tokendesk::validation {

bool ListResult::isValid() const
{
    return !hasError(listFindings) &&
           std::all_of(entries.cbegin(), entries.cend(),
                       [](const EntryResult &entry) { return entry.isValid(); });
}

QStringList ListResult::canonicalEntries() const
{
    QStringList result;
    for (const EntryResult &entry : entries) {
        if (entry.isValid())
            result.append(entry.canonical);
    }
    return result;
}

} // namespace tokendesk::validation
