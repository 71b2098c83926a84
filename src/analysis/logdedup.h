#pragma once

#include "model/logbatch.h"

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace firebreak::analysis {

enum class DedupMode
{
    None,
    Exact, // the same text (whatever the stream or time)
    Masked, // the same text once maskVariables has replaced numbers, ids, addresses, times and durations
};

/// Placeholders maskVariables writes, most specific first.
namespace mask {
inline constexpr char Time[] = "<TIME>"; // 2026-11-25T10:03:50.742Z, 2026/11/25, 10:03:50.742
inline constexpr char Uuid[] = "<UUID>"; // 8-4-4-4-12 hex digits
inline constexpr char Ip[] = "<IP>"; // IPv4 (10.42.0.7) and IPv6 (fe80::1, 2001:db8:0:0:0:0:0:1)
inline constexpr char Duration[] = "<DURATION>"; // Go durations: 12ms, 1.5s, 250µs, 1h2m3s
inline constexpr char Hex[] = "<HEX>"; // 0x1f, or 8+ hex digits with a digit among them (hashes, span ids)
inline constexpr char Num[] = "<NUM>"; // 42, -7, 3.14, 1e-3, 1.2.3; also digit runs inside words: pod-7 → pod-<NUM>
} // namespace mask

/// `line` with its variable parts replaced by typed placeholders (see `mask`), so lines that differ only
/// by ids, numbers, addresses, times and durations become equal: "GET /cart/42 took 12ms from 10.0.0.7" →
/// "GET /cart/<NUM> took <DURATION> from <IP>". A token is recognised only where it starts and ends at a word
/// boundary (letters, digits and `_` make words), except digit runs inside words, which become <NUM>.
/// Quoted strings are not masked as a whole: `msg="user 42 logged in"` keeps its words (42 still → <NUM>),
/// since the words of a message are what tells two kinds of line apart. Bytes other than ASCII are copied.
QByteArray maskVariables(QByteArrayView line);
/// The same, into `out` (cleared first): no allocation once `out` has grown, for loops over many lines.
void maskVariablesInto(QByteArrayView line, QByteArray& out);

struct DedupResult
{
    std::vector<qint32> rows; // the first line of each group, in the order of the rows given
    std::vector<qint32> repeats; // per kept row: how many later rows were folded into it (0: none)
};

/// Folds `rows` (indexes into `batch`, e.g. a filter's result) that repeat an earlier one in `mode`.
/// Every row given is either kept or counted in exactly one repeats entry. DedupMode::None keeps all.
DedupResult dedupLines(const LogBatch& batch, const std::vector<qint32>& rows, DedupMode mode);

} // namespace firebreak::analysis
