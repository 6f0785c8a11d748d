#pragma once

#include <QString>

namespace tokendesk::validation {

// How much a finding matters: errors block saving, warnings feed the security review,
// info records a normalisation.
enum class Severity { Info, Warning, Error };

QString severityName(Severity severity);

} // namespace tokendesk::validation
