#pragma once

#include "loglevel.h"
#include "model/logbatch.h"

#include <QList>
#include <QPair>
#include <QString>

#include <atomic>
#include <memory>
#include <utility>
#include <vector>

namespace firebreak::analysis {

/// What the filter box asks for. An empty `text` matches every line.
///
/// Substring, case-insensitive: ASCII letters fold (A–Z = a–z) while the bytes are scanned, nothing is
/// allocated. A needle with non-ASCII characters is matched instead by RE2 as a literal with Unicode simple
/// case folding (é = É, but no multi-character folds: ß ≠ SS).
/// Regex: RE2 syntax on the UTF-8 bytes, as Loki's `|~` (Go's regexp is RE2): linear time whatever the
/// pattern, so a half-typed expression cannot hang a worker; no backreferences or lookaround. Unanchored
/// (`^`/`$` are the line's start and end); case-insensitive as with `(?i)` when caseSensitive is false.
struct LogFilterSpec
{
    QString text;
    bool regex = false;
    bool caseSensitive = false;
    quint32 levelMask = 0xFFFFFFFF; // logLevelBit(level) set: lines of that level pass
    qint32 pattern = -1; // >= 0: only lines whose patternOfLine is this id
};

struct LogFilterResult
{
    std::vector<qint32> rows; // indexes into the batch, in batch order
    bool cancelled = false; // rows is empty then
    QString error; // a regex that does not compile; rows is empty then
};

/// The lines of `batch` that pass `spec`. `levels` is detectLevels(batch) (lines past its end are Unknown);
/// `patternOfLine` is PatternResult::patternOfLine, needed when spec.pattern >= 0. Runs on the calling thread
/// and the global pool's idle threads; `cancel` is read every few thousand lines.
LogFilterResult filterLines(const LogBatch& batch, const std::vector<LogLevel>& levels, const LogFilterSpec& spec,
    const std::atomic_bool* cancel = nullptr, const std::vector<qint32>* patternOfLine = nullptr);

/// The text part of a LogFilterSpec, compiled: for matching one line at a time and for highlighting matches.
/// Const members may be called from several threads at once; filterLines still gives each thread its own
/// (cheap to make), since RE2 serialises threads on the lazily built automaton of a shared one.
class LineMatcher
{
public:
    explicit LineMatcher(const LogFilterSpec& spec);
    ~LineMatcher();
    LineMatcher(LineMatcher&&) noexcept;
    LineMatcher& operator=(LineMatcher&&) noexcept;

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    /// True when the spec has no text: every line matches.
    bool matchesEverything() const;

    bool matches(QByteArrayView line) const;
    /// [start, length) of each match in UTF-8 bytes, left to right, not overlapping; an empty match is skipped.
    std::vector<std::pair<qsizetype, qsizetype>> matchRanges(QByteArrayView line) const;
    /// The same in UTF-16 positions of `line`, for highlighting a displayed line.
    QList<QPair<qsizetype, qsizetype>> matchRanges(QStringView line) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
    QString m_error;
};

} // namespace firebreak::analysis
