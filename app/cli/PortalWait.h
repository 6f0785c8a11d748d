#pragma once

#include "portal/PortalCall.h"
#include "portal/PortalResult.h"

#include <QEventLoop>
#include <functional>

namespace tokendesk::cli {

// Runs one asynchronous portal call to its end in a local event loop. For the command line
// (and its tests) only: library code and the desktop app react to the callback instead.
template <typename T>
portal::PortalResult<T>
waitFor(const std::function<portal::PortalCall *(portal::PortalCallback<T>)> &start)
{
    QEventLoop loop;
    portal::PortalResult<T> result;
    bool done = false;
    start([&](const portal::PortalResult<T> &r) {
        result = r;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return result;
}

} // namespace tokendesk::cli
