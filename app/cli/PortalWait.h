#pragma once

#include "portal/PortalCall.h"
#include "portal/PortalResult.h"

#include <QEventLoop>
#include <functional>

namespace tokendesk::cli {

// Runs an asynchronous call to its end in a local event loop: `start` is given the callback
// that receives the answer. For the command line (and its tests) only: library code and the
// desktop app react to the callback instead.
template <typename Answer>
Answer waitForAnswer(const std::function<void(std::function<void(const Answer &)>)> &start)
{
    QEventLoop loop;
    Answer answer{};
    bool done = false;
    start([&](const Answer &received) {
        answer = received;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return answer;
}

// The same for a portal call.
template <typename T>
portal::PortalResult<T>
waitFor(const std::function<portal::PortalCall *(portal::PortalCallback<T>)> &start)
{
    return waitForAnswer<portal::PortalResult<T>>(
        [&](std::function<void(const portal::PortalResult<T> &)> done) { start(done); });
}

} // namespace tokendesk::cli
