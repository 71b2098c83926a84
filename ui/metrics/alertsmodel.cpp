#include "alertsmodel.h"

#include <QColor>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

namespace firebreak::ui {

using prometheus::AlertState;

namespace {

const QString AlertNameLabel = QStringLiteral("alertname");

int stateRank(AlertState state)
{
    switch (state) {
    case AlertState::Firing:
        return 0;
    case AlertState::Pending:
        return 1;
    case AlertState::Inactive:
        break;
    }
    return 2;
}

} // namespace

AlertsModel::AlertsModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

AlertsModel::~AlertsModel() = default;

void AlertsModel::setAlerts(std::vector<AlertEntry> alerts, qint64 nowMs)
{
    std::stable_sort(alerts.begin(), alerts.end(), [](const AlertEntry& a, const AlertEntry& b) {
        const int rankA = stateRank(a.alert.state);
        const int rankB = stateRank(b.alert.state);
        if (rankA != rankB)
            return rankA < rankB;
        const qint64 sinceA = a.alert.activeAtMs.value_or(std::numeric_limits<qint64>::max());
        const qint64 sinceB = b.alert.activeAtMs.value_or(std::numeric_limits<qint64>::max());
        if (sinceA != sinceB)
            return sinceA < sinceB;
        return a.alert.labels.value(AlertNameLabel) < b.alert.labels.value(AlertNameLabel);
    });
    beginResetModel();
    m_alerts = std::move(alerts);
    m_nowMs = nowMs;
    endResetModel();
}

void AlertsModel::setTimeDisplay(TimeDisplay display)
{
    if (display == m_display)
        return;
    m_display = display;
    if (!m_alerts.empty())
        Q_EMIT dataChanged(index(0, SinceColumn), index(rowCount() - 1, SinceColumn), { Qt::DisplayRole });
}

int AlertsModel::rowOf(const prometheus::LabelSet& labels) const
{
    const auto it = std::find_if(
        m_alerts.begin(), m_alerts.end(), [&labels](const AlertEntry& e) { return e.alert.labels == labels; });
    return it == m_alerts.end() ? -1 : static_cast<int>(it - m_alerts.begin());
}

int AlertsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_alerts.size());
}

int AlertsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const prometheus::Alert& alert = entry(index.row()).alert;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StateColumn:
            return stateText(alert.state);
        case NameColumn:
            return alert.labels.value(AlertNameLabel);
        case LabelsColumn:
            return labelsText(alert.labels);
        case SinceColumn:
            return sinceText(alert.activeAtMs, m_nowMs, m_display);
        case ValueColumn:
            return valueText(alert.value);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == LabelsColumn)
            return labelsText(alert.labels).replace(QStringLiteral(", "), QStringLiteral("\n"));
        if (index.column() == ValueColumn)
            return alert.value;
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StateColumn)
            return stateColor(alert.state);
        return {};
    case Qt::DecorationRole:
        if (index.column() == StateColumn)
            return stateColor(alert.state);
        return {};
    case SortRole:
        switch (index.column()) {
        case StateColumn:
            return stateRank(alert.state);
        case SinceColumn:
            return alert.activeAtMs.value_or(std::numeric_limits<qint64>::max());
        case ValueColumn:
            return prometheus::parseSampleValue(alert.value).value_or(0.0);
        default:
            return data(index, Qt::DisplayRole);
        }
    case StateRole:
        return static_cast<int>(alert.state);
    case AlertNameRole:
        return alert.labels.value(AlertNameLabel);
    default:
        return {};
    }
}

QVariant AlertsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StateColumn:
        return tr("State");
    case NameColumn:
        return tr("Alert");
    case LabelsColumn:
        return tr("Labels");
    case SinceColumn:
        return tr("Since");
    case ValueColumn:
        return tr("Value");
    default:
        return {};
    }
}

QString AlertsModel::valueText(const QString& value)
{
    const std::optional<double> number = prometheus::parseSampleValue(value);
    if (!number || !std::isfinite(*number))
        return value;
    return QString::number(*number, 'g', 6);
}

QString AlertsModel::labelsText(const prometheus::LabelSet& labels)
{
    QStringList parts;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (it.key() != AlertNameLabel)
            parts << QStringLiteral("%1=\"%2\"").arg(it.key(), it.value());
    }
    return parts.join(QStringLiteral(", "));
}

QString AlertsModel::sinceText(std::optional<qint64> activeAtMs, qint64 nowMs, TimeDisplay display)
{
    if (!activeAtMs)
        return QStringLiteral("—");
    const qint64 ago = std::max<qint64>(0, nowMs - *activeAtMs);
    return tr("%1 ago (%2)").arg(formatDuration(std::chrono::milliseconds(ago)), formatTime(*activeAtMs, display));
}

QString AlertsModel::stateText(AlertState state)
{
    switch (state) {
    case AlertState::Firing:
        return tr("Firing");
    case AlertState::Pending:
        return tr("Pending");
    case AlertState::Inactive:
        break;
    }
    return tr("Inactive");
}

QColor AlertsModel::stateColor(AlertState state)
{
    switch (state) {
    case AlertState::Firing:
        return QColor(0xc6, 0x28, 0x28);
    case AlertState::Pending:
        return QColor(0xef, 0x6c, 0x00);
    case AlertState::Inactive:
        break;
    }
    return QColor(0x75, 0x75, 0x75);
}

} // namespace firebreak::ui
