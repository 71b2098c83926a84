#pragma once

#include <QByteArray>

#include <cstdint>

namespace firebreak::tools {

/// The shape of a generated trace. The defaults look like a busy microservice request: about 30 services,
/// fan-out that shrinks with depth, up to 14 levels, 2 % errors with exception events, ~7 attributes per span.
struct TraceShape
{
    std::int64_t spans = 10000;
    std::uint64_t seed = 42;
    int services = 30;
    int operationsPerService = 8;
    int maxDepth = 14;
    int maxFanOut = 12;
    double errorRate = 0.02;
};

/// An OTLP `TracesData` (wire-identical to Tempo's `tempopb.Trace`) with exactly `shape.spans` spans, one
/// ResourceSpans per service. The same shape always gives the same bytes.
QByteArray generateTraceProtobuf(const TraceShape& shape);

} // namespace firebreak::tools
