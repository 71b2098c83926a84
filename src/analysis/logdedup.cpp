#include "logdedup.h"

#include "bytescan.h"
#include "parallelchunks.h"

#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>

namespace firebreak::analysis {

using namespace bytescan;

namespace {

constexpr bool isWordChar(char c)
{
    return isAlnum(c) || c == '_';
}

// One table lookup per byte in the masking loop instead of a chain of comparisons.
enum ByteClass : quint8
{
    WordByte = 1, // letters, digits, _
    LetterByte = 2, // letters and _ (what a word's letters are copied as)
    TokenStartByte = 4, // what a variable token can start with: hex digits, ':', '-', '+'
    DigitByte = 8,
};

constexpr std::array<quint8, 256> makeByteClasses()
{
    std::array<quint8, 256> table {};
    for (int b = 0; b < 256; ++b) {
        const char c = static_cast<char>(b);
        quint8 bits = 0;
        if (isWordChar(c))
            bits |= WordByte;
        if (isAlpha(c) || c == '_')
            bits |= LetterByte;
        if (isHexDigit(c) || c == ':' || c == '-' || c == '+')
            bits |= TokenStartByte;
        if (isDigit(c))
            bits |= DigitByte;
        table[static_cast<std::size_t>(b)] = bits;
    }
    return table;
}

constexpr std::array<quint8, 256> ByteClasses = makeByteClasses();

inline quint8 classOf(char c)
{
    return ByteClasses[static_cast<unsigned char>(c)];
}

/// True when position `end` of s is a word boundary (end of line or not a word character).
bool boundaryAt(const char* s, qsizetype n, qsizetype end)
{
    return end >= n || !isWordChar(s[end]);
}

qsizetype digitsAt(const char* s, qsizetype n, qsizetype i)
{
    qsizetype j = i;
    while (j < n && isDigit(s[j]))
        ++j;
    return j - i;
}

bool exactDigits(const char* s, qsizetype n, qsizetype i, qsizetype count)
{
    return digitsAt(s, n, i) == count;
}

/// 2026-11-25[T 10:03:50[.742][Z|+01:00]], 2026/11/25, or 10:03:50[.742387]. Length or 0.
qsizetype matchTime(const char* s, qsizetype n, qsizetype i)
{
    qsizetype j = i;
    const auto clock = [&](qsizetype at) -> qsizetype {
        // hh:mm[:ss[.frac]] starting at `at`; the length, or 0
        const qsizetype h = digitsAt(s, n, at);
        if (h < 1 || h > 2 || at + h >= n || s[at + h] != ':' || !exactDigits(s, n, at + h + 1, 2))
            return 0;
        qsizetype k = at + h + 3;
        if (k < n && s[k] == ':' && exactDigits(s, n, k + 1, 2)) {
            k += 3;
            if (k + 1 < n && (s[k] == '.' || s[k] == ',') && isDigit(s[k + 1]))
                k += 1 + digitsAt(s, n, k + 1);
        }
        return k - at;
    };
    if (exactDigits(s, n, j, 4) && j + 4 < n && (s[j + 4] == '-' || s[j + 4] == '/')) {
        const char sep = s[j + 4];
        if (!exactDigits(s, n, j + 5, 2) || j + 7 >= n || s[j + 7] != sep || !exactDigits(s, n, j + 8, 2))
            return 0;
        j += 10;
        if (j + 1 < n && (s[j] == 'T' || (s[j] == ' ' && sep == '-'))) {
            const qsizetype c = clock(j + 1);
            if (c > 0) {
                j += 1 + c;
                if (j < n && s[j] == 'Z') {
                    ++j;
                } else if (j < n && (s[j] == '+' || s[j] == '-')) {
                    // +01:00, +0100 or +01
                    const qsizetype zone = digitsAt(s, n, j + 1);
                    if (zone == 4)
                        j += 5;
                    else if (zone == 2 && j + 3 < n && s[j + 3] == ':' && exactDigits(s, n, j + 4, 2))
                        j += 6;
                    else if (zone == 2)
                        j += 3;
                }
            }
        }
        return boundaryAt(s, n, j) ? j - i : 0;
    }
    const qsizetype c = clock(j);
    // A clock needs its seconds: "10:03" alone is as likely a ratio or a port.
    if (c >= 7 && boundaryAt(s, n, j + c))
        return c;
    return 0;
}

qsizetype hexRun(const char* s, qsizetype n, qsizetype i)
{
    qsizetype j = i;
    while (j < n && isHexDigit(s[j]))
        ++j;
    return j - i;
}

qsizetype matchUuid(const char* s, qsizetype n, qsizetype i)
{
    static constexpr qsizetype Groups[] = { 8, 4, 4, 4, 12 };
    qsizetype j = i;
    for (int g = 0; g < 5; ++g) {
        if (g > 0) {
            if (j >= n || s[j] != '-')
                return 0;
            ++j;
        }
        if (hexRun(s, n, j) != Groups[g])
            return 0;
        j += Groups[g];
    }
    return boundaryAt(s, n, j) ? j - i : 0;
}

qsizetype matchIpv4(const char* s, qsizetype n, qsizetype i)
{
    qsizetype j = i;
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (j >= n || s[j] != '.')
                return 0;
            ++j;
        }
        const qsizetype d = digitsAt(s, n, j);
        if (d < 1 || d > 3)
            return 0;
        int value = 0;
        for (qsizetype k = 0; k < d; ++k)
            value = value * 10 + (s[j + k] - '0');
        if (value > 255)
            return 0;
        j += d;
    }
    // 1.2.3.4.5 is a version, not an address.
    if (j + 1 < n && s[j] == '.' && isDigit(s[j + 1]))
        return 0;
    return boundaryAt(s, n, j) ? j - i : 0;
}

