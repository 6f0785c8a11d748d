#pragma once

#include <QString>
#include <optional>

namespace tokendesk::validation {

// An origin or permitted-URL entry cut into its parts, before any rule is applied. Lenient on
// purpose: the validators decide what each part may hold.
struct UrlParts
{
    QString scheme;            // lower case; empty when none was written
    bool opaqueScheme = false; // "mailto:x", "javascript:..." (a scheme without //)
    bool hasUserinfo = false;
    QString host;
    bool hasPort = false;
    QString port;
    QString path;
    bool hasQuery = false;
    QString query;
    bool hasFragment = false;
    QString fragment;

    static UrlParts split(const QString &entry);
    // A port of 1 to 65535 written in digits; nullopt otherwise.
    static std::optional<int> parsePort(const QString &text);
    static int defaultPort(const QString &scheme);
};

} // namespace tokendesk::validation
