#pragma once

#include "domain/Token.h"

#include <optional>

namespace tokendesk::store {

// A token as the workspace holds it: what the user sees (`local`, with pending edits
// applied) and what the portal last confirmed (`server`; none for Local-profile tokens and
// for tokens created offline and not yet pushed).
struct TokenRecord
{
    QString profileId;
    domain::Token local;
    std::optional<domain::Token> server;
};

} // namespace tokendesk::store
