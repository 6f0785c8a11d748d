#pragma once

#include "ReviewSeverity.h"

#include "validation/ControlKind.h"
#include "validation/Finding.h"

#include <QList>
#include <QString>
#include <optional>

namespace tokendesk::review {

// A warning carried by one entry of a control, listed under `review.entry-warnings`.
struct EntryWarning
{
    validation::ControlKind control = validation::ControlKind::Origin;
    int entry = -1; // index in the control's list; -1 for a finding about the whole list
    validation::Finding finding;
};

// One finding of the security review. `controls` names the controls it concerns, so a view
// can take the user to them; `details` lists the entry warnings behind review.entry-warnings.
struct ReviewFinding
{
    QString rule;
    ReviewSeverity severity = ReviewSeverity::Low;
    QString message;
    QList<validation::ControlKind> controls;
    QList<EntryWarning> details;
};

} // namespace tokendesk::review
