#pragma once

#include "model/logbatch.h"

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringView>

namespace firebreak::analysis {

/// Finds trace ids in log lines and labels, to turn them into links to the Traces workspace.
///
/// The regex is a setting. Each match gives one id: the first capture group that took part in the match, or
/// the whole match when the pattern has no group. An id is kept when it is 16 or 32 hex digits and not all
/// zeros (W3C's invalid id); it is reported in lower case. The default finds W3C trace ids (32 hex digits
/// standing alone, as in a `traceparent` header) and the value after a trace-id key (`traceID=`,
/// `trace_id=`, `"traceId":"…"`, `trace-id: …`), where 16-digit ids (Jaeger, Zipkin) are taken too.
class TraceIdFinder
{
public:
    explicit TraceIdFinder(const QString& regex = defaultPattern());

    static QString defaultPattern();
    bool isValid() const { return m_regex.isValid(); }
    QString error() const;

    struct Match
    {
        qsizetype start = 0; // of the id itself, in UTF-16 positions of the text searched
        qsizetype length = 0;
        QString traceId; // lower-case hex
    };

    /// Every id in `text`, left to right (one per regex match).
    QList<Match> find(QStringView text) const;
    /// The id of a label named like a trace id (trace_id, traceID, traceId, trace-id, any case), or empty.
    QString findInLabels(const LogLabels& labels) const;
    /// The first id of a log line: labels of its stream, then structured metadata, parsed labels, the text.
    QString findInLine(const LogBatch& batch, const LogLine& line) const;

    /// `id` in lower case when it is a usable trace id (16 or 32 hex digits, not all zeros), otherwise empty.
    static QString normalizedTraceId(QStringView id);

private:
    QRegularExpression m_regex;
};

} // namespace firebreak::analysis
