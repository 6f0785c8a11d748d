#include "TokenFilterProxy.h"

namespace tokendesk::ui {

using inventory::TokenSummary;

TokenFilterProxy::TokenFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(TokenTableModel::SortRole);
    setDynamicSortFilter(true);
}

void TokenFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_tokens = qobject_cast<TokenTableModel *>(model);
    Q_ASSERT_X(m_tokens, "TokenFilterProxy", "filters a TokenTableModel only");
    QSortFilterProxyModel::setSourceModel(model);
}

void TokenFilterProxy::refilter()
{
    // Qt's incremental refilter (invalidateFilter) hides and shows rows one run of adjacent
    // proxy rows at a time, and each run costs a pass over the whole mapping: a keystroke
    // that hides thousands of scattered rows of a sorted 100,000-row table took 50 ms and
    // more. So the new filter is evaluated once here, and past a few changed rows the
    // mapping is rebuilt in one go (one layout change, then a sort on integer keys).
    const int rows = m_tokens ? m_tokens->rowCount() : 0;
    std::vector<bool> accepted(size_t(rows), false);
    int changed = 0;
    for (int row = 0; row < rows; ++row) {
        accepted[size_t(row)] = accepts(row);
        if (accepted[size_t(row)] != mapFromSource(m_tokens->index(row, 0)).isValid())
            ++changed;
    }
    if (changed == 0)
        return;
    m_accepted = std::move(accepted);
    m_useAccepted = true; // Qt asks filterAcceptsRow again for every row: answer from above
    if (changed > kIncrementalLimit)
        invalidate();
    else
        invalidateFilter(); // keeps the sort order; Qt 6.4 has no begin/endFilterChange
    rowCount(); // builds the mapping now, while the answers are at hand
    m_useAccepted = false;
    m_accepted.clear();
}

void TokenFilterProxy::setScope(const QString &profileId, const QString &deploymentId)
{
    if (m_profileId == profileId && m_deploymentId == deploymentId)
        return;
    m_profileId = profileId;
    m_deploymentId = deploymentId;
    refilter();
}

void TokenFilterProxy::setSearchText(const QString &text)
{
    const QString folded = text.trimmed().toLower();
    if (folded == m_search)
        return;
    m_search = folded;
    refilter();
}

void TokenFilterProxy::setStatusFacet(std::optional<domain::TokenStatus> status)
{
    m_status = status;
    refilter();
}

void TokenFilterProxy::setKindFacet(std::optional<domain::TokenKind> kind)
{
    m_kind = kind;
    refilter();
}

void TokenFilterProxy::setGradeFacet(std::optional<review::Grade> grade)
{
    m_grade = grade;
    refilter();
}

void TokenFilterProxy::setDueFacet(DueFacet due)
{
    m_due = due;
    refilter();
}

void TokenFilterProxy::setFacets(std::optional<domain::TokenStatus> status,
                                 std::optional<domain::TokenKind> kind,
                                 std::optional<review::Grade> grade, DueFacet due)
{
    if (m_status == status && m_kind == kind && m_grade == grade && m_due == due)
        return;
    m_status = status;
    m_kind = kind;
    m_grade = grade;
    m_due = due;
    refilter();
}

bool TokenFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_tokens)
        return false;
    if (m_useAccepted && size_t(sourceRow) < m_accepted.size())
        return m_accepted[size_t(sourceRow)];
    return accepts(sourceRow);
}

bool TokenFilterProxy::accepts(int sourceRow) const
{
    const TokenSummary &token = m_tokens->summary(sourceRow);
    if (!m_profileId.isEmpty() && token.profileId != m_profileId)
        return false;
    if (!m_deploymentId.isEmpty() && token.deploymentId != m_deploymentId)
        return false;
    if (m_status && token.status != *m_status)
        return false;
    if (m_kind && token.kind != *m_kind)
        return false;
    if (m_grade && token.grade != m_grade)
        return false;
    if (m_due != DueFacet::Any) {
        const auto state = m_tokens->dueState(sourceRow);
        const bool overdue = state == TokenTableModel::DueState::Overdue;
        const bool soon = state == TokenTableModel::DueState::DueSoon;
        if ((m_due == DueFacet::Overdue && !overdue) || (m_due == DueFacet::DueSoon && !soon) ||
            (m_due == DueFacet::OverdueOrDueSoon && !overdue && !soon))
            return false;
    }
    if (m_search.isEmpty())
        return true;
    return m_tokens->lowerName(sourceRow).contains(m_search) ||
           token.tokenId.contains(m_search, Qt::CaseInsensitive) ||
           token.environment.contains(m_search, Qt::CaseInsensitive) ||
           token.usageModel.contains(m_search, Qt::CaseInsensitive);
}

bool TokenFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int a = left.row();
    const int b = right.row();
    const TokenSummary &x = m_tokens->summary(a);
    const TokenSummary &y = m_tokens->summary(b);
    int order = 0;
    switch (left.column()) {
    case TokenTableModel::NameColumn:
        break; // the tie-break below is the name order
    case TokenTableModel::KindColumn:
        order = int(x.kind) - int(y.kind);
        break;
    case TokenTableModel::StatusColumn:
        order = int(x.status) - int(y.status);
        break;
    case TokenTableModel::UsageColumn:
        order = x.usageModel.compare(y.usageModel);
        break;
    case TokenTableModel::EnvironmentColumn:
        order = x.environment.compare(y.environment);
        break;
    case TokenTableModel::ControlsColumn:
        order = (x.origins + x.urls + x.ips) - (y.origins + y.urls + y.ips);
        break;
    case TokenTableModel::GradeColumn:
        order = (x.grade ? int(*x.grade) : -1) - (y.grade ? int(*y.grade) : -1);
        break;
    case TokenTableModel::RotationDueColumn: {
        const qint64 dx = m_tokens->dueKey(a);
        const qint64 dy = m_tokens->dueKey(b);
        order = dx < dy ? -1 : dx > dy ? 1 : 0;
        break;
    }
    case TokenTableModel::LastSyncedColumn: {
        const qint64 sx = x.lastSynced.isValid() ? x.lastSynced.toMSecsSinceEpoch() : 0;
        const qint64 sy = y.lastSynced.isValid() ? y.lastSynced.toMSecsSinceEpoch() : 0;
        order = sx < sy ? -1 : sx > sy ? 1 : 0;
        break;
    }
    default:
        break;
    }
    if (order != 0)
        return order < 0;
    // Ties by name, then id: a stable, predictable order for equal keys.
    return m_tokens->nameRank(a) < m_tokens->nameRank(b);
}

} // namespace tokendesk::ui
