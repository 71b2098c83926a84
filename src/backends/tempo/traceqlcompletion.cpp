#include "traceqlcompletion.h"

#include <algorithm>

namespace firebreak::tempo {

namespace {

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'.' || c == u'-' || c == u':' || c == u'/';
}

qsizetype skipSpacesBack(const QString& text, qsizetype at)
{
    while (at > 0 && text[at - 1].isSpace())
        --at;
    return at;
}

/// The comparison operator ending at `at` (exclusive), or 0 when there is none; returns its length.
qsizetype operatorBefore(const QString& text, qsizetype at)
{
    static const QStringList Operators { QStringLiteral("!="), QStringLiteral("=~"), QStringLiteral("!~"),
        QStringLiteral(">="), QStringLiteral("<="), QStringLiteral("="), QStringLiteral(">"), QStringLiteral("<") };
    for (const QString& op : Operators) {
        if (at >= op.size() && QStringView(text).sliced(at - op.size(), op.size()) == op)
            return op.size();
    }
    return 0;
}

/// The tag name ending at `at`, or empty.
QString nameBefore(const QString& text, qsizetype at)
{
    qsizetype begin = at;
    while (begin > 0 && isNameChar(text[begin - 1]))
        --begin;
    return text.sliced(begin, at - begin);
}

} // namespace

TraceQLCompletion traceQLCompletionAt(const QString& text, qsizetype cursor)
{
    TraceQLCompletion result;
    cursor = std::clamp<qsizetype>(cursor, 0, text.size());

    // Inside a string literal? Count the unescaped quotes before the cursor.
    qsizetype openQuote = -1;
    for (qsizetype i = 0; i < cursor; ++i) {
        if (text[i] == u'\\') {
            ++i;
            continue;
        }
        if (text[i] == u'"')
            openQuote = openQuote < 0 ? i : -1;
    }
    qsizetype tokenStart = cursor;
    if (openQuote >= 0) {
        tokenStart = openQuote;
        result.prefix = text.sliced(openQuote + 1, cursor - openQuote - 1);
    } else {
        while (tokenStart > 0 && isNameChar(text[tokenStart - 1]))
            --tokenStart;
        result.prefix = text.sliced(tokenStart, cursor - tokenStart);
    }
    result.replaceFrom = tokenStart;

    const qsizetype beforeToken = skipSpacesBack(text, tokenStart);
    if (const qsizetype op = operatorBefore(text, beforeToken); op > 0) {
        const QString tag = nameBefore(text, skipSpacesBack(text, beforeToken - op));
        if (!tag.isEmpty()) {
            result.kind = TraceQLCompletion::Kind::Value;
            result.tag = tag;
            return result;
        }
    }
    if (openQuote >= 0)
        return result;
    // A name starts a condition: after `{`, `(`, `&&`, `||`, or continues one being typed.
    const QChar previous = beforeToken > 0 ? text[beforeToken - 1] : QChar();
    const bool startsCondition = previous == u'{' || previous == u'(' || previous == u'&' || previous == u'|';
    if (startsCondition || (!result.prefix.isEmpty() && !result.prefix.front().isDigit()))
        result.kind = TraceQLCompletion::Kind::Tag;
    return result;
}

QStringList traceQLTagNames(const std::vector<TagScope>& scopes)
{
    QStringList names;
    for (const TagScope& scope : scopes) {
        for (const QString& tag : scope.tags) {
            if (scope.name == QLatin1String("intrinsic"))
                names << tag;
            else if (scope.name.isEmpty())
                names << u'.' + tag;
            else
                names << scope.name + u'.' + tag;
        }
    }
    names.removeDuplicates();
    return names;
}

QString traceQLLiteral(const TagValue& value)
{
    if (value.type != QLatin1String("string"))
        return value.value;
    QString escaped = value.value;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return u'"' + escaped + u'"';
}

} // namespace firebreak::tempo
