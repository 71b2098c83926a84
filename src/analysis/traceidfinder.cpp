#include "traceidfinder.h"

#include <QCoreApplication>

namespace firebreak::analysis {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(TraceIdFinder)
};

bool isTraceIdKey(QStringView key)
{
    QString folded;
    folded.reserve(key.size());
    for (const QChar c : key) {
        if (c != u'_' && c != u'-' && c != u'.')
            folded += c.toLower();
    }
    return folded == QLatin1String("traceid");
}

} // namespace

TraceIdFinder::TraceIdFinder(const QString& regex)
    : m_regex(regex)
{
    m_regex.optimize();
}

QString TraceIdFinder::defaultPattern()
{
    // Key first, so `trace_id=<16 hex>` is taken whole; then a bare 32-hex id. (?<![\w-]) and (?![\w-])
    // keep parts of longer hex runs or of ids glued to words (and span ids in `traceparent`) out.
    return QStringLiteral(R"((?i)\btrace[_.-]?id["']?\s*[=:]\s*["']?([0-9a-f]{32}|[0-9a-f]{16})(?![0-9a-z_])|)"
                          R"((?<![0-9a-z_])([0-9a-f]{32})(?![0-9a-z_]))");
}

QString TraceIdFinder::error() const
{
    if (m_regex.isValid())
        return {};
    return Text::tr("Not a regular expression (at character %1): %2")
        .arg(m_regex.patternErrorOffset())
        .arg(m_regex.errorString());
}

QString TraceIdFinder::normalizedTraceId(QStringView id)
{
    if (id.size() != 16 && id.size() != 32)
        return {};
    bool nonZero = false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool hex = (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
        if (!hex)
            return {};
        nonZero = nonZero || u != u'0';
    }
    return nonZero ? id.toString().toLower() : QString();
}

QList<TraceIdFinder::Match> TraceIdFinder::find(QStringView text) const
{
    QList<Match> matches;
    if (!m_regex.isValid())
        return matches;
    const int groups = m_regex.captureCount();
    auto it = m_regex.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        int group = 0;
        for (int g = 1; g <= groups; ++g) {
            if (match.capturedStart(g) >= 0) {
                group = g;
                break;
            }
        }
        const QString id = normalizedTraceId(match.capturedView(group));
        if (id.isEmpty())
            continue;
        matches.append({ match.capturedStart(group), match.capturedLength(group), id });
    }
    return matches;
}

QString TraceIdFinder::findInLabels(const LogLabels& labels) const
{
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (!isTraceIdKey(it.key()))
            continue;
        const QString id = normalizedTraceId(QStringView(it.value()).trimmed());
        if (!id.isEmpty())
            return id;
    }
    return {};
}

QString TraceIdFinder::findInLine(const LogBatch& batch, const LogLine& line) const
{
    QString id = findInLabels(batch.streamLabels(line.stream));
    if (id.isEmpty() && line.extra >= 0) {
        const LogLineExtra& extra = batch.extra(line);
        id = findInLabels(extra.structuredMetadata);
        if (id.isEmpty())
            id = findInLabels(extra.parsed);
    }
    if (id.isEmpty()) {
        const QList<Match> inText = find(batch.textString(line));
        if (!inText.isEmpty())
            id = inText.first().traceId;
    }
    return id;
}

} // namespace firebreak::analysis
