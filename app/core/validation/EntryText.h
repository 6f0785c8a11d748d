#pragma once

#include "FindingCollector.h"

#include <QString>

namespace tokendesk::validation {

// The rules every entry shares, applied before any kind-specific parsing: trimming, length,
// white space inside, invisible characters.
class EntryText
{
public:
    static constexpr int kMaxLength = 2048;

    static QString trimmed(const QString &raw) { return raw.trimmed(); }
    // Adds entry.* findings for the trimmed text; true when the text may be parsed further.
    static bool check(const QString &trimmedText, FindingCollector &findings);
};

} // namespace tokendesk::validation
