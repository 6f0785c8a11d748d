#pragma once

#include "FindingCollector.h"

#include <QString>

namespace tokendesk::validation {

// The host rules shared by CORS origins and permitted URLs: IDNA conversion, label rules,
// IP literals, wildcards over public suffixes.
class HostValidator
{
public:
    enum class Context { Origin, Url };

    struct Result
    {
        QString canonical; // as written in the entry: "xn--bcher-kva.de", "[::1]", "*.example.com"
        bool loopback = false;
    };

    static Result check(const QString &host, Context context, FindingCollector &findings);
    // localhost, names below .localhost, 127.0.0.0/8 and [::1] (canonical forms).
    static bool isLoopback(const QString &canonicalHost);

private:
    static std::optional<QString> checkName(const QString &name, FindingCollector &findings,
                                            bool &loopback, bool allowIpLiteral);
};

} // namespace tokendesk::validation
