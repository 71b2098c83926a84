#include "loglevel.h"

#include "bytescan.h"
#include "parallelchunks.h"

#include <array>
#include <cstring>
#include <string_view>

namespace firebreak::analysis {

using namespace bytescan;

namespace {

struct LevelWord
{
    std::string_view word; // lower case
    LogLevel level;
    bool inProse; // also recognised in free text (not only as the value of a level key or label)
};

// Synonyms seen in the wild: log15 (dbug, eror, crit), zerolog's console (trc, dbg, inf, wrn, err, ftl, pnc),
// java.util.logging (finest, finer, fine), syslog (notice, emerg, alert, crit), .NET (information).
constexpr std::array<LevelWord, 28> LevelWords { {
    { "trace", LogLevel::Trace, true },
    { "trc", LogLevel::Trace, true },
    { "finest", LogLevel::Trace, false },
    { "finer", LogLevel::Trace, false },
    { "debug", LogLevel::Debug, true },
    { "dbg", LogLevel::Debug, true },
    { "dbug", LogLevel::Debug, true },
    { "fine", LogLevel::Debug, false },
    { "info", LogLevel::Info, true },
    { "inf", LogLevel::Info, true },
    { "information", LogLevel::Info, false },
    { "informational", LogLevel::Info, false },
    { "notice", LogLevel::Info, true },
    { "warn", LogLevel::Warn, true },
    { "warning", LogLevel::Warn, true },
    { "wrn", LogLevel::Warn, true },
    { "error", LogLevel::Error, true },
    { "err", LogLevel::Error, true },
    { "eror", LogLevel::Error, true },
    { "fatal", LogLevel::Fatal, true },
    { "ftl", LogLevel::Fatal, true },
    { "critical", LogLevel::Fatal, true },
    { "crit", LogLevel::Fatal, true },
    { "panic", LogLevel::Fatal, true },
    { "pnc", LogLevel::Fatal, true },
    { "emerg", LogLevel::Fatal, true },
    { "emergency", LogLevel::Fatal, false },
    { "alert", LogLevel::Fatal, false },
} };

constexpr qsizetype MaxWord = 13;
constexpr qsizetype ProseWindow = 256;

/// The level a word names (ASCII, any case); Unknown when none. `prose`: only the words safe in free text.
LogLevel levelOfWord(const char* p, qsizetype n, bool prose)
{
    if (n < 3 || n > MaxWord)
        return LogLevel::Unknown;
    switch (toLower(p[0])) {
    case 't':
    case 'f':
    case 'd':
    case 'i':
    case 'n':
    case 'w':
    case 'e':
    case 'c':
    case 'p':
    case 'a':
        break;
    default:
        return LogLevel::Unknown;
    }
    char lower[MaxWord];
    for (qsizetype i = 0; i < n; ++i)
        lower[i] = toLower(p[i]);
    const std::string_view word(lower, static_cast<std::size_t>(n));
    for (const LevelWord& entry : LevelWords) {
        if (entry.word == word)
            return prose && !entry.inProse ? LogLevel::Unknown : entry.level;
    }
    return LogLevel::Unknown;
}

/// pino/bunyan: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal.
LogLevel levelOfNumber(const char* p, qsizetype n)
{
    if (n != 2 || p[1] != '0')
        return LogLevel::Unknown;
    switch (p[0]) {
    case '1':
        return LogLevel::Trace;
    case '2':
        return LogLevel::Debug;
    case '3':
        return LogLevel::Info;
    case '4':
        return LogLevel::Warn;
    case '5':
        return LogLevel::Error;
    case '6':
        return LogLevel::Fatal;
    default:
        return LogLevel::Unknown;
    }
}

LogLevel levelOfValue(const char* p, qsizetype n)
{
    if (n > 0 && isDigit(p[0]))
        return levelOfNumber(p, n);
    return levelOfWord(p, n, false);
}

constexpr bool isKeyChar(char c)
{
    return isAlnum(c) || c == '_' || c == '.' || c == '-' || c == '@';
}

bool isLevelKey(const char* p, qsizetype n)
{
    static constexpr std::array<std::string_view, 11> Keys { "level", "lvl", "severity", "loglevel", "log_level",
        "log.level", "levelname", "detected_level", "severitytext", "severity_text", "@l" };
    if (n < 2 || n > 14)
        return false;
    const char first = toLower(p[0]);
    if (first != 'l' && first != 's' && first != 'd' && first != '@')
        return false;
    char lower[14];
    for (qsizetype i = 0; i < n; ++i)
        lower[i] = toLower(p[i]);
    const std::string_view key(lower, static_cast<std::size_t>(n));
    for (const std::string_view candidate : Keys) {
        if (candidate == key)
            return true;
    }
    return false;
}

/// `level=warn`, `lvl="eror"`, `"level":"error"`, `"severity" : "WARNING"`, `Level: Warning`, `"level":50`.
LogLevel levelFromKeyValue(const char* s, qsizetype n)
{
    const char* const end = s + n;
    for (const char* at = findEither(s, end, '=', ':'); at < end; at = findEither(at + 1, end, '=', ':')) {
        const char* keyEnd = at;
        bool quotedKey = false;
        if (*at == ':') {
            while (keyEnd > s && keyEnd[-1] == ' ')
                --keyEnd;
            if (keyEnd > s && keyEnd[-1] == '"') {
                quotedKey = true;
                --keyEnd;
            }
        }
        const char* keyStart = keyEnd;
        while (keyStart > s && keyEnd - keyStart <= 14 && isKeyChar(keyStart[-1]))
            --keyStart;
        if (quotedKey && (keyStart == s || keyStart[-1] != '"'))
            continue;
        if (!isLevelKey(keyStart, keyEnd - keyStart))
            continue;
        const char* value = at + 1;
        while (value < end && *value == ' ')
            ++value;
        if (value < end && (*value == '"' || *value == '\''))
            ++value;
        const char* valueEnd = value;
        while (valueEnd < end && isAlnum(*valueEnd))
            ++valueEnd;
        if (valueEnd < end && (*valueEnd == '_' || *valueEnd == '-' || *valueEnd == '.'))
            continue; // "level":"error_budget…" is not a level
        const LogLevel level = levelOfValue(value, valueEnd - value);
        if (level != LogLevel::Unknown)
            return level;
    }
    return LogLevel::Unknown;
}

/// glog and klog: `E1125 10:03:50.742387   12 file.go:42] …` (I, W, E, F then month and day).
LogLevel levelFromGlog(const char* s, qsizetype n)
{
    if (n < 7 || !isDigit(s[1]) || !isDigit(s[2]) || !isDigit(s[3]) || !isDigit(s[4]) || s[5] != ' ' || !isDigit(s[6]))
        return LogLevel::Unknown;
    switch (s[0]) {
    case 'I':
        return LogLevel::Info;
    case 'W':
        return LogLevel::Warn;
    case 'E':
        return LogLevel::Error;
    case 'F':
        return LogLevel::Fatal;
    default:
        return LogLevel::Unknown;
    }
}

/// A syslog priority kept at the start of the line, `<11>…`: its severity is the priority modulo 8.
LogLevel levelFromSyslogPriority(const char* s, qsizetype n)
{
    if (n < 3 || s[0] != '<')
        return LogLevel::Unknown;
    int priority = 0;
    qsizetype i = 1;
    for (; i < n && i <= 3 && isDigit(s[i]); ++i)
        priority = priority * 10 + (s[i] - '0');
    if (i == 1 || i >= n || s[i] != '>' || priority > 191)
        return LogLevel::Unknown;
    switch (priority % 8) {
    case 0:
    case 1:
    case 2:
        return LogLevel::Fatal;
    case 3:
        return LogLevel::Error;
    case 4:
        return LogLevel::Warn;
    case 5:
    case 6:
        return LogLevel::Info;
    default:
        return LogLevel::Debug;
    }
}

bool startsWith(const char* p, qsizetype n, std::string_view prefix)
{
    return n >= static_cast<qsizetype>(prefix.size()) && std::memcmp(p, prefix.data(), prefix.size()) == 0;
}

/// Level words in the first bytes of the line, see detectLevel.
LogLevel levelFromProse(const char* s, qsizetype n)
{
    const qsizetype limit = std::min(n, ProseWindow);
    bool firstWordSeen = false;
    qsizetype i = 0;
    while (i < limit) {
        if (!isAlpha(s[i])) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        bool upper = true;
        while (i < n && isAlpha(s[i])) {
            upper = upper && isUpper(s[i]);
            ++i;
        }
        const qsizetype length = i - start;
        const char before = start > 0 ? s[start - 1] : ' ';
        const char after = i < n ? s[i] : ' ';
        if (isDigit(before) || before == '_' || isDigit(after) || after == '_')
            continue;
        const bool first = !firstWordSeen && length >= 3;
        firstWordSeen = firstWordSeen || length >= 3;
        bool candidate = false;
        if (upper && length >= 3)
            candidate = true;
        else if (after == ':')
            candidate = true;
        else if ((after == ']' || after == '>' || after == ')' || after == '|')
            && (before == '[' || before == '<' || before == '(' || before == '|' || before == ':'))
            candidate = true;
        else if (first)
            candidate = true;
        if (candidate) {
            const LogLevel level = levelOfWord(s + start, length, true);
            if (level != LogLevel::Unknown)
                return level;
        }
        if (first) {
            if (startsWith(s + start, n - start, "Traceback ") || startsWith(s + start, n - start, "Exception in "))
                return LogLevel::Error;
        }
    }
    return LogLevel::Unknown;
}

LogLevel levelFromLabels(const LogLabels& labels)
{
    if (labels.isEmpty())
        return LogLevel::Unknown;
    static const std::array<QString, 5> Keys { QStringLiteral("level"), QStringLiteral("severity"),
        QStringLiteral("detected_level"), QStringLiteral("lvl"), QStringLiteral("loglevel") };
    for (const QString& key : Keys) {
        const auto it = labels.constFind(key);
        if (it == labels.cend())
            continue;
        if (const auto level = logLevelFromText(it.value()))
            return *level;
    }
    return LogLevel::Unknown;
}

LogLevel levelFromExtra(const LogLineExtra& extra)
{
    const LogLevel fromMetadata = levelFromLabels(extra.structuredMetadata);
    return fromMetadata != LogLevel::Unknown ? fromMetadata : levelFromLabels(extra.parsed);
}

constexpr qsizetype LinesPerChunk = 16384;

} // namespace

LogLevel detectLevelInText(QByteArrayView text)
{
    const char* s = text.data();
    const qsizetype n = text.size();
    if (n == 0)
        return LogLevel::Unknown;
    LogLevel level = levelFromKeyValue(s, n);
    if (level == LogLevel::Unknown)
        level = levelFromGlog(s, n);
    if (level == LogLevel::Unknown)
        level = levelFromSyslogPriority(s, n);
    if (level == LogLevel::Unknown)
        level = levelFromProse(s, n);
    return level;
}

LogLevel detectLevel(const LogBatch& batch, const LogLine& line)
{
    LogLevel level = levelFromLabels(batch.streamLabels(line.stream));
    if (level == LogLevel::Unknown && line.extra >= 0)
        level = levelFromExtra(batch.extra(line));
    if (level == LogLevel::Unknown)
        level = detectLevelInText(batch.text(line));
    return level;
}

std::vector<LogLevel> detectLevels(const LogBatch& batch, qsizetype from)
{
    from = std::clamp<qsizetype>(from, 0, batch.size());
    const qsizetype count = batch.size() - from;
    std::vector<LogLevel> levels(static_cast<std::size_t>(count), LogLevel::Unknown);
    // Streams are few: their labels are looked at once, not per line.
    std::vector<LogLevel> streamLevels(static_cast<std::size_t>(batch.streamCount()));
    for (qsizetype s = 0; s < batch.streamCount(); ++s)
        streamLevels[static_cast<std::size_t>(s)] = levelFromLabels(batch.streamLabels(static_cast<qint32>(s)));

    forEachChunk(chunkCount(count, LinesPerChunk), [&] {
        return [&](qsizetype chunk) {
            const qsizetype begin = chunk * LinesPerChunk;
            const qsizetype end = std::min(count, begin + LinesPerChunk);
            for (qsizetype i = begin; i < end; ++i) {
                const LogLine& line = batch.at(from + i);
                LogLevel level = streamLevels[static_cast<std::size_t>(line.stream)];
                if (level == LogLevel::Unknown && line.extra >= 0)
                    level = levelFromExtra(batch.extra(line));
                if (level == LogLevel::Unknown)
                    level = detectLevelInText(batch.text(line));
                levels[static_cast<std::size_t>(i)] = level;
            }
        };
    });
    return levels;
}

QString logLevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Trace:
        return QStringLiteral("trace");
    case LogLevel::Debug:
        return QStringLiteral("debug");
    case LogLevel::Info:
        return QStringLiteral("info");
    case LogLevel::Warn:
        return QStringLiteral("warn");
    case LogLevel::Error:
        return QStringLiteral("error");
    case LogLevel::Fatal:
        return QStringLiteral("fatal");
    case LogLevel::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

std::optional<LogLevel> logLevelFromText(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty() || text.size() > MaxWord)
        return std::nullopt;
    char ascii[MaxWord];
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c > 0x7f)
            return std::nullopt;
        ascii[i] = static_cast<char>(c);
    }
    const LogLevel level = levelOfValue(ascii, text.size());
    if (level == LogLevel::Unknown)
        return std::nullopt;
    return level;
}

} // namespace firebreak::analysis
