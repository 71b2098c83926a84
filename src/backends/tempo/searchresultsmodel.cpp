#include "searchresultsmodel.h"

#include "analysis/durationtext.h"

namespace firebreak::tempo {

namespace {

int matchedSpans(const TraceSummary& summary)
{
    int matched = 0;
    for (const SearchSpanSet& set : summary.spanSets)
        matched += set.matched;
    return matched;
}

} // namespace

SearchResultsModel::SearchResultsModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

SearchResultsModel::~SearchResultsModel() = default;

void SearchResultsModel::addResults(const SearchResult& result)
{
    std::vector<Row> added;
    for (const TraceSummary& summary : result.traces) {
        QString id = normalizedTraceId(summary.traceId);
        if (id.isEmpty())
            id = summary.traceId;
        const auto it = m_rowOf.constFind(id);
        if (it != m_rowOf.cend()) {
            Row& row = m_rows[static_cast<std::size_t>(*it)];
            row.summary = summary;
            row.matched = matchedSpans(summary);
            Q_EMIT dataChanged(index(*it, 0), index(*it, ColumnCount - 1));
            continue;
        }
        bool duplicate = false;
        for (Row& pending : added) {
            if (pending.traceId == id) {
                pending.summary = summary;
                pending.matched = matchedSpans(summary);
                duplicate = true;
            }
        }
        if (!duplicate)
            added.push_back({ id, summary, matchedSpans(summary) });
    }
    if (added.empty())
        return;
    const auto first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    for (Row& row : added) {
        m_rowOf.insert(row.traceId, static_cast<int>(m_rows.size()));
        m_rows.push_back(std::move(row));
    }
    endInsertRows();
}

void SearchResultsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    endResetModel();
}

void SearchResultsModel::setTimeDisplay(TimeDisplay display)
{
    if (display == m_display)
        return;
    m_display = display;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, StartColumn), index(rowCount() - 1, StartColumn));
}

int SearchResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SearchResultsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const TraceSummary& summary = row.summary;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TraceIdColumn:
            return row.traceId;
        case RootServiceColumn:
            return summary.rootServiceName.isEmpty() ? tr("<root span not yet received>") : summary.rootServiceName;
        case RootNameColumn:
            return summary.rootTraceName;
        case StartColumn:
            return analysis::formatTimestampNs(summary.startNs, m_display);
        case DurationColumn:
            // Tempo leaves the duration out below one millisecond.
            return summary.durationMs > 0 ? analysis::formatDurationNs(summary.durationMs * 1'000'000) : tr("< 1 ms");
        case MatchedColumn:
            return QString::number(row.matched);
        default:
            return {};
        }
    case SortRole:
        switch (column) {
        case TraceIdColumn:
            return row.traceId;
        case RootServiceColumn:
            return summary.rootServiceName;
        case RootNameColumn:
            return summary.rootTraceName;
        case StartColumn:
            return static_cast<qlonglong>(summary.startNs);
        case DurationColumn:
            return static_cast<qlonglong>(summary.durationMs);
        case MatchedColumn:
            return row.matched;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column == TraceIdColumn)
            return tr("Double-click to open the trace");
        if (column == RootNameColumn)
            return summary.rootTraceName;
        return {};
    case Qt::TextAlignmentRole:
        if (column == DurationColumn || column == MatchedColumn)
            return static_cast<int>(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case TraceIdRole:
        return row.traceId;
    default:
        return {};
    }
}

QVariant SearchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == DurationColumn || section == MatchedColumn
            ? QVariant(static_cast<int>(Qt::AlignRight | Qt::AlignVCenter))
            : QVariant();
    if (role == Qt::ToolTipRole && section == MatchedColumn)
        return tr("Spans of the trace that matched the query");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TraceIdColumn:
        return tr("Trace ID");
    case RootServiceColumn:
        return tr("Root service");
    case RootNameColumn:
        return tr("Root operation");
    case StartColumn:
        return tr("Start");
    case DurationColumn:
        return tr("Duration");
    case MatchedColumn:
        return tr("Matched");
    default:
        return {};
    }
}

} // namespace firebreak::tempo
