#pragma once

#include <QString>

namespace tokendesk::validation {

// Normalises the path of a permitted URL as browsers send it: percent-escapes upper-cased,
// unreserved characters decoded, other characters encoded, dot-segments resolved.
class PathNormaliser
{
public:
    struct Result
    {
        QString path;
        QString malformedEscape; // the first bad "%xy", when there is one
    };

    static Result normalise(const QString &path);
    // RFC 3986, section 5.2.4.
    static QString removeDotSegments(const QString &path);
};

} // namespace tokendesk::validation
