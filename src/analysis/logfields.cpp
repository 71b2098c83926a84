#include "logfields.h"

#include "bytescan.h"

namespace firebreak::analysis {

using namespace bytescan;

namespace {

using Fields = QList<QPair<QString, QString>>;

void appendUtf8(QByteArray& out, char32_t code)
{
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

int hexValue(char c)
{
    if (isDigit(c))
        return c - '0';
    const char lower = toLower(c);
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
}

/// Four hex digits at p (p + 4 <= end), or -1.
int hex4(const char* p, const char* end)
{
    if (end - p < 4)
        return -1;
    int value = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hexValue(p[i]);
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

/// Reads the escape after a backslash at p[-1] (JSON's and Go's common ones) into `out`; false when broken.
bool readEscape(const char*& p, const char* end, QByteArray& out)
{
    if (p >= end)
        return false;
    const char c = *p++;
    switch (c) {
    case '"':
    case '\\':
    case '/':
        out += c;
        return true;
    case 'n':
        out += '\n';
        return true;
    case 't':
        out += '\t';
        return true;
    case 'r':
        out += '\r';
        return true;
    case 'b':
        out += '\b';
        return true;
    case 'f':
        out += '\f';
        return true;
    case 'u': {
        int code = hex4(p, end);
        if (code < 0)
            return false;
        p += 4;
        char32_t full = static_cast<char32_t>(code);
        if (code >= 0xD800 && code <= 0xDBFF) {
            const int low = end - p >= 6 && p[0] == '\\' && p[1] == 'u' ? hex4(p + 2, end) : -1;
            if (low >= 0xDC00 && low <= 0xDFFF) {
                full = 0x10000 + ((static_cast<char32_t>(code) - 0xD800) << 10) + (static_cast<char32_t>(low) - 0xDC00);
                p += 6;
            } else {
                full = 0xFFFD;
            }
        } else if (code >= 0xDC00 && code <= 0xDFFF) {
            full = 0xFFFD;
        }
        appendUtf8(out, full);
        return true;
    }
    default:
        return false;
    }
}

/// A small JSON reader that flattens as Loki's `| json` does. Recursion is bounded by MaxDepth.
class JsonFlattener
{
public:
    JsonFlattener(const char* begin, const char* end)
        : p(begin)
        , end(end)
    { }

    bool parseObjectLine(Fields& fields)
    {
        skipSpace();
        if (!parseObject(QByteArray(), fields, 0))
            return false;
        skipSpace();
        return p == end;
    }

private:
    static constexpr int MaxDepth = 64;

    void skipSpace()
    {
        while (p < end && isSpace(*p))
            ++p;
    }

    bool parseString(QByteArray& out)
    {
        if (p >= end || *p != '"')
            return false;
        ++p;
        while (p < end) {
            const char c = *p;
            if (c == '"') {
                ++p;
                return true;
            }
            if (c == '\\') {
                ++p;
                if (!readEscape(p, end, out))
                    return false;
                continue;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return false;
            out += c;
            ++p;
        }
        return false;
    }

    bool expectWord(const char* word, qsizetype n)
    {
        if (end - p < n || std::memcmp(p, word, static_cast<std::size_t>(n)) != 0)
            return false;
        p += n;
        return true;
    }

    bool parseNumber(QByteArray& out)
    {
        const char* start = p;
        if (p < end && *p == '-')
            ++p;
        if (p >= end || !isDigit(*p))
            return false;
        while (p < end && (isDigit(*p) || *p == '.' || *p == 'e' || *p == 'E' || *p == '+' || *p == '-'))
            ++p;
        out = QByteArray(start, p - start);
        return true;
    }

    /// Any value, discarded (the inside of an array).
    bool skipValue(int depth)
    {
        if (depth > MaxDepth)
            return false;
        skipSpace();
        if (p >= end)
            return false;
        QByteArray ignored;
        switch (*p) {
        case '"':
            return parseString(ignored);
        case '{': {
            Fields unused;
            return parseObject(QByteArray(), unused, depth + 1);
        }
        case '[':
            return skipArray(depth + 1);
        case 't':
            return expectWord("true", 4);
        case 'f':
            return expectWord("false", 5);
        case 'n':
            return expectWord("null", 4);
        default:
            return parseNumber(ignored);
        }
    }

    bool skipArray(int depth)
    {
        ++p; // '['
        skipSpace();
        if (p < end && *p == ']') {
            ++p;
            return true;
        }
        while (true) {
            if (!skipValue(depth))
                return false;
            skipSpace();
            if (p >= end)
                return false;
            if (*p == ']') {
                ++p;
                return true;
            }
            if (*p != ',')
                return false;
            ++p;
        }
    }

    bool parseObject(const QByteArray& prefix, Fields& fields, int depth)
    {
        if (depth > MaxDepth || p >= end || *p != '{')
            return false;
        ++p;
        skipSpace();
        if (p < end && *p == '}') {
            ++p;
            return true;
        }
        while (true) {
            skipSpace();
            QByteArray key;
            if (!parseString(key))
                return false;
            skipSpace();
            if (p >= end || *p != ':')
                return false;
            ++p;
            skipSpace();
            if (p >= end)
                return false;
            QByteArray name = prefix.isEmpty() ? key : prefix + '_' + key;
            QByteArray value;
            bool isField = true;
            switch (*p) {
            case '"':
                if (!parseString(value))
                    return false;
                break;
            case '{':
                if (!parseObject(name, fields, depth + 1))
                    return false;
                isField = false;
                break;
            case '[':
                if (!skipArray(depth + 1))
                    return false;
                isField = false;
                break;
            case 't':
                if (!expectWord("true", 4))
                    return false;
                value = "true";
                break;
            case 'f':
                if (!expectWord("false", 5))
                    return false;
                value = "false";
                break;
            case 'n':
                if (!expectWord("null", 4))
                    return false;
                break;
            default:
                if (!parseNumber(value))
                    return false;
            }
            if (isField)
                fields.append({ sanitizeFieldName(name), QString::fromUtf8(value) });
            skipSpace();
            if (p >= end)
                return false;
            if (*p == '}') {
                ++p;
                return true;
            }
            if (*p != ',')
                return false;
            ++p;
        }
    }

    const char* p;
    const char* end;
};

} // namespace

QString sanitizeFieldName(QByteArrayView name)
{
    // Loki's sanitizeLabelKey: per character (not per byte), spaces around trimmed.
    name = name.trimmed();
    QString out;
    out.reserve(name.size() + 1);
    if (!name.isEmpty() && isDigit(name.front()))
        out += u'_';
    for (const char c : name) {
        if ((static_cast<unsigned char>(c) & 0xC0) == 0x80)
            continue; // the rest of a UTF-8 sequence: its lead byte already gave the '_'
        out += isAlnum(c) || c == '_' ? QChar(QLatin1Char(c)) : QChar(u'_');
    }
    return out;
}

QList<QPair<QString, QString>> parseJsonFields(QByteArrayView line)
{
    Fields fields;
    JsonFlattener reader(line.data(), line.data() + line.size());
    if (!reader.parseObjectLine(fields))
        return {};
    return fields;
}

QList<QPair<QString, QString>> parseLogfmtFields(QByteArrayView line)
{
    // go-logfmt's grammar: a key is any run of bytes above space other than '=' and '"'.
    Fields fields;
    const char* p = line.data();
    const char* const end = p + line.size();
    auto isKeyByte = [](char c) { return static_cast<unsigned char>(c) > ' ' && c != '=' && c != '"'; };
    while (p < end) {
        while (p < end && !isKeyByte(*p) && *p != '=')
            ++p;
        if (p >= end)
            break;
        const char* keyStart = p;
        while (p < end && isKeyByte(*p))
            ++p;
        const QByteArrayView key(keyStart, p - keyStart);
        if (p >= end || *p != '=') {
            // A bare word (or a stray quote or '='): not a field. Skip to the next space.
            while (p<end&& static_cast<unsigned char>(*p)> ' ')
                ++p;
            continue;
        }
        ++p; // '='
        QByteArray value;
        if (p < end && *p == '"') {
            ++p;
            bool closed = false;
            while (p < end) {
                if (*p == '"') {
                    ++p;
                    closed = true;
                    break;
                }
                if (*p == '\\') {
                    ++p;
                    const char* before = p;
                    if (!readEscape(p, end, value)) {
                        // An escape Go would refuse: keep the bytes rather than lose the field.
                        value += '\\';
                        p = before;
                    }
                    continue;
                }
                value += *p++;
            }
            if (!closed)
                return fields.isEmpty() ? Fields() : fields;
        } else {
            const char* valueStart = p;
            while (p<end&& static_cast<unsigned char>(*p)> ' ')
                ++p;
            value = QByteArray(valueStart, p - valueStart);
        }
        if (!key.isEmpty())
            fields.append({ sanitizeFieldName(key), QString::fromUtf8(value) });
    }
    return fields;
}

QList<QPair<QString, QString>> parseLogFields(QByteArrayView line)
{
    qsizetype first = 0;
    while (first < line.size() && isSpace(line[first]))
        ++first;
    if (first < line.size() && line[first] == '{')
        return parseJsonFields(line);
    return parseLogfmtFields(line);
}

} // namespace firebreak::analysis
