#pragma once

#include <QString>

namespace tokendesk::secrets {

// Why the keychain could not do what was asked, with a message that says what to do.
struct SecretError
{
    enum class Kind {
        None,
        NotFound,    // no such item
        NoKeychain,  // no keychain service (Secret Service, Keychain, Credential Manager)
        Locked,      // the keychain is locked or access was denied
        Timeout,     // no answer (a hidden unlock prompt, a hung service)
        Other,
    };
    Kind kind = Kind::None;
    QString message;

    bool isError() const { return kind != Kind::None; }
};

} // namespace tokendesk::secrets
