#include "logbatch.h"

#include <algorithm>
#include <numeric>

namespace firebreak {

namespace {

const LogLineExtra NoExtra;

QString quoted(const QString& value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += u'"';
    for (const QChar c : value) {
        switch (c.unicode()) {
        case u'"':
            out += QLatin1String("\\\"");
            break;
        case u'\\':
            out += QLatin1String("\\\\");
            break;
        case u'\n':
            out += QLatin1String("\\n");
            break;
        case u'\t':
            out += QLatin1String("\\t");
            break;
        case u'\r':
            out += QLatin1String("\\r");
            break;
        default:
            out += c;
        }
    }
    out += u'"';
    return out;
}

} // namespace

QString LogBatch::formatStreamKey(const LogLabels& labels)
{
    QString key = QStringLiteral("{");
    bool first = true;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (!first)
            key += QLatin1String(", ");
        first = false;
        key += it.key() + u'=' + quoted(it.value());
    }
    key += u'}';
    return key;
}

qint32 LogBatch::addStream(const LogLabels& labels)
{
    const QString key = formatStreamKey(labels);
    const auto it = m_streamIndex.constFind(key);
    if (it != m_streamIndex.cend())
        return it.value();
    const auto index = static_cast<qint32>(m_streams.size());
    m_streams.push_back(labels);
    m_streamKeys.push_back(key);
    m_streamIndex.insert(key, index);
    return index;
}

void LogBatch::append(qint64 timestampNs, qint32 stream, QByteArrayView text, const LogLineExtra& extra)
{
    Q_ASSERT(stream >= 0 && stream < streamCount());
    LogLine line;
    line.timestampNs = timestampNs;
    line.textOffset = m_text.size();
    line.textLength = static_cast<qint32>(text.size());
    line.stream = stream;
    if (!extra.isEmpty()) {
        line.extra = static_cast<qint32>(m_extras.size());
        m_extras.push_back(extra);
    }
    m_text.append(text);
    m_lines.push_back(line);
}

void LogBatch::appendFrom(const LogBatch& other, qsizetype index, std::vector<qint32>* streamMap)
{
    const LogLine& line = other.at(index);
    qint32 stream = -1;
    if (streamMap) {
        streamMap->resize(other.m_streams.size(), -1);
        qint32& known = (*streamMap)[static_cast<std::size_t>(line.stream)];
        if (known < 0)
            known = addStream(other.streamLabels(line.stream));
        stream = known;
    } else {
        stream = addStream(other.streamLabels(line.stream));
    }
    append(line.timestampNs, stream, other.text(line), other.extra(line));
}

void LogBatch::reserve(qsizetype lines, qsizetype textBytes)
{
    m_lines.reserve(static_cast<std::size_t>(lines));
    m_text.reserve(textBytes);
}

void LogBatch::clear()
{
    *this = LogBatch();
}

const LogLineExtra& LogBatch::extra(const LogLine& line) const
{
    return line.extra < 0 ? NoExtra : m_extras[static_cast<std::size_t>(line.extra)];
}

void LogBatch::sortByTime(LogDirection direction)
{
    // Rank streams by key once, so the comparison is on integers.
    std::vector<qint32> order(m_streams.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [this](qint32 a, qint32 b) { return streamKey(a) < streamKey(b); });
    std::vector<qint32> rank(m_streams.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        rank[static_cast<std::size_t>(order[i])] = static_cast<qint32>(i);

    const bool backward = direction == LogDirection::Backward;
    std::stable_sort(m_lines.begin(), m_lines.end(), [&rank, backward](const LogLine& a, const LogLine& b) {
        if (a.timestampNs != b.timestampNs)
            return backward ? a.timestampNs > b.timestampNs : a.timestampNs < b.timestampNs;
        return rank[static_cast<std::size_t>(a.stream)] < rank[static_cast<std::size_t>(b.stream)];
    });
}

QByteArray LogBatch::identity(const LogLine& line) const
{
    QByteArray key = streamKey(line.stream).toUtf8();
    key += '\0';
    key += QByteArray::number(line.timestampNs);
    key += '\0';
    key += text(line);
    return key;
}

} // namespace firebreak
