#pragma once

#include "EntryResult.h"

#include <QString>
#include <QStringList>
#include <functional>

namespace tokendesk::validation {

// Gathers the findings of one entry while a validator parses it, and settles the fixes at
// the end. An error is "repairable" when the validator can go on with the value the user
// most likely meant; the fix is offered only when that repaired value validates cleanly.
class FindingCollector
{
public:
    void add(const char *rule, const QStringList &arguments = {});
    void addRepairable(const char *rule, const QStringList &arguments = {});
    // A finding whose fix is a specific value rather than the entry's canonical form.
    void addWithFix(const char *rule, const QStringList &arguments, const QString &fix);

    bool hasError() const;
    bool hasUnrepairableError() const;

    // validate: the same validator, used to check the repaired value before offering it.
    EntryResult finish(const QString &input, const QString &candidate,
                       const std::function<EntryResult(const QString &)> &validate);

private:
    struct Pending
    {
        Finding finding;
        bool repairable = false;
        bool fixIsCanonical = false;
    };
    QList<Pending> m_pending;
};

} // namespace tokendesk::validation
