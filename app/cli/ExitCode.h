#pragma once

namespace tokendesk::cli {

// Exit statuses of tokendesk-cli, documented in docs/validation.md and docs/portal-api.md.
enum ExitCode : int {
    Success = 0,       // nothing had an error
    FindingsError = 1, // a value or list has an error
    UsageError = 2,    // bad arguments, unknown kind, unreadable input
    PortalUnreachable = 3, // network, timeout, TLS, the portal failing (5xx) or off-contract
    PortalRefused = 4,     // wrong credentials, or the client's role may not do this
    WorkspaceUnusable = 5, // the workspace file is damaged, foreign, newer, or not writable
    KeychainUnavailable = 6, // no keychain, a locked one, or no answer from it
};

} // namespace tokendesk::cli
