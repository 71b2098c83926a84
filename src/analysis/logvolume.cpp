#include "logvolume.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace firebreak::analysis {

namespace {

constexpr qint64 NsPerMs = 1000000;
constexpr qint64 NsPerS = 1000 * NsPerMs;

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

qint64 ceilDiv(qint64 a, qint64 b)
{
    return -floorDiv(-a, b);
}

/// The bucket of a line stamped `ns` in buckets (from + i·step, from + (i+1)·step], or -1 outside `count`.
qsizetype bucketOf(qint64 ns, qint64 fromNs, qint64 stepNs, qsizetype count)
{
    if (ns <= fromNs || stepNs <= 0)
        return -1;
    const qint64 bucket = (ns - fromNs - 1) / stepNs;
    return bucket < count ? bucket : -1;
}

// ---- just enough of LogQL to take a log query apart into its stages ----

enum class TokenKind
{
    Selector, // {…} with everything inside
    String,
    Identifier,
    Value, // numbers, durations, byte sizes
    Pipe, // |
    LineFilter, // |= |~ |> and != !~ !>
    Compare, // = == != =~ !~ > >= < <=
    Open,
    Close,
    Range, // [
    Other,
};

struct Token
{
    TokenKind kind;
    qsizetype start;
    qsizetype end;
    QStringView text;
};

/// `text` with `#` comments (outside strings) blanked, so stages can be cut from it as they are.
QString withoutComments(const QString& text)
{
    QString out = text;
    QChar quote;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const QChar c = out.at(i);
        if (!quote.isNull()) {
            if (c == u'\\' && quote == u'"')
                ++i;
            else if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == u'"' || c == u'`') {
            quote = c;
        } else if (c == u'#') {
            for (; i < out.size() && out.at(i) != u'\n'; ++i)
                out[i] = u' ';
        }
    }
    return out;
}

/// Where the string starting at `i` ends (one past the closing quote), or -1 when it is not closed.
qsizetype stringEnd(QStringView text, qsizetype i)
{
    const QChar quote = text.at(i);
    for (qsizetype j = i + 1; j < text.size(); ++j) {
        if (quote == u'"' && text.at(j) == u'\\')
            ++j;
        else if (text.at(j) == quote)
            return j + 1;
    }
    return -1;
}

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isIdentifierPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'.';
}

std::optional<std::vector<Token>> tokenize(QStringView text)
{
    std::vector<Token> tokens;
    qsizetype i = 0;
    const auto push = [&](TokenKind kind, qsizetype end) {
        tokens.push_back({ kind, i, end, text.sliced(i, end - i) });
        i = end;
    };
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if (c == u'"' || c == u'`') {
            const qsizetype end = stringEnd(text, i);
            if (end < 0)
                return std::nullopt;
            push(TokenKind::String, end);
        } else if (c == u'{') {
            qsizetype j = i + 1;
            while (j < text.size() && text.at(j) != u'}') {
                if (text.at(j) == u'"' || text.at(j) == u'`') {
                    j = stringEnd(text, j);
                    if (j < 0)
                        return std::nullopt;
                } else {
                    ++j;
                }
            }
            if (j >= text.size())
                return std::nullopt;
            push(TokenKind::Selector, j + 1);
        } else if (c == u'|') {
            if (next == u'=' || next == u'~' || next == u'>')
                push(TokenKind::LineFilter, i + 2);
            else
                push(TokenKind::Pipe, i + 1);
        } else if (c == u'!' && (next == u'=' || next == u'~' || next == u'>')) {
            push(TokenKind::LineFilter, i + 2); // or a comparison: decided by the stage it stands in
        } else if (c == u'=' || c == u'<' || c == u'>') {
            push(TokenKind::Compare, (next == u'=' || (c == u'=' && next == u'~')) ? i + 2 : i + 1);
        } else if (c == u'(') {
            push(TokenKind::Open, i + 1);
        } else if (c == u')') {
            push(TokenKind::Close, i + 1);
        } else if (c == u'[') {
            push(TokenKind::Range, i + 1);
        } else if (isIdentifierStart(c)) {
            qsizetype j = i + 1;
            while (j < text.size() && isIdentifierPart(text.at(j)))
                ++j;
            push(TokenKind::Identifier, j);
        } else if (c.isDigit() || ((c == u'-' || c == u'.') && next.isDigit())) {
            qsizetype j = i + 1;
            while (j < text.size() && (text.at(j).isLetterOrNumber() || text.at(j) == u'.'))
                ++j;
            push(TokenKind::Value, j);
        } else {
            push(TokenKind::Other, i + 1);
        }
    }
    return tokens;
}

enum class StageKind
{
    LineFilter,
    Parser,
    LabelFilter,
    Formatting,
};

struct Stage
{
    StageKind kind;
    qsizetype start;
    qsizetype end;
};

