#pragma once

namespace tokendesk::cli {

// Exit statuses of tokendesk-cli, documented in docs/validation.md.
enum ExitCode : int {
    Success = 0,       // nothing had an error
    FindingsError = 1, // a value or list has an error
    UsageError = 2,    // bad arguments, unknown kind, unreadable input
};

} // namespace tokendesk::cli
