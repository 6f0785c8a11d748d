#pragma once

#include "PortalError.h"

#include <functional>
#include <optional>
#include <variant>

namespace tokendesk::portal {

// A value, or the error that prevented it.
template <typename T>
struct PortalResult
{
    std::optional<T> value;
    PortalError error;

    bool ok() const { return !error.isError() && value.has_value(); }
    static PortalResult success(T v) { return PortalResult{std::move(v), {}}; }
    static PortalResult failure(PortalError e) { return PortalResult{std::nullopt, std::move(e)}; }
};

using Done = std::monostate;

template <typename T>
using PortalCallback = std::function<void(const PortalResult<T> &)>;

} // namespace tokendesk::portal