StageKind stageNamed(QStringView name, const Token* after)
{
    static const QStringList parsers { QStringLiteral("json"), QStringLiteral("logfmt"), QStringLiteral("regexp"),
        QStringLiteral("pattern"), QStringLiteral("unpack") };
    if (parsers.contains(name))
        return StageKind::Parser;
    if (after && (after->kind == TokenKind::Compare || after->kind == TokenKind::LineFilter))
        return StageKind::LabelFilter; // `| status >= 500`, `| level != "info"`
    return StageKind::Formatting; // line_format, label_format, keep, drop, decolorize and what is not known here
}

} // namespace

qsizetype LogVolume::bucketAt(qint64 ns) const
{
    return bucketOf(ns, fromNs, stepNs, bucketCount());
}

qint64 LogVolume::bucketTotal(qsizetype bucket) const
{
    const Counts& counts = buckets[static_cast<std::size_t>(bucket)];
    return std::accumulate(counts.begin(), counts.end(), qint64(0));
}

qint64 LogVolume::maxBucketTotal() const
{
    qint64 most = 0;
    for (qsizetype i = 0; i < bucketCount(); ++i)
        most = std::max(most, bucketTotal(i));
    return most;
}

qint64 LogVolume::total() const
{
    const Counts byLevel = totalsByLevel();
    return std::accumulate(byLevel.begin(), byLevel.end(), qint64(0));
}

LogVolume::Counts LogVolume::totalsByLevel() const
{
    Counts sums {};
    for (const Counts& counts : buckets) {
        for (std::size_t level = 0; level < sums.size(); ++level)
            sums[level] += counts[level];
    }
    return sums;
}

qint64 volumeStepNs(qint64 fromNs, qint64 toNs, int maxBuckets)
{
    constexpr qint64 M = 60;
    constexpr qint64 H = 60 * M;
    constexpr qint64 D = 24 * H;
    static constexpr qint64 niceSeconds[]
        = { 1, 2, 5, 10, 15, 30, M, 2 * M, 5 * M, 10 * M, 15 * M, 30 * M, H, 2 * H, 3 * H, 6 * H, 12 * H, D };
    const qint64 span = std::max<qint64>(toNs - fromNs, 1);
    // Aligning both ends can add a bucket: leave room for it.
    const qint64 room = std::max(maxBuckets - 1, 1);
    const qint64 needed = ceilDiv(span, room);
    for (const qint64 seconds : niceSeconds) {
        if (seconds * NsPerS >= needed)
            return seconds * NsPerS;
    }
    return ceilDiv(needed, D * NsPerS) * D * NsPerS;
}

VolumeGrid volumeGrid(qint64 fromNs, qint64 toNs, int maxBuckets)
{
    VolumeGrid grid;
    grid.stepNs = volumeStepNs(fromNs, toNs, maxBuckets);
    grid.fromNs = floorDiv(fromNs, grid.stepNs) * grid.stepNs;
    grid.toNs = std::max(ceilDiv(toNs, grid.stepNs) * grid.stepNs, grid.fromNs + grid.stepNs);
    return grid;
}

LogVolume volumeFromLines(
    const LogBatch& lines, const std::vector<LogLevel>& levels, qint64 fromNs, qint64 toNs, int bucketCount)
{
    LogVolume volume;
    volume.estimated = true;
    volume.fromNs = fromNs;
    const qint64 count = std::max(bucketCount, 1);
    volume.stepNs = std::max<qint64>(ceilDiv(std::max<qint64>(toNs - fromNs, 1), count), 1);
    volume.toNs = fromNs + count * volume.stepNs;
    volume.buckets.assign(static_cast<std::size_t>(count), LogVolume::Counts {});
    const std::vector<LogLine>& all = lines.lines();
    for (std::size_t i = 0; i < all.size(); ++i) {
        const qsizetype bucket = bucketOf(all[i].timestampNs, volume.fromNs, volume.stepNs, count);
        if (bucket < 0)
            continue;
        const LogLevel level = i < levels.size() ? levels[i] : LogLevel::Unknown;
        ++volume.buckets[static_cast<std::size_t>(bucket)][static_cast<std::size_t>(level)];
    }
    return volume;
}