/// Hex groups of at most 4 digits and colons: with "::", or eight groups. Times have neither.
qsizetype matchIpv6(const char* s, qsizetype n, qsizetype i)
{
    qsizetype j = i;
    int colons = 0;
    int groups = 0;
    bool doubleColon = false;
    bool digit = false;
    while (j < n) {
        if (s[j] == ':') {
            if (j + 1 < n && s[j + 1] == ':') {
                if (doubleColon)
                    return 0;
                doubleColon = true;
                colons += 2;
                j += 2;
                continue;
            }
            ++colons;
            ++j;
            continue;
        }
        const qsizetype h = hexRun(s, n, j);
        if (h == 0)
            break;
        if (h > 4)
            return 0;
        for (qsizetype k = j; k < j + h; ++k)
            digit = digit || isDigit(s[k]);
        ++groups;
        j += h;
    }
    if (colons < 2 || !digit || groups == 0 || (!doubleColon && (colons != 7 || groups != 8)))
        return 0;
    // A trailing single colon belongs to what follows ("fe80::1: refused"), not to the address.
    if (s[j - 1] == ':' && !(j - i >= 2 && s[j - 2] == ':'))
        --j;
    return boundaryAt(s, n, j) ? j - i : 0;
}

/// One number: digits with an optional fraction (no sign, no exponent).
qsizetype decimalAt(const char* s, qsizetype n, qsizetype i)
{
    qsizetype j = i + digitsAt(s, n, i);
    if (j == i)
        return 0;
    if (j + 1 < n && s[j] == '.' && isDigit(s[j + 1]))
        j += 1 + digitsAt(s, n, j + 1);
    return j - i;
}

/// Go's time.Duration text: 12ms, 1.5s, 250µs, 1h2m3.5s (units ns us µs ms s m h d).
qsizetype matchDuration(const char* s, qsizetype n, qsizetype i)
{
    qsizetype j = i;
    int parts = 0;
    while (j < n) {
        const qsizetype d = decimalAt(s, n, j);
        if (d == 0)
            break;
        qsizetype k = j + d;
        qsizetype unit = 0;
        if (k + 1 < n && (s[k + 1] == 's') && (s[k] == 'n' || s[k] == 'u' || s[k] == 'm'))
            unit = 2;
        else if (k + 2 < n && s[k + 2] == 's'
            && ((s[k] == '\xC2' && s[k + 1] == '\xB5') || (s[k] == '\xCE' && s[k + 1] == '\xBC')))
            unit = 3; // µs as the micro sign or the Greek mu
        else if (k < n && (s[k] == 's' || s[k] == 'm' || s[k] == 'h' || s[k] == 'd'))
            unit = 1;
        if (unit == 0)
            break;
        j = k + unit;
        ++parts;
    }
    return parts > 0 && boundaryAt(s, n, j) ? j - i : 0;
}

