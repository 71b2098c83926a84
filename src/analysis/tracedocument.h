#pragma once

#include "criticalpath.h"
#include "model/traceparser.h"
#include "tracetree.h"

#include <QString>

#include <memory>
#include <vector>

namespace firebreak::analysis {

/// A trace ready for the waterfall: the spans, their tree, critical path and self times, made once off the GUI
/// thread and then shared read-only by every view (waterfall, minimap, details, statistics, diff).
struct TraceDocument
{
    QString source; // file path or "Tempo prod: <id>", for titles and messages
    Trace trace;
    TraceTree tree;
    CriticalPath criticalPath;
    std::vector<std::int64_t> selfNs; // per span
    QStringList warnings;
    double parseMs = 0;
    double layoutMs = 0; // tree, critical path and self times
};

using TraceDocumentPtr = std::shared_ptr<const TraceDocument>;

struct TraceDocumentResult
{
    TraceDocumentPtr document;
    std::optional<TraceParseError> error;
    bool ok() const { return document != nullptr; }
};

/// Everything after parsing: tree, critical path and self times. Pure; safe on any thread.
TraceDocumentPtr makeTraceDocument(Trace trace, QString source, QStringList warnings = {}, double parseMs = 0);
/// Parses bytes (protobuf or JSON, sniffed) and lays the trace out. Pure; safe on any thread.
TraceDocumentResult loadTraceDocument(const QByteArray& data, const QString& source);
/// Reads and loads a .pb / .json trace file. Blocking: call it on a worker.
TraceDocumentResult loadTraceDocumentFile(const QString& path);

} // namespace firebreak::analysis
