#pragma once

#include "EntryResult.h"

#include <QString>

namespace tokendesk::validation {

// CORS origin domains: the canonical form is what a browser sends in the Origin header,
// scheme://host[:port], with *.name allowed below a domain that is not a public suffix.
class OriginValidator
{
public:
    // input must be non-empty after trimming (empty entries are ignored by the caller).
    static EntryResult validate(const QString &input);
};

} // namespace tokendesk::validation
