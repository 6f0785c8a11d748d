#pragma once

#include "ControlKind.h"
#include "EntryResult.h"
#include "ListResult.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace tokendesk::validation {

// The one entry point to validation, shared by the editors, the CLI, the sync engine and the
// sandbox portal. Pure functions: no I/O, no state.
class ControlValidator
{
public:
    // nullopt when the entry is empty after trimming: empty entries are ignored.
    static std::optional<EntryResult> validateEntry(ControlKind kind, const QString &input);
    // Each non-empty value validated, plus the list rules (limit, duplicates, redundancy).
    static ListResult validateList(ControlKind kind, const QStringList &inputs);
    // Pasted text split into entries on newlines, commas, semicolons and runs of spaces.
    static QStringList splitPastedText(const QString &text);

private:
    static Findings listFindings(ControlKind kind, const QList<EntryResult> &entries);
    // (outer, inner) -> whether entry outer admits everything entry inner admits.
    static std::function<bool(int, int)>
    containmentOf(ControlKind kind, const QList<EntryResult> &entries, const QList<int> &indices);
};

} // namespace tokendesk::validation
