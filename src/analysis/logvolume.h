#pragma once

#include "analysis/loglevel.h"
#include "model/logbatch.h"
#include "model/series.h"

#include <QList>
#include <QString>

#include <array>
#include <optional>
#include <vector>

namespace firebreak::analysis {

/// Lines per level over time, in equal buckets. Bucket i holds the lines stamped in
/// (fromNs + i·stepNs, fromNs + (i+1)·stepNs] — the window `count_over_time(…[step])` counts at the bucket's
/// end — so counts from loaded lines and from Loki agree exactly.
struct LogVolume
{
    using Counts = std::array<qint64, LogLevelCount>; // indexed by LogLevel

    qint64 fromNs = 0;
    qint64 toNs = 0;
    qint64 stepNs = 0;
    std::vector<Counts> buckets;
    /// Counted from the lines loaded, not asked from the server: only as complete as what was loaded.
    bool estimated = false;

    qsizetype bucketCount() const { return static_cast<qsizetype>(buckets.size()); }
    bool isEmpty() const { return buckets.empty(); }
    qint64 bucketStartNs(qsizetype bucket) const { return fromNs + bucket * stepNs; }
    qint64 bucketEndNs(qsizetype bucket) const { return fromNs + (bucket + 1) * stepNs; }
    /// The bucket holding a line stamped `ns`, or -1 when outside.
    qsizetype bucketAt(qint64 ns) const;
    qint64 bucketTotal(qsizetype bucket) const;
    qint64 maxBucketTotal() const;
    qint64 total() const;
    Counts totalsByLevel() const;
};

/// The buckets a volume is counted in: a "nice" step (1s, 2s, 5s, 10s, 15s, 30s, 1m, … 1d, whole days) and
/// both ends on multiples of it, so the server's step-aligned answers fall on the same grid.
struct VolumeGrid
{
    qint64 fromNs = 0;
    qint64 toNs = 0;
    qint64 stepNs = 0;

    qsizetype bucketCount() const { return stepNs > 0 ? (toNs - fromNs) / stepNs : 0; }
    /// The times the range query asks for: one sample per bucket, at the bucket's end.
    qint64 queryStartNs() const { return fromNs + stepNs; }
    qint64 queryEndNs() const { return toNs; }
};

/// The smallest nice step (at least a second) that covers [fromNs, toNs] in at most `maxBuckets` aligned buckets.
qint64 volumeStepNs(qint64 fromNs, qint64 toNs, int maxBuckets);
VolumeGrid volumeGrid(qint64 fromNs, qint64 toNs, int maxBuckets);

/// Counts `lines` (with `levels`, one per line) in `bucketCount` equal buckets over (fromNs, toNs]; the step is
/// rounded up so the buckets cover the range. `estimated` is set.
LogVolume volumeFromLines(
    const LogBatch& lines, const std::vector<LogLevel>& levels, qint64 fromNs, qint64 toNs, int bucketCount);

/// The answer to volumeQuery() asked over `grid` (start = grid.queryStartNs(), end = grid.queryEndNs(),
/// step = grid.stepNs): each series' `level` label names its level (missing or unknown values count as
/// Unknown; several series of one level add up), each sample at t fills the bucket ending at t.
LogVolume volumeFromMatrix(const std::vector<Series>& byLevel, const VolumeGrid& grid);
LogVolume volumeFromMatrix(const QList<Series>& byLevel, const VolumeGrid& grid);

/// What of a log query a count may keep: the stream selector, line filters, parsers and label filters (these
/// decide which lines there are); formatting stages (line_format, label_format, keep, drop, decolorize) only when
/// a filter after them may read what they made. Empty for a metric query or text that is not a log query.
std::optional<QString> volumeSelector(const QString& logql);

/// `sum by (level) (count_over_time(<volumeSelector> [<step>]))`, or empty when `logql` has no volume.
std::optional<QString> volumeQuery(const QString& logql, qint64 stepNs);

/// A LogQL duration for `ns` rounded to milliseconds: "60s", "1500ms".
QString logqlDuration(qint64 ns);

} // namespace firebreak::analysis
