#pragma once

#include "inventory/InventorySnapshot.h"

#include <QAbstractTableModel>
#include <QHash>

namespace tokendesk::ui {

// The token inventory as a table: one row per token, one column per attribute. Never holds
// a token's value (only the portal's masked form is ever in the workspace, and it is not
// shown here). Sorting and filtering happen in TokenFilterProxy.
class TokenTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        GradeColumn,
        KindColumn,
        StatusColumn,
        UsageColumn,
        EnvironmentColumn,
        ControlsColumn,
        RotationDueColumn,
        LastSyncedColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // a value that sorts naturally (dates, grade order)
        KeyRole,                     // "profile/token"
        ProfileIdRole,
        TokenIdRole,
        DeploymentIdRole,
    };
    enum class DueState { Ok, DueSoon, Overdue, Unknown };

    explicit TokenTableModel(QObject *parent = nullptr);

    void setNow(const QDateTime &now) { m_now = now; }
    void setDueSoonDays(int days) { m_dueSoonDays = days; }
    void setTokens(QList<inventory::TokenSummary> tokens);
    void applyGrades(const QList<inventory::GradeUpdate> &grades);

    const inventory::TokenSummary &summary(int row) const { return m_tokens.at(row); }
    const QString &lowerName(int row) const { return m_lowerNames.at(row); }
    // Position of the row when sorted by name (case-insensitively), then id.
    int nameRank(int row) const { return m_nameRank.at(row); }
    // Rotation due in ms since the epoch, unknown last; dense for the same reason.
    qint64 dueKey(int row) const { return m_dueKeys.at(row); }
    int rowOf(const QString &key) const { return m_rowByKey.value(key, -1); }
    DueState dueState(int row) const;
    static QString controlsText(const inventory::TokenSummary &summary);
    static QString kindText(domain::TokenKind kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const inventory::TokenSummary &token, int column) const;
    QVariant sortValue(int row, int column) const;
    QString toolTip(int row, int column) const;
    void rankNames();

    QList<inventory::TokenSummary> m_tokens;
    QStringList m_lowerNames; // kept for the search: folding 100,000 names per keystroke costs
    QList<int> m_nameRank;
    QList<qint64> m_dueKeys;
    QHash<QString, int> m_rowByKey;
    QDateTime m_now;
    int m_dueSoonDays = 14;
};

} // namespace tokendesk::ui
