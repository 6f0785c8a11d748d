#pragma once

#include "domain/FieldIssue.h"
#include "domain/Token.h"

#include <QStringList>

namespace tokendesk::sync {

// Merges an edit made offline (`mine`, from `base`) with what the portal holds now
// (`theirs`). Name and status conflict only when both sides changed them differently; the
// control lists merge as sets (additions and removals of both sides); labels merge key by
// key. A merged list that breaks a rule (more than five entries, an error) is a conflict too.
struct MergeResult
{
    domain::Token merged;          // theirs with my changes on top (mine wins in conflicts)
    QStringList conflictingFields; // empty: the merge is clean
    domain::FieldIssues issues;    // rule errors of the merged token

    bool isClean() const { return conflictingFields.isEmpty(); }
};

class ThreeWayMerge
{
public:
    static MergeResult merge(const domain::Token &base, const domain::Token &mine,
                             const domain::Token &theirs);
    // One list, as sets: theirs, plus what mine added, minus what mine removed. Entries are
    // compared by their canonical form, so "https://A.example" equals "https://a.example".
    static QStringList mergeList(validation::ControlKind kind, const QStringList &base,
                                 const QStringList &mine, const QStringList &theirs);
};

} // namespace tokendesk::sync