LogVolume volumeFromMatrix(const std::vector<Series>& byLevel, const VolumeGrid& grid)
{
    LogVolume volume;
    volume.fromNs = grid.fromNs;
    volume.toNs = grid.toNs;
    volume.stepNs = grid.stepNs;
    volume.buckets.assign(static_cast<std::size_t>(std::max<qsizetype>(grid.bucketCount(), 0)), LogVolume::Counts {});
    const QString levelLabel = QStringLiteral("level");
    for (const Series& series : byLevel) {
        const auto it = series.labels.constFind(levelLabel);
        const LogLevel level
            = it == series.labels.cend() ? LogLevel::Unknown : logLevelFromText(*it).value_or(LogLevel::Unknown);
        for (qsizetype i = 0; i < series.size(); ++i) {
            const double value = series.values[static_cast<std::size_t>(i)];
            if (!std::isfinite(value) || value <= 0)
                continue;
            // The sample at t counts (t - step, t]: the bucket that ends at t.
            const qint64 endNs = series.timesMs[static_cast<std::size_t>(i)] * NsPerMs;
            const qsizetype bucket = bucketOf(endNs, volume.fromNs, volume.stepNs, volume.bucketCount());
            if (bucket < 0 || volume.bucketEndNs(bucket) != endNs)
                continue; // off the grid asked for
            volume.buckets[static_cast<std::size_t>(bucket)][static_cast<std::size_t>(level)]
                += static_cast<qint64>(std::llround(value));
        }
    }
    return volume;
}

LogVolume volumeFromMatrix(const QList<Series>& byLevel, const VolumeGrid& grid)
{
    return volumeFromMatrix(std::vector<Series>(byLevel.cbegin(), byLevel.cend()), grid);
}

std::optional<QString> volumeSelector(const QString& logql)
{
    const QString text = withoutComments(logql);
    const auto tokens = tokenize(text);
    if (!tokens || tokens->empty() || tokens->front().kind != TokenKind::Selector)
        return std::nullopt; // a metric query (or nothing LogQL)
    std::vector<Stage> stages;
    int depth = 0;
    const qsizetype count = static_cast<qsizetype>(tokens->size());
    for (qsizetype i = 1; i < count; ++i) {
        const Token& token = (*tokens)[static_cast<std::size_t>(i)];
        const Token* next = i + 1 < count ? &(*tokens)[static_cast<std::size_t>(i + 1)] : nullptr;
        const Token& previous = (*tokens)[static_cast<std::size_t>(i - 1)];
        if (token.kind == TokenKind::Selector || token.kind == TokenKind::Range)
            return std::nullopt; // `{…}[5m]` and the like are not log queries
        if (token.kind == TokenKind::Open)
            ++depth;
        if (token.kind == TokenKind::Close && --depth < 0)
            return std::nullopt;
        bool begins = false;
        StageKind kind = StageKind::Formatting;
        if (depth == 0 && token.kind == TokenKind::Pipe) {
            begins = true;
            kind = next && next->kind == TokenKind::Identifier
                ? stageNamed(next->text, i + 2 < count ? &(*tokens)[static_cast<std::size_t>(i + 2)] : nullptr)
                : StageKind::LabelFilter; // `| (a="b" or c="d")`
        } else if (depth == 0 && token.kind == TokenKind::LineFilter) {
            // `!=` after a label name compares inside a label filter; anywhere else it starts a line filter.
            const bool comparison = token.text.startsWith(u'!') && !stages.empty()
                && stages.back().kind == StageKind::LabelFilter && previous.kind == TokenKind::Identifier;
            begins = !comparison;
            kind = StageKind::LineFilter;
        }
        if (begins) {
            stages.push_back({ kind, token.start, token.end });
        } else if (stages.empty()) {
            return std::nullopt; // something between the selector and the first stage
        } else {
            stages.back().end = token.end;
        }
    }
    if (depth != 0)
        return std::nullopt;

    // Formatting may only go where no filter after it could read what it made.
    qsizetype lastFilter = -1;
    for (qsizetype s = 0; s < static_cast<qsizetype>(stages.size()); ++s) {
        const StageKind kind = stages[static_cast<std::size_t>(s)].kind;
        if (kind == StageKind::LineFilter || kind == StageKind::LabelFilter)
            lastFilter = s;
    }
    const Token& selector = tokens->front();
    QString out = selector.text.toString();
    for (qsizetype s = 0; s < static_cast<qsizetype>(stages.size()); ++s) {
        const Stage& stage = stages[static_cast<std::size_t>(s)];
        if (stage.kind == StageKind::Formatting && s > lastFilter)
            continue;
        out += u' ';
        out += QStringView(text).sliced(stage.start, stage.end - stage.start);
    }
    return out;
}

std::optional<QString> volumeQuery(const QString& logql, qint64 stepNs)
{
    const std::optional<QString> selector = volumeSelector(logql);
    if (!selector || stepNs <= 0)
        return std::nullopt;
    return QStringLiteral("sum by (level) (count_over_time(%1 [%2]))").arg(*selector, logqlDuration(stepNs));
}

QString logqlDuration(qint64 ns)
{
    const qint64 ms = std::max<qint64>(1, (ns + NsPerMs / 2) / NsPerMs);
    if (ms % 1000 == 0)
        return QStringLiteral("%1s").arg(ms / 1000);
    return QStringLiteral("%1ms").arg(ms);
}

} // namespace firebreak::analysis
