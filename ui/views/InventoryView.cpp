#include "InventoryView.h"

#include "models/TokenChoices.h"
#include "models/TokenFilterProxy.h"
#include "models/TokenTableModel.h"
#include "models/WorkspaceTreeModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace tokendesk::ui {

namespace {

QComboBox *facetCombo(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setAccessibleName(accessibleName);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return combo;
}

} // namespace

InventoryView::InventoryView(QWidget *parent)
    : QWidget(parent), m_tree(new WorkspaceTreeModel(this)), m_tokens(new TokenTableModel(this)),
      m_proxy(new TokenFilterProxy(this)), m_sidebar(new QTreeView(this)),
      m_table(new QTableView(this)), m_splitter(new QSplitter(Qt::Horizontal, this)),
      m_treeRefresh(new QTimer(this))
{
    setObjectName(QStringLiteral("inventoryView"));
    m_proxy->setSourceModel(m_tokens);

    m_sidebar->setObjectName(QStringLiteral("deploymentTreeView"));
    m_sidebar->setAccessibleName(tr("Profiles and deployments"));
    m_sidebar->setModel(m_tree);
    m_sidebar->setHeaderHidden(true);
    m_sidebar->setUniformRowHeights(true);
    connect(m_sidebar->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &InventoryView::onScopeSelected);

    m_table->setObjectName(QStringLiteral("tokenTableView"));
    m_table->setAccessibleName(tr("Tokens"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TokenTableModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(TokenTableModel::NameColumn, 220);
    m_table->horizontalHeader()->resizeSection(TokenTableModel::ControlsColumn, 220);
    // Fixed widths from the font: measuring the contents would walk the rows at every reload.
    const QFontMetrics metrics = m_table->fontMetrics();
    m_table->horizontalHeader()->resizeSection(TokenTableModel::GradeColumn,
                                               metrics.horizontalAdvance(tr("B (disabled)")) + 24);
    m_table->horizontalHeader()->resizeSection(TokenTableModel::KindColumn,
                                               metrics.horizontalAdvance(tr("Integration")) + 24);
    m_table->horizontalHeader()->resizeSection(TokenTableModel::StatusColumn,
                                               metrics.horizontalAdvance(tr("Disabled")) + 24);
    m_table->setTabKeyNavigation(false); // Tab leaves the table, arrows move within it
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers); // F2 renames through its command
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const QString key = current.isValid()
                                        ? current.data(TokenTableModel::KeyRole).toString()
                                        : QString();
                if (key == m_lastKey)
                    return;
                m_lastKey = key;
                Q_EMIT currentTokenChanged(current.data(TokenTableModel::ProfileIdRole).toString(),
                                           current.data(TokenTableModel::TokenIdRole).toString());
            });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &InventoryView::updateResultCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &InventoryView::updateResultCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &InventoryView::updateResultCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &InventoryView::updateResultCount);

    // Grades arrive in batches: the sidebar's worst grades are recounted once they settle.
    m_treeRefresh->setSingleShot(true);
    m_treeRefresh->setInterval(150);
    connect(m_treeRefresh, &QTimer::timeout, this, [this] { m_tree->updateCounts(*m_tokens); });

    auto *tablePane = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tablePane);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(createFilterBar());
    tableLayout->addWidget(m_table, 1);

    m_splitter->setObjectName(QStringLiteral("inventorySplitter"));
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(tablePane);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({240, 760});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
    setFocusProxy(m_table);
}

