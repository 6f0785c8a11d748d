#pragma once

#include "EntryResult.h"

#include <QList>

namespace tokendesk::validation {

// The verdict on one control's list: each non-empty entry, and the list rules.
struct ListResult
{
    QList<EntryResult> entries;
    Findings listFindings;

    bool isValid() const;
    // Canonical forms of the valid entries, in order.
    QStringList canonicalEntries() const;
};

} // namespace tokendesk::validation
