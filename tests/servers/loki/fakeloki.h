#pragma once

// A Loki 2.9 stand-in for tests: keeps pushed lines in memory and answers the query API with Loki's JSON
// shapes, content types and error texts (see tests/README.md for what it covers and what not).

#include "fakehttpserver.h"
#include "logql.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <map>
#include <vector>

namespace firebreak::test {

class FakeLoki
{
public:
    using Labels = logql::Labels;

    FakeLoki();

    bool listen(quint16 port = 0) { return m_http.listen(port); }
    QString url() const { return m_http.url(); }
    /// For faults and for what arrived.
    FakeHttpServer& http() { return m_http; }

    /// Loki's `max_entries_limit_per_query` (default 5000).
    void setMaxEntriesPerQuery(int limit) { m_maxEntries = limit; }
    int maxEntriesPerQuery() const { return m_maxEntries; }
    /// Where "now" comes from (default start and end of a query), in ns since the epoch.
    void setClock(std::function<qint64()> nowNs) { m_now = std::move(nowNs); }

    /// What POST /loki/api/v1/push does with a JSON body; the error Loki would answer with, or empty.
    QString push(const QByteArray& json);
    /// One line, as a push of it would store it (a line equal in stream, time and text to one stored is dropped,
    /// as Loki does). Returns false when it was such a duplicate.
    bool add(const Labels& stream, qint64 timestampNs, const QByteArray& line, const Labels& metadata = {});
    qsizetype lineCount() const;
    qsizetype streamCount() const { return static_cast<qsizetype>(m_streams.size()); }
    void clear() { m_streams.clear(); }

    /// The body of /loki/api/v1/status/buildinfo (Loki 2.9.9's, compact).
    static QByteArray buildInfoJson();

private:
    struct Entry
    {
        qint64 timestampNs = 0;
        quint64 sequence = 0; // order of arrival, which decides among lines of one nanosecond
        QByteArray line;
        Labels metadata;
    };
    struct Stream
    {
        Labels labels;
        std::vector<Entry> entries; // by time, then arrival
    };

    ServerResponse queryRange(const ServerRequest& request) const;
    ServerResponse queryInstant(const ServerRequest& request) const;
    ServerResponse labels(const ServerRequest& request) const;
    ServerResponse labelValues(const ServerRequest& request) const;
    ServerResponse series(const ServerRequest& request) const;
    ServerResponse volume(const ServerRequest& request) const;
    ServerResponse indexStats(const ServerRequest& request) const;

    ServerResponse logQuery(
        const logql::Query& query, qint64 startNs, qint64 endNs, int limit, bool backward, bool categorize) const;
    ServerResponse metricQuery(
        const logql::Query& query, qint64 startMs, qint64 endMs, qint64 stepMs, bool instant) const;
    /// Streams whose selector matches and that hold a line in [startNs, endNs].
    std::vector<const Stream*> selectedStreams(const logql::LogSelector& selector, qint64 startNs, qint64 endNs) const;
    qint64 now() const;

    FakeHttpServer m_http;
    std::map<QString, Stream> m_streams; // by the stream's labels as Loki spells them
    quint64 m_sequence = 0;
    int m_maxEntries = 5000;
    std::function<qint64()> m_now;
};

} // namespace firebreak::test