QWidget *InventoryView::createFilterBar()
{
    auto *bar = new QWidget(this);
    auto *rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    auto *searchRow = new QHBoxLayout;
    auto *layout = new QHBoxLayout;
    rows->addLayout(searchRow);
    rows->addLayout(layout);

    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("searchLineEdit"));
    m_search->setPlaceholderText(tr("Search by name, id, environment…"));
    m_search->setAccessibleName(tr("Search tokens"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &TokenFilterProxy::setSearchText);
    searchRow->addWidget(m_search, 1);

    m_status = facetCombo(QStringLiteral("statusFilterCombo"), tr("Status filter"), bar);
    m_status->addItem(tr("Any status"));
    m_status->addItem(tr("Active"), int(domain::TokenStatus::Active));
    m_status->addItem(tr("Disabled"), int(domain::TokenStatus::Disabled));

    m_kind = facetCombo(QStringLiteral("kindFilterCombo"), tr("Kind filter"), bar);
    m_kind->addItem(tr("Any kind"));
    TokenChoices::fillKinds(m_kind);

    m_grade = facetCombo(QStringLiteral("gradeFilterCombo"), tr("Grade filter"), bar);
    m_grade->addItem(tr("Any grade"));
    for (review::Grade grade : {review::Grade::A, review::Grade::B, review::Grade::C, review::Grade::F})
        m_grade->addItem(tr("Grade %1").arg(review::gradeName(grade)), int(grade));

    m_due = facetCombo(QStringLiteral("dueFilterCombo"), tr("Rotation filter"), bar);
    m_due->addItem(tr("Any rotation date"), int(TokenFilterProxy::DueFacet::Any));
    m_due->addItem(tr("Overdue or due soon"), int(TokenFilterProxy::DueFacet::OverdueOrDueSoon));
    m_due->addItem(tr("Overdue"), int(TokenFilterProxy::DueFacet::Overdue));
    m_due->addItem(tr("Due soon"), int(TokenFilterProxy::DueFacet::DueSoon));

    // Visible labels: screen readers name a combo box by its value unless a label says more.
    const QList<QPair<QString, QComboBox *>> facets = {{tr("St&atus:"), m_status},
                                                       {tr("&Kind:"), m_kind},
                                                       {tr("&Grade:"), m_grade},
                                                       {tr("R&otation:"), m_due}};
    for (const auto &[text, combo] : facets) {
        auto *label = new QLabel(text, bar);
        label->setBuddy(combo);
        connect(combo, &QComboBox::currentIndexChanged, this, &InventoryView::onFacetsChanged);
        layout->addWidget(label);
        layout->addWidget(combo);
    }
    layout->addStretch(1);
    m_resultCount = new QLabel(bar);
    m_resultCount->setObjectName(QStringLiteral("resultCountLabel"));
    searchRow->addWidget(m_resultCount);
    return bar;
}

void InventoryView::onFacetsChanged()
{
    const QVariant status = m_status->currentData();
    const QVariant kind = m_kind->currentData();
    const QVariant grade = m_grade->currentData();
    m_proxy->setFacets(status.isValid() ? std::optional(domain::TokenStatus(status.toInt())) : std::nullopt,
                       kind.isValid() ? std::optional(domain::TokenKind(kind.toInt())) : std::nullopt,
                       grade.isValid() ? std::optional(review::Grade(grade.toInt())) : std::nullopt,
                       TokenFilterProxy::DueFacet(m_due->currentData().toInt()));
}

void InventoryView::onScopeSelected()
{
    const QModelIndex current = m_sidebar->currentIndex();
    m_scopeProfileId = current.data(WorkspaceTreeModel::ProfileIdRole).toString();
    m_scopeDeploymentId = current.data(WorkspaceTreeModel::DeploymentIdRole).toString();
    m_proxy->setScope(m_scopeProfileId, m_scopeDeploymentId);
    Q_EMIT scopeChanged(m_scopeProfileId, m_scopeDeploymentId);
}

void InventoryView::updateResultCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_tokens->rowCount();
    m_resultCount->setText(shown == total ? tr("%n token(s)", nullptr, total)
                                          : tr("%1 of %n token(s)", nullptr, total).arg(shown));
}

void InventoryView::setSnapshot(const inventory::InventorySnapshot &snapshot)
{
    const QString key = currentKey();
    const QString scopeProfile = m_scopeProfileId;
    const QString scopeDeployment = m_scopeDeploymentId;
    const QSignalBlocker blockSidebar(m_sidebar->selectionModel());
    m_tree->setStructure(snapshot.profiles, snapshot.deployments);
    m_sidebar->expandAll();
    QModelIndex scope = m_tree->indexOf(scopeProfile, scopeDeployment);
    if (!scope.isValid())
        scope = m_tree->index(0, 0);
    m_sidebar->setCurrentIndex(scope);
    m_scopeProfileId = scope.data(WorkspaceTreeModel::ProfileIdRole).toString();
    m_scopeDeploymentId = scope.data(WorkspaceTreeModel::DeploymentIdRole).toString();
    m_proxy->setScope(m_scopeProfileId, m_scopeDeploymentId);

    m_tokens->setNow(QDateTime::currentDateTimeUtc());
    m_tokens->setTokens(snapshot.tokens);
    m_tree->updateCounts(*m_tokens);
    if (!key.isEmpty() && !selectToken(key)) {
        m_lastKey.clear();
        Q_EMIT currentTokenChanged({}, {});
    }
    updateResultCount();
}

void InventoryView::applyGrades(const QList<inventory::GradeUpdate> &grades)
{
    m_tokens->applyGrades(grades);
    m_treeRefresh->start();
}

QString InventoryView::currentKey() const
{
    return m_table->currentIndex().data(TokenTableModel::KeyRole).toString();
}

QString InventoryView::currentProfileId() const
{
    return m_table->currentIndex().data(TokenTableModel::ProfileIdRole).toString();
}

QString InventoryView::currentTokenId() const
{
    return m_table->currentIndex().data(TokenTableModel::TokenIdRole).toString();
}

bool InventoryView::selectToken(const QString &key)
{
    const int row = m_tokens->rowOf(key);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_tokens->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void InventoryView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

} // namespace tokendesk::ui
