#pragma once

#include "EntryResult.h"

#include <QString>

namespace tokendesk::validation {

// Permitted URLs: [scheme://]host[:port][/path], where a missing scheme admits http and
// https, and a single trailing * makes the path a prefix.
class PermittedUrlValidator
{
public:
    // input must be non-empty after trimming (empty entries are ignored by the caller).
    static EntryResult validate(const QString &input);
};

} // namespace tokendesk::validation
