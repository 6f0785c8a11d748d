#pragma once

#include "PortalCall.h"
#include "PortalResult.h"

#include <QEventLoop>
#include <functional>

namespace tokendesk::portal {

// Runs one asynchronous portal call to its end in a local event loop: for the command line
// and tests only. The desktop app never waits like this; it reacts to the callback.
template <typename T>
PortalResult<T> waitFor(const std::function<PortalCall *(PortalCallback<T>)> &start)
{
    QEventLoop loop;
    PortalResult<T> result;
    bool done = false;
    start([&](const PortalResult<T> &r) {
        result = r;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return result;
}

} // namespace tokendesk::portal
