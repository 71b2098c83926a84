#include "patterntablemodel.h"

#include <QLocale>

namespace firebreak::analysis {

namespace {

constexpr qint64 NsPerMs = 1000000;

const std::vector<LogPattern>& noPatterns()
{
    static const std::vector<LogPattern> none;
    return none;
}

QString shareText(qint64 count, qint64 total)
{
    if (total <= 0)
        return {};
    const double percent = 100.0 * static_cast<double>(count) / static_cast<double>(total);
    if (percent > 0 && percent < 0.1)
        return PatternTableModel::tr("< 0.1 %");
    return PatternTableModel::tr("%1 %").arg(QLocale().toString(percent, 'f', 1));
}

} // namespace

PatternTableModel::PatternTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

PatternTableModel::~PatternTableModel() = default;

void PatternTableModel::setPatterns(std::shared_ptr<const PatternResult> result)
{
    beginResetModel();
    m_result = std::move(result);
    m_total = 0;
    for (const LogPattern& pattern : patterns())
        m_total += pattern.count;
    endResetModel();
}

void PatternTableModel::setNewSince(qint64 ns)
{
    if (ns == m_newSinceNs)
        return;
    m_newSinceNs = ns;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), { IsNewRole, Qt::ToolTipRole });
}

void PatternTableModel::setTimeDisplay(TimeDisplay display)
{
    if (display == m_display)
        return;
    m_display = display;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, FirstSeenColumn), index(rowCount() - 1, LastSeenColumn), { Qt::DisplayRole });
}

const std::vector<LogPattern>& PatternTableModel::patterns() const
{
    return m_result ? m_result->patterns : noPatterns();
}

const LogPattern* PatternTableModel::patternAt(int row) const
{
    return row >= 0 && row < rowCount() ? &patterns()[static_cast<std::size_t>(row)] : nullptr;
}

int PatternTableModel::newPatternCount() const
{
    int count = 0;
    for (const LogPattern& pattern : patterns())
        count += isNewPattern(pattern, m_newSinceNs) ? 1 : 0;
    return count;
}

int PatternTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(patterns().size());
}

int PatternTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PatternTableModel::data(const QModelIndex& index, int role) const
{
    const LogPattern* pattern = index.isValid() ? patternAt(index.row()) : nullptr;
    if (!pattern)
        return {};
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case CountColumn:
            return QLocale().toString(pattern->count);
        case ShareColumn:
            return shareText(pattern->count, m_total);
        case FirstSeenColumn:
            return formatTime(pattern->firstNs / NsPerMs, m_display);
        case LastSeenColumn:
            return formatTime(pattern->lastNs / NsPerMs, m_display);
        case PatternColumn:
            return pattern->pattern;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column == PatternColumn || column == CountColumn)
            return tr("Example: %1").arg(pattern->example);
        if (column == FirstSeenColumn || column == LastSeenColumn) {
            const qint64 ns = column == FirstSeenColumn ? pattern->firstNs : pattern->lastNs;
            return isNewPattern(*pattern, m_newSinceNs) && column == FirstSeenColumn
                ? tr("%1 — new: first seen after %2")
                      .arg(formatTime(ns / NsPerMs, m_display, true),
                          formatTime(m_newSinceNs / NsPerMs, m_display, true))
                : formatTime(ns / NsPerMs, m_display, true);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == CountColumn || column == ShareColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case SortRole:
        switch (column) {
        case FirstSeenColumn:
            return pattern->firstNs;
        case LastSeenColumn:
            return pattern->lastNs;
        case PatternColumn:
            return pattern->pattern;
        default:
            return pattern->count;
        }
    case PatternIdRole:
        return pattern->id;
    case IsNewRole:
        return isNewPattern(*pattern, m_newSinceNs);
    case SparklineRole: {
        QList<int> counts;
        counts.reserve(static_cast<qsizetype>(pattern->sparkline.size()));
        for (const qint32 count : pattern->sparkline)
            counts.append(count);
        return QVariant::fromValue(counts);
    }
    case PatternTextRole:
        return pattern->pattern;
    case CountRole:
        return pattern->count;
    default:
        return {};
    }
}

QVariant PatternTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case CountColumn:
            return tr("Count");
        case ShareColumn:
            return tr("Share");
        case TrendColumn:
            return tr("Over time");
        case FirstSeenColumn:
            return tr("First seen");
        case LastSeenColumn:
            return tr("Last seen");
        case PatternColumn:
            return tr("Pattern");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && section == TrendColumn)
        return tr("Lines of the pattern over the range");
    return {};
}

} // namespace firebreak::analysis
