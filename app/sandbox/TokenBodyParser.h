#pragma once

#include "domain/FieldIssue.h"
#include "domain/TokenDraft.h"

#include <QByteArray>
#include <optional>

namespace tokendesk::sandbox {

// Reads the JSON bodies of token writes. Shape errors (not JSON, wrong types, unknown or
// read-only fields) are reported as 400 issues; the values themselves are checked later by
// TokenFieldRules (422).
class TokenBodyParser
{
public:
    struct Draft
    {
        std::optional<domain::TokenDraft> draft;
        domain::FieldIssues issues;
    };
    struct Change
    {
        std::optional<domain::TokenChange> change;
        domain::FieldIssues issues;
    };

    static Draft parseCreate(const QByteArray &body);
    // A JSON merge patch (RFC 7396): a control list set to null is emptied, a label set to
    // null is removed.
    static Change parsePatch(const QByteArray &body);
};

} // namespace tokendesk::sandbox
