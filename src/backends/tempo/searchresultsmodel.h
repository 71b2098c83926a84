#pragma once

#include "model/timerange.h"
#include "tempoparser.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace firebreak::tempo {

/// The traces a search found, filled as a streaming search delivers them: each delivery (all results so far)
/// updates the rows it already has and appends the new ones in one insertion, so selection and scrolling
/// survive while results arrive. Sort through a proxy on SortRole.
class SearchResultsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TraceIdColumn,
        RootServiceColumn,
        RootNameColumn,
        StartColumn,
        DurationColumn,
        MatchedColumn,
        ColumnCount,
    };
    enum Roles
    {
        SortRole = Qt::UserRole + 1,
        TraceIdRole, // 32 lower-case hex digits
    };

    explicit SearchResultsModel(QObject* parent = nullptr);
    ~SearchResultsModel() override;

    /// Merges `result` into the rows: traces are matched by id.
    void addResults(const SearchResult& result);
    void clear();
    void setTimeDisplay(TimeDisplay display);

    const TraceSummary& summary(int row) const { return m_rows[static_cast<std::size_t>(row)].summary; }

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const final;

private:
    struct Row
    {
        QString traceId; // normalized
        TraceSummary summary;
        int matched = 0;
    };

    std::vector<Row> m_rows;
    QHash<QString, int> m_rowOf; // normalized trace id -> row
    TimeDisplay m_display = TimeDisplay::Local;
};

} // namespace firebreak::tempo
