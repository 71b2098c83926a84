#pragma once

#include "model/logbatch.h"

#include <QString>

#include <atomic>
#include <vector>

namespace firebreak::analysis {

/// One line template: words that stay, `<*>` where lines differ (`key=<*>` where they differ in the value of
/// the same `key=`), and maskVariables's typed placeholders
/// (<NUM>, <IP>, <UUID>, <HEX>, <DURATION>, <TIME>) where every line had that kind of value. Words are
/// separated by single spaces whatever the lines had.
struct LogPattern
{
    qint32 id = -1; // its index in PatternResult::patterns
    QString pattern;
    qint64 count = 0;
    qint64 firstNs = 0;
    qint64 lastNs = 0;
    QString example; // the first line (in batch order) that has this pattern
    std::vector<qint32> sparkline; // lines per bucket of [fromNs, toNs]
};

struct PatternResult
{
    std::vector<LogPattern> patterns; // by count, most first (then first seen, then text)
    std::vector<qint32> patternOfLine; // per batch line: the id of its pattern
    bool cancelled = false; // everything empty then
};

/// Drain's settings (He et al., "Drain: An Online Log Parsing Approach with Fixed Depth Tree", ICWS 2017).
struct DrainOptions
{
    double similarity = 0.5; // share of a template's fixed words a line must have to join it
    int depth = 4; // tree levels: root, token count, then depth - 2 leading words
    int maxChildren = 100; // words under one node before the rest go under <*>
};

/// Mines line templates from every line of `batch` with a Drain parse tree: each line is masked
/// (maskVariables) and split at whitespace; the tree routes it by word count, then by its first words (words
/// holding a placeholder go under <*>); in the leaf it joins the template with the most equal words when at
/// least `similarity` of the template's fixed words match (positions that differ become <*>), otherwise it
/// starts a new template. Lines whose masked text is identical always get the same template (a cache in
/// front of the tree: a line is placed once, then repeats are counted), which makes the result depend only on
/// the set of distinct lines in order of first appearance. Every line gets exactly one pattern: the counts
/// add up to batch.size(). Masking runs in parallel, the tree on the calling thread: deterministic.
/// The sparkline has `sparklineBuckets` equal buckets over [fromNs, toNs]; lines outside are counted in
/// `count` but not in the sparkline. `cancel` is read every few thousand lines.
PatternResult minePatterns(const LogBatch& batch, qint64 fromNs, qint64 toNs, int sparklineBuckets = 40,
    const std::atomic_bool* cancel = nullptr, const DrainOptions& options = {});

/// True when the pattern was first seen at or after `sinceNs` ("what changed" since the incident started).
bool isNewPattern(const LogPattern& pattern, qint64 sinceNs);

} // namespace firebreak::analysis
