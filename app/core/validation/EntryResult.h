#pragma once

#include "Finding.h"

#include <QString>

namespace tokendesk::validation {

// The verdict on one entry of a control: its canonical form (empty when it has an error)
// and everything the rules found.
struct EntryResult
{
    QString input;
    QString canonical;
    Findings findings;

    bool isValid() const { return !hasError(findings); }
};

} // namespace tokendesk::validation
