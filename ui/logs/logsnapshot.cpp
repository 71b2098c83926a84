#include "logsnapshot.h"

#include <algorithm>

namespace firebreak::ui {

qsizetype LogSnapshot::segmentOf(qint64 id) const
{
    if (id < beginId || id >= endId)
        return -1;
    const auto it = std::upper_bound(segments.begin(), segments.end(), id,
        [](qint64 value, const LogSegment& segment) { return value < segment.firstId; });
    if (it == segments.begin())
        return -1;
    const auto index = static_cast<qsizetype>(it - segments.begin()) - 1;
    return id < segments[static_cast<std::size_t>(index)].endId() ? index : -1;
}

LogLineRef LogSnapshot::line(qint64 id) const
{
    const qsizetype index = segmentOf(id);
    if (index < 0)
        return {};
    const LogSegment& segment = segments[static_cast<std::size_t>(index)];
    const auto at = static_cast<qsizetype>(id - segment.firstId);
    return { segment.batch.get(), &segment.batch->at(at), (*segment.levels)[static_cast<std::size_t>(at)] };
}

qsizetype LogSnapshot::heldFrom(qsizetype segment) const
{
    const LogSegment& s = segments[static_cast<std::size_t>(segment)];
    return static_cast<qsizetype>(std::clamp<qint64>(beginId - s.firstId, 0, s.endId() - s.firstId));
}

LogSegment LogSnapshot::merged() const
{
    if (segments.size() == 1 && segments.front().firstId == beginId && segments.front().endId() == endId)
        return segments.front();
    qsizetype textBytes = 0;
    for (std::size_t s = 0; s < segments.size(); ++s) {
        const LogBatch& batch = *segments[s].batch;
        for (qsizetype i = heldFrom(static_cast<qsizetype>(s)); i < batch.size(); ++i)
            textBytes += batch.at(i).textLength;
    }
    auto batch = std::make_shared<LogBatch>();
    auto levels = std::make_shared<LogLevels>();
    batch->reserve(size(), textBytes);
    levels->reserve(static_cast<std::size_t>(size()));
    for (std::size_t s = 0; s < segments.size(); ++s) {
        const LogSegment& segment = segments[s];
        std::vector<qint32> streams;
        for (qsizetype i = heldFrom(static_cast<qsizetype>(s)); i < segment.batch->size(); ++i) {
            batch->appendFrom(*segment.batch, i, &streams);
            levels->push_back((*segment.levels)[static_cast<std::size_t>(i)]);
        }
    }
    return { std::move(batch), std::move(levels), beginId };
}

} // namespace firebreak::ui
