#pragma once

#include "journal.h"
#include "model/timerange.h"

#include <QAbstractTableModel>

namespace firebreak::journal {

/// The incident list: one row per incident, newest first; sort through a QSortFilterProxyModel
/// using SortRole (severity sorts SEV1 first, times numerically).
class IncidentListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SeverityColumn,
        IdColumn,
        TitleColumn,
        StatusColumn,
        CommanderColumn,
        DeclaredColumn,
        ColumnCount,
    };
    enum Roles
    {
        IdRole = Qt::UserRole + 1,
        SeverityRole,
        SortRole,
        OpenRole,
    };

    explicit IncidentListModel(QObject* parent = nullptr);
    ~IncidentListModel() override;

    void setIncidents(const QList<IncidentSummary>& incidents);
    void setTimeDisplay(TimeDisplay display);
    const QList<IncidentSummary>& incidents() const { return m_incidents; }
    int rowOf(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const final;

private:
    QList<IncidentSummary> m_incidents;
    TimeDisplay m_display = TimeDisplay::Local;
};

} // namespace firebreak::journal
