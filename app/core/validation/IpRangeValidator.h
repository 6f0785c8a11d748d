#pragma once

#include "EntryResult.h"
#include "FindingCollector.h"
#include "IpAddress.h"

#include <QString>
#include <optional>

namespace tokendesk::validation {

// IP whitelist entries: an address, a CIDR network or an inclusive range, written in
// canonical form and classified against the IANA special-purpose blocks.
class IpRangeValidator
{
public:
    // input must be non-empty after trimming (empty entries are ignored by the caller).
    static EntryResult validate(const QString &input);

private:
    static std::optional<IpAddress> parseAddress(QStringView text, FindingCollector &findings);
};

} // namespace tokendesk::validation
