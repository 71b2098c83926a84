#include "logfilter.h"

#include "bytescan.h"
#include "parallelchunks.h"

#include <QCoreApplication>

#include <cstring>
#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <string_view>

namespace firebreak::analysis {

using namespace bytescan;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(LogFilter)
};

constexpr qsizetype LinesPerChunk = 16384;
constexpr qsizetype CancelCheckMask = 4095; // look at the flag every 4,096 lines
constexpr std::size_t MaxAtoms = 4; // a regex's prefilter is used when it has at most this many literals

bool isAscii(const QByteArray& bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) > 0x7f)
            return false;
    }
    return true;
}

/// A literal needle, ASCII-case-folded or exact. Candidates are found 16 positions at a time by comparing the
/// needle's first and last bytes at once (SSE2), then checked whole: a few ns per line of a log.
class SubstringSearch
{
public:
    SubstringSearch() = default;
    SubstringSearch(const QByteArray& needle, bool caseless)
        : m_needle(caseless ? needle.toLower() : needle)
        , m_caseless(caseless)
    {
        // Anchor on the two rarest bytes of the needle: fewer false candidates to check than first and last.
        const qsizetype m = m_needle.size();
        for (qsizetype j = 1; j < m; ++j) {
            if (commonness(m_needle[j]) < commonness(m_needle[m_anchorA]))
                m_anchorA = j;
        }
        m_anchorB = m_anchorA == 0 ? std::min<qsizetype>(1, m - 1) : 0;
        for (qsizetype j = 0; j < m; ++j) {
            if (j != m_anchorA && commonness(m_needle[j]) < commonness(m_needle[m_anchorB]))
                m_anchorB = j;
        }
    }

    qsizetype size() const { return m_needle.size(); }

    /// The first match at or after `from`, or -1.
    qsizetype find(const char* h, qsizetype n, qsizetype from = 0) const
    {
        const qsizetype m = m_needle.size();
        const char* nd = m_needle.constData();
        if (m == 0)
            return from <= n ? from : -1;
        if (n - from < m)
            return -1;
        if (m == 1) {
            const char c = nd[0];
            const char* p = m_caseless && isAlpha(c) ? findEither(h + from, h + n, c, static_cast<char>(c - 32))
                                                     : static_cast<const char*>(std::memchr(h + from, c, n - from));
            return p && p < h + n ? p - h : -1;
        }
        const qsizetype last = m - 1;
        qsizetype i = from;
#if defined(__SSE2__)
        // x | 0x20 maps exactly A–Z onto a–z and nothing else onto a letter: exact for letter anchors.
        const char a = nd[m_anchorA];
        const char b = nd[m_anchorB];
        const __m128i anchorA = _mm_set1_epi8(a);
        const __m128i anchorB = _mm_set1_epi8(b);
        const __m128i foldA = _mm_set1_epi8(m_caseless && isAlpha(a) ? 0x20 : 0);
        const __m128i foldB = _mm_set1_epi8(m_caseless && isAlpha(b) ? 0x20 : 0);
        const auto candidates = [&](qsizetype at) {
            const __m128i x
                = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(h + at + m_anchorA)), foldA);
            const __m128i y
                = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(h + at + m_anchorB)), foldB);
            return static_cast<unsigned>(
                _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(x, anchorA), _mm_cmpeq_epi8(y, anchorB))));
        };
        const auto firstMatch = [&](qsizetype at, unsigned mask) -> qsizetype {
            while (mask) {
                const int bit = __builtin_ctz(mask);
                if (equalAt(h + at + bit))
                    return at + bit;
                mask &= mask - 1;
            }
            return -1;
        };
        for (; i + last + 16 <= n; i += 16) {
            if (const qsizetype found = firstMatch(i, candidates(i)); found >= 0)
                return found;
        }
        // The last starts (fewer than 16) with one more block that ends at the end of the text, the starts
        // already looked at masked out: the scalar loop below then has nothing left on long enough text.
        const qsizetype tail = n - last - 16;
        if (tail >= from && i <= n - m) {
            const unsigned seen = static_cast<unsigned>(i - tail);
            const unsigned mask = candidates(tail) & ~((1u << seen) - 1u);
            const qsizetype found = firstMatch(tail, mask);
            if (found >= 0)
                return found;
            i = n - m + 1;
        }
#endif
        for (; i + m <= n; ++i) {
            if (equalAt(h + i))
                return i;
        }
        return -1;
    }

