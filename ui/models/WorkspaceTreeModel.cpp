#include "WorkspaceTreeModel.h"

#include "TokenTableModel.h"

namespace tokendesk::ui {

namespace {

QString itemKey(const QString &profileId, const QString &deploymentId)
{
    return profileId + QLatin1Char('/') + deploymentId;
}

QStandardItem *makeItem(const QString &profileId, const QString &deploymentId)
{
    auto *item = new QStandardItem;
    item->setEditable(false);
    item->setData(profileId, WorkspaceTreeModel::ProfileIdRole);
    item->setData(deploymentId, WorkspaceTreeModel::DeploymentIdRole);
    item->setData(-1, WorkspaceTreeModel::WorstGradeRole);
    return item;
}

} // namespace

WorkspaceTreeModel::WorkspaceTreeModel(QObject *parent) : QStandardItemModel(parent)
{
    setHorizontalHeaderLabels({tr("Deployments")});
}

void WorkspaceTreeModel::setStructure(const QList<domain::Profile> &profiles,
                                      const QList<inventory::DeploymentSummary> &deployments)
{
    clear();
    setHorizontalHeaderLabels({tr("Deployments")});
    m_names.clear();
    QStandardItem *all = makeItem({}, {});
    m_names.insert(itemKey({}, {}), tr("All tokens"));
    all->setText(tr("All tokens"));
    appendRow(all);
    for (const domain::Profile &profile : profiles) {
        QStandardItem *profileItem = makeItem(profile.id, {});
        m_names.insert(itemKey(profile.id, {}), profile.name);
        profileItem->setText(profile.name);
        for (const inventory::DeploymentSummary &deployment : deployments) {
            if (deployment.profileId != profile.id)
                continue;
            QStandardItem *child = makeItem(profile.id, deployment.deploymentId);
            m_names.insert(itemKey(profile.id, deployment.deploymentId), deployment.name);
            child->setText(deployment.name);
            profileItem->appendRow(child);
        }
        appendRow(profileItem);
    }
}

void WorkspaceTreeModel::updateCounts(const TokenTableModel &tokens)
{
    // Tallied per deployment, then rolled up: a key string per token (three, as this once
    // did) cost 50 ms for 10,000 tokens in a debug build.
    struct Tally
    {
        int count = 0;
        int worst = -1;
    };
    QHash<std::pair<QString, QString>, Tally> byDeployment; // (profile, deployment)
    Tally *current = nullptr;
    const inventory::TokenSummary *previous = nullptr;
    for (int row = 0; row < tokens.rowCount(); ++row) {
        const inventory::TokenSummary &token = tokens.summary(row);
        if (!previous || token.deploymentId != previous->deploymentId ||
            token.profileId != previous->profileId)
            current = &byDeployment[{token.profileId, token.deploymentId}];
        previous = &token;
        ++current->count;
        if (token.grade && token.status == domain::TokenStatus::Active)
            current->worst = std::max(current->worst, int(*token.grade));
    }
    QHash<QString, int> counts;
    QHash<QString, int> worst;
    const auto note = [&](const QString &key, const Tally &tally) {
        counts[key] += tally.count;
        if (tally.worst >= 0)
            worst[key] = std::max(worst.value(key, -1), tally.worst);
    };
    for (auto it = byDeployment.cbegin(); it != byDeployment.cend(); ++it) {
        note(itemKey({}, {}), it.value());
        note(itemKey(it.key().first, {}), it.value());
        note(itemKey(it.key().first, it.key().second), it.value());
    }
    const auto update = [&](QStandardItem *item) {
        const QString key = itemKey(item->data(ProfileIdRole).toString(),
                                    item->data(DeploymentIdRole).toString());
        const int grade = worst.value(key, -1);
        const QString text = label(m_names.value(key), counts.value(key), grade);
        if (item->text() != text)
            item->setText(text);
        item->setData(text, Qt::AccessibleTextRole);
        item->setToolTip(text);
        if (item->data(WorstGradeRole).toInt() != grade)
            item->setData(grade, WorstGradeRole);
    };
    for (int row = 0; row < rowCount(); ++row) {
        QStandardItem *top = item(row);
        update(top);
        for (int child = 0; child < top->rowCount(); ++child)
            update(top->child(child));
    }
}

QString WorkspaceTreeModel::label(const QString &name, int count, int worst)
{
    if (worst < 0)
        return tr("%1 (%2)").arg(name).arg(count);
    return tr("%1 (%2) · worst %3").arg(name).arg(count).arg(review::gradeName(review::Grade(worst)));
}

QModelIndex WorkspaceTreeModel::indexOf(const QString &profileId, const QString &deploymentId) const
{
    for (int row = 0; row < rowCount(); ++row) {
        QStandardItem *top = item(row);
        if (top->data(ProfileIdRole).toString() == profileId) {
            if (deploymentId.isEmpty())
                return top->index();
            for (int child = 0; child < top->rowCount(); ++child) {
                if (top->child(child)->data(DeploymentIdRole).toString() == deploymentId)
                    return top->child(child)->index();
            }
        }
    }
    return {};
}

} // namespace tokendesk::ui
