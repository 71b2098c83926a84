#include "loglistmodel.h"

#include <QVariantMap>

#include <algorithm>

namespace firebreak::ui {

LogListModel::LogListModel(QObject* parent)
    : QAbstractListModel(parent)
{ }

LogListModel::~LogListModel() = default;

int LogListModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    return static_cast<int>(m_allShown ? m_lines.size() : static_cast<qint64>(m_rows.size()));
}

qint64 LogListModel::idAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    return m_allShown ? m_lines.beginId + row : m_rows[static_cast<std::size_t>(row)];
}

int LogListModel::rowOf(qint64 id) const
{
    if (id < m_lines.beginId || id >= m_lines.endId)
        return -1;
    if (m_allShown)
        return static_cast<int>(id - m_lines.beginId);
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), id);
    return it != m_rows.end() && *it == id ? static_cast<int>(it - m_rows.begin()) : -1;
}

int LogListModel::repeatsAt(int row) const
{
    if (m_repeats.empty() || row < 0 || static_cast<std::size_t>(row) >= m_repeats.size())
        return 1;
    return m_repeats[static_cast<std::size_t>(row)];
}

QVariant LogListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const qint64 id = idAt(index.row());
    const LogLineRef ref = m_lines.line(id);
    if (!ref.isValid())
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return ref.batch->textString(*ref.line);
    case TimestampNsRole:
        return ref.line->timestampNs;
    case LevelRole:
        return static_cast<int>(ref.level);
    case StreamKeyRole:
        return ref.batch->streamKey(ref.line->stream);
    case LabelsRole: {
        QVariantMap labels;
        const LogLabels& stream = ref.batch->streamLabels(ref.line->stream);
        for (auto it = stream.cbegin(); it != stream.cend(); ++it)
            labels.insert(it.key(), it.value());
        return labels;
    }
    case RepeatsRole:
        return repeatsAt(index.row());
    case LineIdRole:
        return id;
    default:
        return {};
    }
}

QHash<int, QByteArray> LogListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TimestampNsRole, "timestampNs");
    names.insert(LevelRole, "level");
    names.insert(TextRole, "text");
    names.insert(StreamKeyRole, "streamKey");
    names.insert(LabelsRole, "labels");
    names.insert(RepeatsRole, "repeats");
    names.insert(LineIdRole, "lineId");
    return names;
}

void LogListModel::setLines(std::shared_ptr<const LogBatch> batch, std::shared_ptr<const LogLevels> levels)
{
    Q_ASSERT(batch && levels && static_cast<qsizetype>(levels->size()) == batch->size());
    beginResetModel();
    // Ids go on from the previous lines: a row id seen before never names another line.
    const qint64 first = m_lines.endId;
    m_lines.segments.clear();
    m_lines.beginId = first;
    m_lines.endId = first + batch->size();
    if (!batch->isEmpty())
        m_lines.segments.push_back({ std::move(batch), std::move(levels), first });
    m_allShown = true;
    m_rows.clear();
    m_rows.shrink_to_fit();
    m_repeats.clear();
    m_repeats.shrink_to_fit();
    m_dropped = 0;
    endResetModel();
}

void LogListModel::clear()
{
    setLines(std::make_shared<const LogBatch>(), std::make_shared<const LogLevels>());
}

void LogListModel::appendLines(
    std::shared_ptr<const LogBatch> batch, std::shared_ptr<const LogLevels> levels, const std::vector<qint32>* shown)
{
    Q_ASSERT(batch && levels && static_cast<qsizetype>(levels->size()) == batch->size());
    if (batch->isEmpty())
        return;
    const qint64 first = m_lines.endId;
    const qsizetype count = batch->size();
    const int oldRows = rowCount();
    if (m_allShown || !shown) {
        beginInsertRows({}, oldRows, oldRows + static_cast<int>(count) - 1);
        m_lines.segments.push_back({ std::move(batch), std::move(levels), first });
        m_lines.endId = first + count;
        if (!m_allShown) {
            m_rows.reserve(m_rows.size() + static_cast<std::size_t>(count));
            for (qsizetype i = 0; i < count; ++i)
                m_rows.push_back(first + i);
            if (!m_repeats.empty())
                m_repeats.resize(m_rows.size(), 1);
        }
        endInsertRows();
    } else {
        m_lines.segments.push_back({ std::move(batch), std::move(levels), first });
        m_lines.endId = first + count;
        if (!shown->empty()) {
            beginInsertRows({}, oldRows, oldRows + static_cast<int>(shown->size()) - 1);
            for (const qint32 line : *shown)
                m_rows.push_back(first + line);
            if (!m_repeats.empty())
                m_repeats.resize(m_rows.size(), 1);
            endInsertRows();
        }
    }
    dropOldest();
}

