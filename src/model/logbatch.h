#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QMap>
#include <QString>

#include <vector>

namespace firebreak {

/// Label name -> value, sorted by name.
using LogLabels = QMap<QString, QString>;

enum class LogDirection
{
    Backward, // newest first (Loki's default)
    Forward, // oldest first
};

/// One log line in 32 bytes. Its text lives in the LogBatch's arena and its labels in the batch's stream
/// table, so a million lines hold one copy of each stream's labels and no allocation per line.
struct LogLine
{
    qint64 timestampNs = 0; // since the Unix epoch, UTC, exactly as the server sent it
    qint64 textOffset = 0;
    qint32 textLength = 0;
    qint32 stream = 0; // LogBatch::streamLabels(stream)
    qint32 extra = -1; // LogBatch::extra(line): structured metadata and parsed labels; -1 when it has neither
};

/// What a line carries besides its stream's labels (Loki 3 with the categorize-labels encoding flag).
struct LogLineExtra
{
    LogLabels structuredMetadata;
    LogLabels parsed;

    bool isEmpty() const { return structuredMetadata.isEmpty() && parsed.isEmpty(); }
};

/// Log lines of any number of streams, in one arena. Copies share nothing mutable (plain values), so a
/// batch can be built on a worker thread and handed to the GUI thread.
class LogBatch
{
public:
    /// The index of the stream with these labels, added when new.
    qint32 addStream(const LogLabels& labels);
    void append(qint64 timestampNs, qint32 stream, QByteArrayView text, const LogLineExtra& extra = {});
    /// Copies line `index` of `other` (with its stream and extras) to the end of this batch. Copying many
    /// lines, pass the same `streamMap` each time (empty at first): it remembers where other's streams went.
    void appendFrom(const LogBatch& other, qsizetype index, std::vector<qint32>* streamMap = nullptr);
    void reserve(qsizetype lines, qsizetype textBytes);
    void clear();

    qsizetype size() const { return static_cast<qsizetype>(m_lines.size()); }
    bool isEmpty() const { return m_lines.empty(); }
    const LogLine& at(qsizetype index) const { return m_lines[static_cast<std::size_t>(index)]; }
    const std::vector<LogLine>& lines() const { return m_lines; }

    QByteArrayView text(const LogLine& line) const
    {
        return QByteArrayView(m_text.constData() + line.textOffset, line.textLength);
    }
    QString textString(const LogLine& line) const { return QString::fromUtf8(text(line)); }
    const LogLabels& streamLabels(qint32 stream) const { return m_streams[static_cast<std::size_t>(stream)]; }
    /// `{a="b", c="d"}`: Loki's spelling of a stream, also its sort key.
    const QString& streamKey(qint32 stream) const { return m_streamKeys[static_cast<std::size_t>(stream)]; }
    qsizetype streamCount() const { return static_cast<qsizetype>(m_streams.size()); }
    /// Structured metadata and parsed labels of `line`; empty ones when it has none.
    const LogLineExtra& extra(const LogLine& line) const;
    qsizetype textBytes() const { return m_text.size(); }

    /// Orders the lines as Loki merges streams: by time in `direction`, equal times by stream key. Lines of
    /// one stream and nanosecond keep their order: Loki sends each stream already in the query's direction.
    void sortByTime(LogDirection direction);

    /// A key that tells lines apart exactly as Loki does (same stream, timestamp and text are one entry).
    QByteArray identity(const LogLine& line) const;

    static QString formatStreamKey(const LogLabels& labels);

private:
    std::vector<LogLine> m_lines;
    QByteArray m_text;
    std::vector<LogLabels> m_streams;
    std::vector<QString> m_streamKeys;
    QHash<QString, qint32> m_streamIndex;
    std::vector<LogLineExtra> m_extras;
};

} // namespace firebreak
