#pragma once

#include "domain/FieldIssue.h"

#include <QString>

namespace tokendesk::store {

// The outcome of an edit: accepted (with the token's id), refused for rule errors (nothing
// was written), or failed (the workspace could not be written; nothing was written either).
struct EditResult
{
    QString tokenId;
    domain::FieldIssues issues; // every finding; errors mean refused
    QString error;              // not about the values: unknown token, database failure
    bool storageFailure = false; // error is about the workspace file, not the request

    bool accepted() const { return error.isEmpty() && !domain::hasErrorIssue(issues); }
};

} // namespace tokendesk::store