void LogListModel::dropOldest()
{
    if (m_maxLines < 0 || m_lines.size() <= m_maxLines)
        return;
    const qint64 drop = m_lines.size() - m_maxLines;
    const qint64 newBegin = m_lines.beginId + drop;
    int removedRows = 0;
    if (m_allShown) {
        removedRows = static_cast<int>(drop);
    } else {
        removedRows = static_cast<int>(std::lower_bound(m_rows.begin(), m_rows.end(), newBegin) - m_rows.begin());
    }
    if (removedRows > 0)
        beginRemoveRows({}, 0, removedRows - 1);
    m_lines.beginId = newBegin;
    if (!m_allShown) {
        m_rows.erase(m_rows.begin(), m_rows.begin() + removedRows);
        if (!m_repeats.empty())
            m_repeats.erase(m_repeats.begin(), m_repeats.begin() + removedRows);
    }
    // Whole segments before the new beginning go; a partly dropped one stays until compaction copies it.
    const auto firstKept = std::find_if(m_lines.segments.begin(), m_lines.segments.end(),
        [newBegin](const LogSegment& segment) { return segment.endId() > newBegin; });
    m_lines.segments.erase(m_lines.segments.begin(), firstKept);
    m_dropped += drop;
    if (removedRows > 0)
        endRemoveRows();
}

void LogListModel::setRows(std::vector<qint64> ids, std::vector<qint32> repeats)
{
    Q_ASSERT(repeats.empty() || repeats.size() == ids.size());
    beginResetModel();
    // Lines dropped since the rows were computed are left out.
    const auto firstHeld = std::lower_bound(ids.begin(), ids.end(), m_lines.beginId);
    const auto skipped = firstHeld - ids.begin();
    const auto lastHeld = std::lower_bound(firstHeld, ids.end(), m_lines.endId);
    ids.erase(lastHeld, ids.end());
    ids.erase(ids.begin(), firstHeld);
    if (!repeats.empty()) {
        repeats.resize(static_cast<std::size_t>(skipped) + ids.size());
        repeats.erase(repeats.begin(), repeats.begin() + skipped);
    }
    m_rows = std::move(ids);
    m_repeats = std::move(repeats);
    m_allShown = false;
    endResetModel();
}

void LogListModel::showAllLines()
{
    if (m_allShown)
        return;
    beginResetModel();
    m_allShown = true;
    m_rows.clear();
    m_rows.shrink_to_fit();
    m_repeats.clear();
    m_repeats.shrink_to_fit();
    endResetModel();
}

void LogListModel::replaceSegments(LogSegment merged)
{
    if (!merged.batch)
        return;
    const qint64 end = merged.endId();
    if (end <= m_lines.beginId || merged.firstId > m_lines.beginId)
        return; // lines no longer held, or not all of the held ones
    auto& segments = m_lines.segments;
    const auto firstAfter = std::find_if(
        segments.begin(), segments.end(), [end](const LogSegment& segment) { return segment.firstId >= end; });
    // Only a merge of exactly the segments it covers (a newer setLines / compaction may have replaced them).
    if (firstAfter != segments.begin() && std::prev(firstAfter)->endId() != end)
        return;
    segments.erase(segments.begin(), firstAfter);
    segments.insert(segments.begin(), std::move(merged));
}

} // namespace firebreak::ui
