#pragma once

#include <QString>
#include <QStringList>

namespace firebreak::analysis {

/// What a span knows about itself when it asks for its logs or its service's metrics.
struct SpanContext
{
    QString traceId; // 32 lower-case hex
    QString spanId;
    QString service;
    QString operation;
};

/// Query templates with `$trace_id`, `$span_id`, `$service` and `$operation`, filled in from a span. The values
/// are escaped for a double-quoted PromQL/LogQL string, so a service named `a"b` cannot break the query.
QString fillCorrelationTemplate(const QString& queryTemplate, const SpanContext& span);

/// Loki: the span's lines, by its service and trace id (Loki 3's default `service_name` label).
QString defaultSpanLogsTemplate();
/// Prometheus: rate, errors and p99 of the span's service from Tempo's span metrics (metrics-generator names).
QStringList defaultServiceMetricsTemplates();

/// How far around the span the logs and metrics look: logs need the span's own time (and a little clock
/// skew), metrics need enough around it to see the change.
constexpr qint64 SpanLogsMarginMs = 60 * 1000;
constexpr qint64 ServiceMetricsMarginMs = 30 * 60 * 1000;

} // namespace firebreak::analysis
