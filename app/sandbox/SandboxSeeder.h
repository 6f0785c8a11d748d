#pragma once

#include "SandboxStore.h"

namespace tokendesk::sandbox {

// Fills an empty sandbox: "demo" gives three deployments and about 40 tokens with realistic
// names and a mix of good, weak and broken controls (some overdue for rotation); a number
// gives that many tokens in one deployment, the same every time, for benchmarks.
class SandboxSeeder
{
public:
    // Returns an error message, empty on success. Seeds nothing when the store has data.
    static QString seed(SandboxStore &store, const QString &seed, const QDateTime &now);

private:
    static bool seedDemo(SandboxStore &store, const QDateTime &now);
    static bool seedCount(SandboxStore &store, int count, const QDateTime &now);
};

} // namespace tokendesk::sandbox
