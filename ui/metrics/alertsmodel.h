#pragma once

#include "backends/prometheus/prometheusparser.h"
#include "model/timerange.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace firebreak::ui {

/// One active alert and, when /api/v1/rules named it, the alerting rule it comes from.
struct AlertEntry
{
    prometheus::Alert alert;
    std::optional<prometheus::Rule> rule; // without its `alerts`
};

/// The active alerts of one Prometheus: state, name, labels, since, value. Firing before pending, then the
/// longest active first. A snapshot: setAlerts() replaces everything.
class AlertsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        StateColumn,
        NameColumn,
        LabelsColumn,
        SinceColumn,
        ValueColumn,
        ColumnCount,
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        StateRole, // prometheus::AlertState as int
        AlertNameRole,
    };

    explicit AlertsModel(QObject* parent = nullptr);
    ~AlertsModel() override;

    void setAlerts(std::vector<AlertEntry> alerts, qint64 nowMs);
    void setTimeDisplay(TimeDisplay display);
    const AlertEntry& entry(int row) const { return m_alerts[static_cast<std::size_t>(row)]; }
    /// The row of the alert with exactly these labels, or -1.
    int rowOf(const prometheus::LabelSet& labels) const;

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const final;

    /// `name="value", …` without the alert name.
    static QString labelsText(const prometheus::LabelSet& labels);
    /// "12m ago (2026-11-25 21:50:03)"; "—" without a time.
    static QString sinceText(std::optional<qint64> activeAtMs, qint64 nowMs, TimeDisplay display);
    static QString stateText(prometheus::AlertState state);
    /// The server's "1e+00" as "1"; NaN and ±Inf as the server wrote them.
    static QString valueText(const QString& value);
    static QColor stateColor(prometheus::AlertState state);

private:
    std::vector<AlertEntry> m_alerts;
    qint64 m_nowMs = 0;
    TimeDisplay m_display = TimeDisplay::Local;
};

} // namespace firebreak::ui
