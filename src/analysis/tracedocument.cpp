#include "tracedocument.h"

#include "tracestatistics.h"

#include <QElapsedTimer>
#include <QFile>

namespace firebreak::analysis {

namespace {

double millisecondsSince(const QElapsedTimer& clock)
{
    return static_cast<double>(clock.nsecsElapsed()) / 1e6;
}

} // namespace

TraceDocumentPtr makeTraceDocument(Trace trace, QString source, QStringList warnings, double parseMs)
{
    auto document = std::make_shared<TraceDocument>();
    document->source = std::move(source);
    document->warnings = std::move(warnings);
    document->parseMs = parseMs;
    document->trace = std::move(trace);
    QElapsedTimer clock;
    clock.start();
    document->tree = TraceTree::build(document->trace);
    document->criticalPath = CriticalPath::compute(document->trace, document->tree);
    document->selfNs = selfTimes(document->trace, document->tree);
    document->layoutMs = millisecondsSince(clock);
    return document;
}

TraceDocumentResult loadTraceDocument(const QByteArray& data, const QString& source)
{
    QElapsedTimer clock;
    clock.start();
    TraceParseResult parsed = parseTraceData(data);
    const double parseMs = millisecondsSince(clock);
    if (!parsed.ok())
        return { nullptr, parsed.error };
    return { makeTraceDocument(std::move(*parsed.trace), source, parsed.warnings, parseMs), std::nullopt };
}

TraceDocumentResult loadTraceDocumentFile(const QString& path)
{
    QElapsedTimer clock;
    clock.start();
    TraceParseResult parsed = readTraceFile(path);
    const double parseMs = millisecondsSince(clock);
    if (!parsed.ok())
        return { nullptr, parsed.error };
    return { makeTraceDocument(std::move(*parsed.trace), path, parsed.warnings, parseMs), std::nullopt };
}

} // namespace firebreak::analysis
