#pragma once

#include "TokenTableModel.h"

#include <QSortFilterProxyModel>
#include <optional>
#include <vector>

namespace tokendesk::ui {

// Search, facets and sorting over TokenTableModel. Reads the source's rows directly rather
// than through QVariant so that a keystroke over 100,000 tokens stays within a frame.
class TokenFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class DueFacet { Any, Overdue, DueSoon, OverdueOrDueSoon };

    explicit TokenFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    // Empty ids: every profile / deployment.
    void setScope(const QString &profileId, const QString &deploymentId);
    // Matches the name, id, environment and usage, case-insensitively.
    void setSearchText(const QString &text);
    void setStatusFacet(std::optional<domain::TokenStatus> status);
    void setKindFacet(std::optional<domain::TokenKind> kind);
    void setGradeFacet(std::optional<review::Grade> grade);
    void setDueFacet(DueFacet due);
    // All facets at once: one pass over the rows instead of four.
    void setFacets(std::optional<domain::TokenStatus> status, std::optional<domain::TokenKind> kind,
                   std::optional<review::Grade> grade, DueFacet due);

    QString searchText() const { return m_search; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    // Changed rows past which a refilter rebuilds the mapping rather than patching it.
    static constexpr int kIncrementalLimit = 100;

    void refilter();
    bool accepts(int sourceRow) const;

    TokenTableModel *m_tokens = nullptr;
    QString m_profileId;
    QString m_deploymentId;
    QString m_search;
    std::optional<domain::TokenStatus> m_status;
    std::optional<domain::TokenKind> m_kind;
    std::optional<review::Grade> m_grade;
    DueFacet m_due = DueFacet::Any;
    std::vector<bool> m_accepted; // during refilter(): the new filter's answer per source row
    bool m_useAccepted = false;
};

} // namespace tokendesk::ui