qsizetype matchHex(const char* s, qsizetype n, qsizetype i)
{
    if (i + 2 < n && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
        const qsizetype h = hexRun(s, n, i + 2);
        if (h > 0 && boundaryAt(s, n, i + 2 + h))
            return h + 2;
        return 0;
    }
    const qsizetype h = hexRun(s, n, i);
    if (h < 8 || !boundaryAt(s, n, i + h))
        return 0;
    bool digit = false;
    bool letter = false;
    for (qsizetype k = i; k < i + h; ++k) {
        digit = digit || isDigit(s[k]);
        letter = letter || !isDigit(s[k]);
    }
    return digit && letter ? h : 0;
}

/// [-+]digits[.digits…][e[-+]digits]
qsizetype matchNumber(const char* s, qsizetype n, qsizetype i)
{
    qsizetype j = i;
    if (j < n && (s[j] == '-' || s[j] == '+'))
        ++j;
    const qsizetype d = digitsAt(s, n, j);
    if (d == 0)
        return 0;
    j += d;
    while (j + 1 < n && s[j] == '.' && isDigit(s[j + 1]))
        j += 1 + digitsAt(s, n, j + 1);
    if (j + 1 < n && (s[j] == 'e' || s[j] == 'E')) {
        qsizetype k = j + 1;
        if (k < n && (s[k] == '-' || s[k] == '+'))
            ++k;
        const qsizetype e = digitsAt(s, n, k);
        if (e > 0)
            j = k + e;
    }
    return boundaryAt(s, n, j) ? j - i : 0;
}

class Writer
{
public:
    explicit Writer(char* p)
        : m_start(p)
        , m_p(p)
    { }
    void put(char c) { *m_p++ = c; }
    void put(std::string_view text)
    {
        std::memcpy(m_p, text.data(), text.size());
        m_p += text.size();
    }
    qsizetype size() const { return m_p - m_start; }

private:
    char* m_start;
    char* m_p;
};

/// The variable token starting at word start i: its length (0 for none) and placeholder. Each matcher is only
/// tried where the bytes at i can start what it matches, in the order most specific first.
qsizetype matchToken(const char* s, qsizetype n, qsizetype i, std::string_view* placeholder)
{
    const char c = s[i];
    const bool digit = isDigit(c);
    const bool hexDigit = isHexDigit(c);
    const qsizetype d = digit ? digitsAt(s, n, i) : 0;
    const char afterDigits = i + d < n ? s[i + d] : ' ';
    const qsizetype h = hexDigit ? hexRun(s, n, i) : 0;
    const char afterHex = i + h < n ? s[i + h] : ' ';
    qsizetype length = 0;
    auto found = [&](const char* text) {
        *placeholder = text;
        return length;
    };
    if (digit && (((d == 4) && (afterDigits == '-' || afterDigits == '/')) || (d <= 2 && afterDigits == ':'))
        && (length = matchTime(s, n, i)) > 0)
        return found(mask::Time);
    if (h == 8 && afterHex == '-' && (length = matchUuid(s, n, i)) > 0)
        return found(mask::Uuid);
    if (digit && d <= 3 && afterDigits == '.' && (length = matchIpv4(s, n, i)) > 0)
        return found(mask::Ip);
    if ((c == ':' || (hexDigit && h <= 4 && afterHex == ':')) && (length = matchIpv6(s, n, i)) > 0)
        return found(mask::Ip);
    if (digit) {
        const char u = afterDigits;
        const bool unitOrFraction = u == '.' || u == 'n' || u == 'u' || u == 'm' || u == 's' || u == 'h' || u == 'd'
            || u == '\xC2' || u == '\xCE';
        if (unitOrFraction && (length = matchDuration(s, n, i)) > 0)
            return found(mask::Duration);
    }
    if (hexDigit && (h >= 8 || (c == '0' && (afterDigits == 'x' || afterDigits == 'X')))
        && (length = matchHex(s, n, i)) > 0)
        return found(mask::Hex);
    if ((digit || ((c == '-' || c == '+') && i + 1 < n && isDigit(s[i + 1]))) && (length = matchNumber(s, n, i)) > 0)
        return found(mask::Num);
    return 0;
}

} // namespace