private:
    bool equalAt(const char* p) const
    {
        const qsizetype m = m_needle.size();
        if (!m_caseless)
            return std::memcmp(p, m_needle.constData(), static_cast<std::size_t>(m)) == 0;
        const char* nd = m_needle.constData();
        for (qsizetype j = 0; j < m; ++j) {
            if (toLower(p[j]) != nd[j])
                return false;
        }
        return true;
    }

    /// How often a byte turns up in log text, roughly (higher: more often); only the order matters.
    int commonness(char c) const
    {
        static constexpr std::string_view LettersByFrequency = "etaoinsrhldcumfpgwybvkxjqz";
        if (c == ' ')
            return 100;
        if (isDigit(c))
            return 70;
        const std::size_t rank = LettersByFrequency.find(toLower(c));
        if (rank != std::string_view::npos) {
            const int lower = 60 - static_cast<int>(rank) * 2;
            return isUpper(c) && !m_caseless ? lower / 3 : lower;
        }
        if (std::string_view("\"=:./-,_").find(c) != std::string_view::npos)
            return 50;
        return static_cast<unsigned char>(c) < 0x80 ? 10 : 5;
    }

    QByteArray m_needle;
    bool m_caseless = false;
    qsizetype m_anchorA = 0;
    qsizetype m_anchorB = 0;
};

/// Where the next search starts after an empty match at `pos`: past the whole UTF-8 character.
qsizetype nextCharacter(const char* s, qsizetype n, qsizetype pos)
{
    ++pos;
    while (pos < n && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80)
        ++pos;
    return pos;
}

} // namespace

struct LineMatcher::Private
{
    enum class Kind
    {
        Everything,
        Substring,
        Regex,
    };
    Kind kind = Kind::Everything;
    SubstringSearch substring;
    std::unique_ptr<re2::RE2> regex;

    // RE2's prefilter: literal strings ("atoms", lower case) that a line must hold in some AND/OR combination
    // before the regex can match. Most lines of a flood hold none, and then the regex does not run at all.
    std::unique_ptr<re2::FilteredRE2> prefilter;
    std::vector<SubstringSearch> atoms; // searched case-insensitively: atoms match lower-cased text
    std::vector<bool> atomAlwaysPresent; // non-ASCII atoms (Unicode lower case): assumed present, never wrong

    void buildPrefilter(const std::string& pattern, const re2::RE2::Options& options)
    {
        auto filter = std::make_unique<re2::FilteredRE2>(3);
        int id = 0;
        if (filter->Add(pattern, options, &id) != re2::RE2::NoError)
            return;
        std::vector<std::string> strings;
        filter->Compile(&strings);
        // Nothing required literally (".*", "\d+"): the regex decides alone. Many atoms (RE2 expands small
        // classes: status=5\d\d gives status=50 … status=59) cost more to look for than the regex itself.
        if (strings.empty() || strings.size() > MaxAtoms)
            return;
        for (const std::string& atom : strings) {
            const QByteArray bytes(atom.data(), static_cast<qsizetype>(atom.size()));
            atoms.emplace_back(bytes, true);
            atomAlwaysPresent.push_back(!isAscii(bytes));
        }
        prefilter = std::move(filter);
    }

    bool regexMatches(QByteArrayView line) const
    {
        const re2::StringPiece text(line.data(), static_cast<std::size_t>(line.size()));
        if (!prefilter)
            return regex->Match(text, 0, text.size(), re2::RE2::UNANCHORED, nullptr, 0);
        // Per thread, so that a const matcher can be used from several threads at once.
        thread_local std::vector<int> matchedAtoms;
        matchedAtoms.clear();
        for (std::size_t k = 0; k < atoms.size(); ++k) {
            if (atomAlwaysPresent[k] || atoms[k].find(line.data(), line.size()) >= 0)
                matchedAtoms.push_back(static_cast<int>(k));
        }
        return !matchedAtoms.empty() && prefilter->FirstMatch(text, matchedAtoms) >= 0;
    }
};

LineMatcher::LineMatcher(const LogFilterSpec& spec)
    : d(std::make_unique<Private>())
{
    if (spec.text.isEmpty())
        return;
    const QByteArray text = spec.text.toUtf8();
    std::string pattern;
    if (!spec.regex) {
        if (spec.caseSensitive || isAscii(text)) {
            d->kind = Private::Kind::Substring;
            d->substring = SubstringSearch(text, !spec.caseSensitive);
            return;
        }
        pattern = re2::RE2::QuoteMeta(re2::StringPiece(text.constData(), static_cast<std::size_t>(text.size())));
    } else {
        pattern.assign(text.constData(), static_cast<std::size_t>(text.size()));
    }
    re2::RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(spec.caseSensitive);
    d->kind = Private::Kind::Regex;
    d->regex = std::make_unique<re2::RE2>(pattern, options);
    if (!d->regex->ok()) {
        m_error = Text::tr("Not a regular expression: %1").arg(QString::fromStdString(d->regex->error()));
        return;
    }
    d->buildPrefilter(pattern, options);
}

LineMatcher::~LineMatcher() = default;
LineMatcher::LineMatcher(LineMatcher&&) noexcept = default;
LineMatcher& LineMatcher::operator=(LineMatcher&&) noexcept = default;

bool LineMatcher::matchesEverything() const
{
    return d->kind == Private::Kind::Everything;
}

bool LineMatcher::matches(QByteArrayView line) const
{
    switch (d->kind) {
    case Private::Kind::Everything:
        return true;
    case Private::Kind::Substring:
        return d->substring.find(line.data(), line.size()) >= 0;
    case Private::Kind::Regex:
        return isValid() && d->regexMatches(line);
    }
    return false;
}

