#pragma once

#include "DeploymentSummary.h"
#include "TokenSummary.h"

#include "domain/Profile.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>

namespace tokendesk::inventory {

// Everything the main window lists, read in one go from the workspace.
struct InventorySnapshot
{
    QList<domain::Profile> profiles;
    QList<DeploymentSummary> deployments;
    QList<TokenSummary> tokens;
    int pendingChanges = 0;
    int openConflicts = 0;
    QDateTime lastSync; // the latest success of any portal profile; invalid: never
    QString error; // the workspace could not be read
};

// Review results by TokenSummary::key().
struct GradeUpdate
{
    QString key;
    review::Grade grade = review::Grade::A;
    int findings = 0;
};

} // namespace tokendesk::inventory

Q_DECLARE_METATYPE(tokendesk::inventory::InventorySnapshot)
Q_DECLARE_METATYPE(QList<tokendesk::inventory::GradeUpdate>)
