#pragma once

#include "domain/TokenKind.h"

#include <QRandomGenerator>
#include <QString>

namespace tokendesk::sandbox {

// Secret values the sandbox issues, and the masked form lists show instead.
class TokenValues
{
public:
    // "tdk_api_" + 32 base62 characters (about 190 bits).
    static QString generate(domain::TokenKind kind, QRandomGenerator &random);
    // "tdk_api_••••••••3f9a": the prefix and the last four characters.
    static QString mask(const QString &value);
    // An opaque identifier such as "tok_5KX0b8…" (prefix + 16 base62 characters).
    static QString identifier(const char *prefix, QRandomGenerator &random);
};

} // namespace tokendesk::sandbox
