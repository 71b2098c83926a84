#pragma once

#include "trace.h"

#include <QByteArray>

namespace firebreak {

/// The trace as OTLP JSON, as the OpenTelemetry specification writes it (what an OTLP/HTTP receiver such as
/// Tempo's POST /v1/traces takes): `{"resourceSpans":[…]}`, ids in hex, kind and status code as numbers, 64-bit
/// integers as strings. Spans stay in their order, grouped by resource and scope as they were read.
QByteArray traceToOtlpJson(const Trace& trace, bool indented = false);

/// The trace as OTLP `TracesData` protobuf (identical to `tempopb.Trace`).
QByteArray traceToProtobuf(const Trace& trace);

} // namespace firebreak
