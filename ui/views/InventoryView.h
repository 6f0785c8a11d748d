#pragma once

#include "inventory/InventorySnapshot.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QTimer;
class QTreeView;

namespace tokendesk::ui {

class TokenFilterProxy;
class TokenTableModel;
class WorkspaceTreeModel;

// The sidebar of profiles and deployments, the search and facet bar, and the token table.
class InventoryView : public QWidget
{
    Q_OBJECT

public:
    explicit InventoryView(QWidget *parent = nullptr);

    void setSnapshot(const inventory::InventorySnapshot &snapshot);
    void applyGrades(const QList<inventory::GradeUpdate> &grades);

    QString currentKey() const;
    QString currentProfileId() const;
    QString currentTokenId() const;
    QString scopeProfileId() const { return m_scopeProfileId; }
    QString scopeDeploymentId() const { return m_scopeDeploymentId; }
    bool selectToken(const QString &key);
    void focusSearch();

    TokenTableModel *tokenModel() const { return m_tokens; }
    TokenFilterProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QTreeView *sidebar() const { return m_sidebar; }
    QSplitter *splitter() const { return m_splitter; }

Q_SIGNALS:
    void currentTokenChanged(const QString &profileId, const QString &tokenId);
    void scopeChanged(const QString &profileId, const QString &deploymentId);

private:
    QWidget *createFilterBar();
    void onScopeSelected();
    void onFacetsChanged();
    void updateResultCount();

    WorkspaceTreeModel *m_tree;
    TokenTableModel *m_tokens;
    TokenFilterProxy *m_proxy;
    QTreeView *m_sidebar;
    QTableView *m_table;
    QSplitter *m_splitter;
    QLineEdit *m_search = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_grade = nullptr;
    QComboBox *m_due = nullptr;
    QLabel *m_resultCount = nullptr;
    QTimer *m_treeRefresh;
    QString m_scopeProfileId;
    QString m_scopeDeploymentId;
    QString m_lastKey;
};

} // namespace tokendesk::ui
