#include "TokenTableModel.h"

#include <QLocale>

#include <algorithm>
#include <numeric>

namespace tokendesk::ui {

using inventory::TokenSummary;

TokenTableModel::TokenTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_now(QDateTime::currentDateTimeUtc())
{
}

void TokenTableModel::setTokens(QList<TokenSummary> tokens)
{
    // Until the new review arrives, a token keeps the grade it had: a grade filter or sort
    // must not lose the rows (and the selection) at every reload.
    for (TokenSummary &token : tokens) {
        if (m_rowByKey.isEmpty())
            break; // a first load: nothing to carry over
        const int old = m_rowByKey.value(token.key(), -1);
        if (old >= 0 && !token.grade) {
            token.grade = m_tokens.at(old).grade;
            token.findings = m_tokens.at(old).findings;
        }
    }
    beginResetModel();
    m_tokens = std::move(tokens);
    m_lowerNames.clear();
    m_lowerNames.reserve(m_tokens.size());
    m_rowByKey.clear();
    m_rowByKey.reserve(m_tokens.size());
    m_dueKeys.clear();
    m_dueKeys.reserve(m_tokens.size());
    for (int row = 0; row < m_tokens.size(); ++row) {
        m_lowerNames.append(m_tokens.at(row).name.toLower());
        const QDateTime &due = m_tokens.at(row).rotationDue;
        m_dueKeys.append(due.isValid() ? due.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max());
        m_rowByKey.insert(m_tokens.at(row).key(), row);
    }
    rankNames();
    endResetModel();
}

void TokenTableModel::rankNames()
{
    // The proxy sorts on these ranks: comparing two ints instead of two strings scattered
    // over the heap is what keeps sorting 100,000 rows within a frame budget. Ties by id.
    const auto before = [this](int a, int b) {
        const int order = m_lowerNames.at(a).compare(m_lowerNames.at(b));
        return order != 0 ? order < 0 : m_tokens.at(a).tokenId < m_tokens.at(b).tokenId;
    };
    const int count = int(m_tokens.size());
    QList<int> order(count);
    std::iota(order.begin(), order.end(), 0);
    // The inventory reader lists tokens in name order already: a linear check then suffices.
    if (!std::is_sorted(order.cbegin(), order.cend(), before))
        std::sort(order.begin(), order.end(), before);
    m_nameRank.resize(count);
    for (int rank = 0; rank < count; ++rank)
        m_nameRank[order.at(rank)] = rank;
}

void TokenTableModel::applyGrades(const QList<inventory::GradeUpdate> &grades)
{
    int first = -1;
    int last = -1;
    for (const inventory::GradeUpdate &update : grades) {
        const int row = m_rowByKey.value(update.key, -1);
        if (row < 0)
            continue;
        m_tokens[row].grade = update.grade;
        m_tokens[row].findings = update.findings;
        first = first < 0 ? row : std::min(first, row);
        last = std::max(last, row);
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first, GradeColumn), index(last, GradeColumn));
}

TokenTableModel::DueState TokenTableModel::dueState(int row) const
{
    const QDateTime &due = m_tokens.at(row).rotationDue;
    if (!due.isValid())
        return DueState::Unknown;
    if (due < m_now)
        return DueState::Overdue;
    if (due <= m_now.addDays(m_dueSoonDays))
        return DueState::DueSoon;
    return DueState::Ok;
}

QString TokenTableModel::controlsText(const TokenSummary &token)
{
    if (token.origins == 0 && token.urls == 0 && token.ips == 0)
        return tr("no controls");
    const QString origins = token.origins ? tr("%n origin(s)", nullptr, token.origins) : tr("no origins");
    const QString urls = token.urls ? tr("%n URL(s)", nullptr, token.urls) : tr("no URLs");
    const QString ips = token.ips ? tr("%n IP(s)", nullptr, token.ips) : tr("no IPs");
    return QStringList{origins, urls, ips}.join(QStringLiteral(" · "));
}

QString TokenTableModel::kindText(domain::TokenKind kind)
{
    switch (kind) {
    case domain::TokenKind::Api:
        return tr("API token");
    case domain::TokenKind::Integration:
        return tr("Integration");
    case domain::TokenKind::OAuth:
        return tr("OAuth");
    }
    return {};
}

int TokenTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tokens.size());
}

int TokenTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TokenTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TokenSummary &token = m_tokens.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return display(token, index.column());
    case Qt::ToolTipRole:
        return toolTip(index.row(), index.column());
    case SortRole:
        return sortValue(index.row(), index.column());
    case KeyRole:
        return token.key();
    case ProfileIdRole:
        return token.profileId;
    case TokenIdRole:
        return token.tokenId;
    case DeploymentIdRole:
        return token.deploymentId;
    case Qt::TextAlignmentRole:
        if (index.column() == GradeColumn)
            return int(Qt::AlignCenter);
        return {};
    default:
        return {};
    }
}

QVariant TokenTableModel::display(const TokenSummary &token, int column) const
{
    const QLocale locale;
    switch (column) {
    case NameColumn:
        return token.name;
    case KindColumn:
        return kindText(token.kind);
    case StatusColumn:
        return token.status == domain::TokenStatus::Active ? tr("Active") : tr("Disabled");
    case UsageColumn:
        if (token.usageModel == QLatin1String("browser"))
            return tr("Browser");
        if (token.usageModel == QLatin1String("backend"))
            return tr("Backend");
        return token.usageModel.isEmpty() ? tr("Not set") : token.usageModel;
    case EnvironmentColumn:
        return token.environment.isEmpty() ? tr("Not set") : token.environment;
    case ControlsColumn:
        return controlsText(token);
    case GradeColumn:
        if (!token.grade)
            return tr("…");
        return token.status == domain::TokenStatus::Disabled
                   ? tr("%1 (disabled)").arg(review::gradeName(*token.grade))
                   : review::gradeName(*token.grade);
    case RotationDueColumn:
        return token.rotationDue.isValid()
                   ? locale.toString(token.rotationDue.toLocalTime().date(), QLocale::ShortFormat)
                   : tr("Unknown");
    case LastSyncedColumn:
        if (token.pending)
            return tr("Changes pending");
        if (token.profileId == domain::Profile::localId())
            return tr("Local only");
        return token.lastSynced.isValid()
                   ? locale.toString(token.lastSynced.toLocalTime(), QLocale::ShortFormat)
                   : tr("Never");
    default:
        return {};
    }
}

QVariant TokenTableModel::sortValue(int row, int column) const
{
    const TokenSummary &token = m_tokens.at(row);
    switch (column) {
    case NameColumn:
        return m_lowerNames.at(row);
    case ControlsColumn:
        return token.origins + token.urls + token.ips;
    case GradeColumn:
        return token.grade ? int(*token.grade) : -1;
    case RotationDueColumn:
        return token.rotationDue.isValid() ? token.rotationDue.toMSecsSinceEpoch()
                                           : std::numeric_limits<qint64>::max();
    case LastSyncedColumn:
        return token.lastSynced.isValid() ? token.lastSynced.toMSecsSinceEpoch() : qint64(0);
    default:
        return display(token, column);
    }
}

QString TokenTableModel::toolTip(int row, int column) const
{
    const TokenSummary &token = m_tokens.at(row);
    switch (column) {
    case GradeColumn:
        if (!token.grade)
            return tr("Reviewing…");
        return tr("%n finding(s); select the token to see them.", nullptr, token.findings);
    case RotationDueColumn:
        switch (dueState(row)) {
        case DueState::Overdue:
            return tr("Rotation overdue");
        case DueState::DueSoon:
            return tr("Rotation due soon");
        case DueState::Ok:
            return tr("Rotation not due yet");
        case DueState::Unknown:
            return tr("When the value was issued is not known");
        }
        return {};
    default:
        return {};
    }
}

QVariant TokenTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case StatusColumn:
        return tr("Status");
    case UsageColumn:
        return tr("Usage");
    case EnvironmentColumn:
        return tr("Environment");
    case ControlsColumn:
        return tr("Controls");
    case GradeColumn:
        return tr("Grade");
    case RotationDueColumn:
        return tr("Rotation due");
    case LastSyncedColumn:
        return tr("Last synced");
    default:
        return {};
    }
}

} // namespace tokendesk::ui
