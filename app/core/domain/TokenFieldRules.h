#pragma once

#include "FieldIssue.h"
#include "TokenDraft.h"

namespace tokendesk::domain {

// The rules a token's own fields follow (name, labels, control lists), shared by the
// sandbox portal, which enforces them, and the client, which checks before sending.
// Control entries go through the validation engine; every finding is reported, and only
// those of severity error make a write unacceptable.
class TokenFieldRules
{
public:
    static constexpr int kMaxNameLength = 200;
    static constexpr int kMaxLabels = 16;
    static constexpr int kMaxLabelValueLength = 256;

    static FieldIssues checkName(const QString &name);
    static FieldIssues checkLabels(const Labels &labels);
    static FieldIssues checkControlList(validation::ControlKind kind, const QStringList &entries);
    static FieldIssues checkControls(const SecurityControls &controls);
    static FieldIssues checkDraft(const TokenDraft &draft);
    static bool isValidLabelKey(const QString &key);
};

} // namespace tokendesk::domain