void maskVariablesInto(QByteArrayView line, QByteArray& out)
{
    const char* s = line.data();
    const qsizetype n = line.size();
    // The longest growth is one byte into a 5-byte "<NUM>"; "1s" into "<DURATION>" is 5 times too.
    out.resize(n * 5 + 1);
    Writer w(out.data());
    qsizetype i = 0;
    bool afterWord = false; // the byte before i is a word byte
    while (i < n) {
        const char c = s[i];
        const quint8 cls = classOf(c);
        if (!afterWord) {
            if (cls & TokenStartByte) {
                std::string_view placeholder;
                const qsizetype length = matchToken(s, n, i, &placeholder);
                if (length > 0) {
                    w.put(placeholder);
                    i += length;
                    afterWord = classOf(s[i - 1]) & WordByte;
                    continue;
                }
            }
            if (cls & LetterByte) {
                // The letters of a word in one go; a digit inside it is masked on the next round.
                qsizetype j = i + 1;
                while (j < n && (classOf(s[j]) & LetterByte))
                    ++j;
                w.put(std::string_view(s + i, static_cast<std::size_t>(j - i)));
                i = j;
                afterWord = true;
                continue;
            }
        }
        if (cls & DigitByte) {
            i += digitsAt(s, n, i);
            w.put(mask::Num);
            afterWord = true;
            continue;
        }
        w.put(c);
        afterWord = cls & WordByte;
        ++i;
    }
    out.resize(w.size());
}

QByteArray maskVariables(QByteArrayView line)
{
    QByteArray out;
    maskVariablesInto(line, out);
    return out;
}

DedupResult dedupLines(const LogBatch& batch, const std::vector<qint32>& rows, DedupMode mode)
{
    DedupResult result;
    if (mode == DedupMode::None) {
        result.rows = rows;
        result.repeats.assign(rows.size(), 0);
        return result;
    }
    const qsizetype count = static_cast<qsizetype>(rows.size());
    // Masked keys are made in parallel (the costly part), chunk by chunk into one string each; the folding
    // itself is sequential, in row order.
    constexpr qsizetype RowsPerChunk = 16384;
    const qsizetype chunks = chunkCount(count, RowsPerChunk);
    std::vector<std::string> maskedText(static_cast<std::size_t>(mode == DedupMode::Masked ? chunks : 0));
    std::vector<std::vector<qsizetype>> maskedEnds(maskedText.size());
    if (mode == DedupMode::Masked) {
        forEachChunk(chunks, [&] {
            return [&](qsizetype chunk) {
                QByteArray masked;
                std::string& text = maskedText[static_cast<std::size_t>(chunk)];
                std::vector<qsizetype>& ends = maskedEnds[static_cast<std::size_t>(chunk)];
                const qsizetype begin = chunk * RowsPerChunk;
                const qsizetype end = std::min(count, begin + RowsPerChunk);
                for (qsizetype r = begin; r < end; ++r) {
                    maskVariablesInto(batch.text(batch.at(rows[static_cast<std::size_t>(r)])), masked);
                    text.append(masked.constData(), static_cast<std::size_t>(masked.size()));
                    ends.push_back(static_cast<qsizetype>(text.size()));
                }
            };
        });
    }
    auto keyOf = [&](qsizetype r) -> std::string_view {
        if (mode == DedupMode::Exact) {
            const QByteArrayView text = batch.text(batch.at(rows[static_cast<std::size_t>(r)]));
            return { text.data(), static_cast<std::size_t>(text.size()) };
        }
        const auto chunk = static_cast<std::size_t>(r / RowsPerChunk);
        const auto k = static_cast<std::size_t>(r % RowsPerChunk);
        const qsizetype start = k == 0 ? 0 : maskedEnds[chunk][k - 1];
        return std::string_view(maskedText[chunk])
            .substr(static_cast<std::size_t>(start), static_cast<std::size_t>(maskedEnds[chunk][k] - start));
    };
    std::unordered_map<std::string_view, qint32> firstOf;
    firstOf.reserve(static_cast<std::size_t>(std::min<qsizetype>(count, 1 << 20)));
    for (qsizetype r = 0; r < count; ++r) {
        const auto [it, added] = firstOf.try_emplace(keyOf(r), static_cast<qint32>(result.rows.size()));
        if (added) {
            result.rows.push_back(rows[static_cast<std::size_t>(r)]);
            result.repeats.push_back(0);
        } else {
            ++result.repeats[static_cast<std::size_t>(it->second)];
        }
    }
    return result;
}

} // namespace firebreak::analysis
