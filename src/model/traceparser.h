#pragma once

#include "trace.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace firebreak {

/// Why no trace came out of some bytes or a file.
struct TraceParseError
{
    enum class Kind
    {
        Malformed, // not a trace in any format we read, or damaged: `where` says where
        Unreadable, // the file cannot be opened or read
        TooLarge, // beyond what the format or this reader can hold
    };
    Kind kind = Kind::Malformed;
    /// A path into the data ("resourceSpans[0].scopeSpans[1].spans[3].spanId", "byte 3512"), or the file.
    QString where;
    /// What is wrong there: "12 bytes, expected 8", "the data ends inside a message".
    QString message;

    QString text() const { return where.isEmpty() ? message : where + QStringLiteral(": ") + message; }
};

struct TraceParseResult
{
    std::optional<Trace> trace;
    /// Things the reader accepted but a person may want to know (a partial trace, say).
    QStringList warnings;
    std::optional<TraceParseError> error;

    bool ok() const { return trace.has_value(); }
};

enum class TraceFormat
{
    Protobuf,
    Json,
};

/// `tempopb.Trace` (Tempo's answer with Accept: application/protobuf) or OTLP `TracesData`: the two are
/// wire-identical (field 1, repeated ResourceSpans). Never throws; damaged data gives a Malformed error
/// naming the field path and byte offset where it breaks.
TraceParseResult parseTraceProtobuf(const char* data, qsizetype size);
inline TraceParseResult parseTraceProtobuf(const QByteArray& data)
{
    return parseTraceProtobuf(data.constData(), data.size());
}

/// OTLP JSON (`{"resourceSpans":[…]}`) or Tempo's JSON (`{"batches":[…]}`, also wrapped as `{"trace":{…}}` by
/// /api/v2/traces), with `scopeSpans` or the older `instrumentationLibrarySpans`; ids in hex (OTLP) or base64
/// (Tempo), detected per id; kind and status as enum names or numbers; 64-bit integers as strings or numbers;
/// lowerCamel or snake_case field names.
TraceParseResult parseTraceJson(const QByteArray& data);

/// JSON when the first non-blank character is '{', otherwise protobuf (whose first byte is a field tag).
TraceFormat sniffTraceFormat(const QByteArray& data);
TraceParseResult parseTraceData(const QByteArray& data);

/// Reads a trace file (.pb or .json, told apart by content). Errors name the file.
TraceParseResult readTraceFile(const QString& path);

} // namespace firebreak
