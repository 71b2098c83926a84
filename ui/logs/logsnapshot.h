#pragma once

#include "analysis/loglevel.h"
#include "model/logbatch.h"

#include <memory>
#include <vector>

namespace firebreak::ui {

using LogLevels = std::vector<analysis::LogLevel>;

/// A piece of the loaded lines that never changes once made, with the level of each line. Workers read it
/// while the GUI thread adds newer pieces (live tail, "load older"): nothing is copied for them.
struct LogSegment
{
    std::shared_ptr<const LogBatch> batch;
    std::shared_ptr<const LogLevels> levels; // one per line of `batch`
    qint64 firstId = 0; // the id of the batch's line 0

    qint64 endId() const { return firstId + (batch ? batch->size() : 0); }
};

/// Where a line id lives: its batch, the line in it and its level.
struct LogLineRef
{
    const LogBatch* batch = nullptr;
    const LogLine* line = nullptr;
    analysis::LogLevel level = analysis::LogLevel::Unknown;

    bool isValid() const { return batch != nullptr; }
};

/// The lines loaded at one moment, as segments. A line is named by an id that grows in display order and is
/// never reused; the ids in [beginId, endId) are held, older ones were dropped (the live tail's bound).
/// Copying a snapshot copies pointers, so a worker can take one while the GUI thread appends.
class LogSnapshot
{
public:
    std::vector<LogSegment> segments; // by firstId, contiguous
    qint64 beginId = 0;
    qint64 endId = 0;

    qint64 size() const { return endId - beginId; }
    bool isEmpty() const { return endId <= beginId; }
    /// The segment holding `id` (its index in `segments`), or -1 when the id is not held.
    qsizetype segmentOf(qint64 id) const;
    LogLineRef line(qint64 id) const;
    /// Lines [from, to) of segment `segment` that are held: all but those dropped before beginId.
    qsizetype heldFrom(qsizetype segment) const;

    /// All held lines as one segment starting at beginId: the segment itself when there is exactly one and
    /// nothing of it was dropped, else a copy (a big one is meant for a worker thread).
    LogSegment merged() const;
};

} // namespace firebreak::ui
