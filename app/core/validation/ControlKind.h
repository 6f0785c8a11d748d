#pragma once

#include <QString>
#include <optional>

namespace tokendesk::validation {

// The three security controls a portal token carries.
enum class ControlKind { Origin, Url, Ip };

// Stable command-line and file names: "origin", "url", "ip".
QString controlKindName(ControlKind kind);
std::optional<ControlKind> controlKindFromName(const QString &name);

// The portal accepts at most this many entries per control.
constexpr int kMaxEntriesPerControl = 5;

} // namespace tokendesk::validation
