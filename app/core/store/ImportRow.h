#pragma once

#include "domain/FieldIssue.h"
#include "domain/TokenDraft.h"
#include "domain/TokenNotes.h"

#include <QSet>

namespace tokendesk::store {

// One token read from an import file, with where it was ("line 7", "tokens[3]") so that a
// refused row can be named.
struct ImportRow
{
    QString location;
    QString deployment; // id or name
    QString tokenId;    // optional: an existing token to update
    domain::TokenDraft draft;
    std::optional<domain::TokenNotes> notes; // JSON exports carry TokenDesk's own notes
    domain::FieldIssues issues; // shape problems found while reading, and rule findings
    // The fields the file gives ("name", "status", "cors_origins", "labels.environment", …):
    // an existing token keeps every field the file leaves out.
    QSet<QString> fields;
};

} // namespace tokendesk::store