std::vector<std::pair<qsizetype, qsizetype>> LineMatcher::matchRanges(QByteArrayView line) const
{
    std::vector<std::pair<qsizetype, qsizetype>> ranges;
    const char* s = line.data();
    const qsizetype n = line.size();
    switch (d->kind) {
    case Private::Kind::Everything:
        break;
    case Private::Kind::Substring: {
        const qsizetype m = d->substring.size();
        for (qsizetype at = d->substring.find(s, n); at >= 0; at = d->substring.find(s, n, at + m))
            ranges.emplace_back(at, m);
        break;
    }
    case Private::Kind::Regex: {
        if (!isValid())
            break;
        const re2::StringPiece text(s, static_cast<std::size_t>(n));
        qsizetype pos = 0;
        re2::StringPiece match;
        while (pos <= n
            && d->regex->Match(
                text, static_cast<std::size_t>(pos), static_cast<std::size_t>(n), re2::RE2::UNANCHORED, &match, 1)) {
            const qsizetype start = match.data() - s;
            const auto length = static_cast<qsizetype>(match.size());
            if (length > 0) {
                ranges.emplace_back(start, length);
                pos = start + length;
            } else {
                pos = nextCharacter(s, n, start);
            }
        }
        break;
    }
    }
    return ranges;
}

QList<QPair<qsizetype, qsizetype>> LineMatcher::matchRanges(QStringView line) const
{
    QList<QPair<qsizetype, qsizetype>> result;
    const QByteArray utf8 = line.toUtf8();
    const auto ranges = matchRanges(QByteArrayView(utf8));
    if (ranges.empty())
        return result;
    // UTF-8 byte offset -> UTF-16 position: a 4-byte sequence is two UTF-16 units, continuation bytes none.
    std::vector<qsizetype> utf16At(static_cast<std::size_t>(utf8.size()) + 1);
    qsizetype units = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        utf16At[static_cast<std::size_t>(i)] = units;
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0xF0)
            units += 2;
        else if ((c & 0xC0) != 0x80)
            units += 1;
    }
    utf16At[static_cast<std::size_t>(utf8.size())] = units;
    for (const auto& [start, length] : ranges) {
        const qsizetype from = utf16At[static_cast<std::size_t>(start)];
        result.append({ from, utf16At[static_cast<std::size_t>(start + length)] - from });
    }
    return result;
}

LogFilterResult filterLines(const LogBatch& batch, const std::vector<LogLevel>& levels, const LogFilterSpec& spec,
    const std::atomic_bool* cancel, const std::vector<qint32>* patternOfLine)
{
    LogFilterResult result;
    {
        const LineMatcher check(spec);
        if (!check.isValid()) {
            result.error = check.error();
            return result;
        }
    }
    if (spec.pattern >= 0 && !patternOfLine) {
        result.error = Text::tr("Filtering by pattern needs the patterns of the lines.");
        return result;
    }
    constexpr quint32 AllLevels = (1u << LogLevelCount) - 1;
    const bool checkLevels = (spec.levelMask & AllLevels) != AllLevels;
    const qsizetype count = batch.size();
    const qsizetype chunks = chunkCount(count, LinesPerChunk);
    std::vector<std::vector<qint32>> chunkRows(static_cast<std::size_t>(chunks));
    std::atomic_bool stopped { false };

    forEachChunk(chunks, [&] {
        // Each thread its own matcher: RE2 serialises threads on its lazily built DFA otherwise.
        auto matcher = std::make_shared<LineMatcher>(spec);
        return [&, matcher](qsizetype chunk) {
            const qsizetype begin = chunk * LinesPerChunk;
            const qsizetype end = std::min(count, begin + LinesPerChunk);
            std::vector<qint32>& rows = chunkRows[static_cast<std::size_t>(chunk)];
            const bool everything = matcher->matchesEverything();
            for (qsizetype i = begin; i < end; ++i) {
                if ((i & CancelCheckMask) == 0
                    && (stopped.load(std::memory_order_relaxed)
                        || (cancel && cancel->load(std::memory_order_relaxed)))) {
                    stopped.store(true, std::memory_order_relaxed);
                    return;
                }
                const auto index = static_cast<std::size_t>(i);
                if (checkLevels) {
                    const LogLevel level = index < levels.size() ? levels[index] : LogLevel::Unknown;
                    if (!(spec.levelMask & logLevelBit(level)))
                        continue;
                }
                if (spec.pattern >= 0 && (index >= patternOfLine->size() || (*patternOfLine)[index] != spec.pattern))
                    continue;
                if (!everything && !matcher->matches(batch.text(batch.at(i))))
                    continue;
                rows.push_back(static_cast<qint32>(i));
            }
        };
    });

    if (stopped.load() || (cancel && cancel->load())) {
        result.cancelled = true;
        return result;
    }
    std::size_t total = 0;
    for (const auto& rows : chunkRows)
        total += rows.size();
    result.rows.reserve(total);
    for (const auto& rows : chunkRows)
        result.rows.insert(result.rows.end(), rows.begin(), rows.end());
    return result;
}

} // namespace firebreak::analysis
