#include "correlationqueries.h"

namespace firebreak::analysis {

namespace {
QString escapedForString(const QString& value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        if (c == u'\\' || c == u'"')
            out += u'\\';
        if (c == u'\n')
            out += QStringLiteral("\\n");
        else
            out += c;
    }
    return out;
}
} // namespace

QString fillCorrelationTemplate(const QString& queryTemplate, const SpanContext& span)
{
    QString query = queryTemplate;
    // Longest names first would matter only if one were a prefix of another; none is.
    query.replace(QStringLiteral("$trace_id"), escapedForString(span.traceId));
    query.replace(QStringLiteral("$span_id"), escapedForString(span.spanId));
    query.replace(QStringLiteral("$service"), escapedForString(span.service));
    query.replace(QStringLiteral("$operation"), escapedForString(span.operation));
    return query;
}

QString defaultSpanLogsTemplate()
{
    return QStringLiteral("{service_name=\"$service\"} |= \"$trace_id\"");
}

QStringList defaultServiceMetricsTemplates()
{
    return {
        QStringLiteral("sum(rate(traces_spanmetrics_calls_total{service=\"$service\"}[5m]))"),
        QStringLiteral(
            "sum(rate(traces_spanmetrics_calls_total{service=\"$service\", status_code=\"STATUS_CODE_ERROR\"}[5m]))"),
        QStringLiteral("histogram_quantile(0.99, sum by (le) "
                       "(rate(traces_spanmetrics_latency_bucket{service=\"$service\"}[5m])))"),
    };
}

} // namespace firebreak::analysis
