#pragma once

namespace tokendesk::secrets {

// Keeps secrets in memory out of crash files: no core dumps, and (Linux) no ptrace attach or
// /proc/<pid>/mem reads by other processes of the same user. Release builds call apply() at
// start; debug builds keep core dumps for developers.
class ProcessHardening
{
public:
    // Returns false if a step could not be applied (the process goes on regardless).
    static bool apply();
    static bool coreDumpsDisabled();
};

} // namespace tokendesk::secrets
