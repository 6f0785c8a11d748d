#include "ProcessHardening.h"

#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace tokendesk::secrets {

bool ProcessHardening::apply()
{
    bool ok = true;
#ifdef Q_OS_UNIX
    const rlimit none{0, 0};
    ok = setrlimit(RLIMIT_CORE, &none) == 0 && ok;
#endif
#ifdef Q_OS_LINUX
    ok = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 && ok;
#endif
    return ok;
}

bool ProcessHardening::coreDumpsDisabled()
{
    bool disabled = true;
#ifdef Q_OS_UNIX
    rlimit limit{};
    disabled = getrlimit(RLIMIT_CORE, &limit) == 0 && limit.rlim_cur == 0;
#endif
#ifdef Q_OS_LINUX
    disabled = disabled && prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0;
#endif
    return disabled;
}

} // namespace tokendesk::secrets
