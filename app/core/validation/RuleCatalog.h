#pragma once

#include "Severity.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace tokendesk::validation {

// A rule as the catalogue defines it. Ids are stable: tests, CLI output, documentation and
// translations refer to them.
// What a rule's fix is: none, the entry's canonical form (the value the user most likely
// meant), or a value of its own (a safer or shorter variant, chosen by the validator).
enum class FixKind { None, CanonicalForm, Specific };

struct RuleDefinition
{
    const char *id;
    Severity severity;
    const char *message; // untranslated source text, %1.. filled by RuleCatalog::message
    FixKind fix = FixKind::None;
};

// Every validation rule that TokenDesk knows, with its severity and message text.
class RuleCatalog
{
    Q_DECLARE_TR_FUNCTIONS(RuleCatalog)

public:
    static const QList<RuleDefinition> &all();
    // The definition of a rule id; an unknown id is a programming error (asserts).
    static const RuleDefinition &rule(const char *id);
    static const RuleDefinition *find(const QString &id);
    static QString message(const RuleDefinition &rule, const QStringList &arguments);
};

} // namespace tokendesk::validation
