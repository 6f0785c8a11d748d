#pragma once

#include "inventory/InventorySnapshot.h"

#include <QStandardItemModel>

namespace tokendesk::ui {

class TokenTableModel;

// The sidebar: "All tokens", then each profile with its deployments, each with its token
// count and the worst grade of its active tokens (disabled tokens are graded separately).
class WorkspaceTreeModel : public QStandardItemModel
{
    Q_OBJECT

public:
    enum Role { ProfileIdRole = Qt::UserRole + 1, DeploymentIdRole, WorstGradeRole };

    explicit WorkspaceTreeModel(QObject *parent = nullptr);

    // Rebuilds the tree (profiles and deployments changed).
    void setStructure(const QList<domain::Profile> &profiles,
                      const QList<inventory::DeploymentSummary> &deployments);
    // Updates counts and worst grades in place, keeping the selection and expansion.
    void updateCounts(const TokenTableModel &tokens);

    QModelIndex indexOf(const QString &profileId, const QString &deploymentId) const;

private:
    static QString label(const QString &name, int count, int worst);

    QHash<QString, QString> m_names; // item key -> plain name
};

} // namespace tokendesk::ui
