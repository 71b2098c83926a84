#pragma once

#include "tempoparser.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace firebreak::tempo {

/// What the text at the cursor of a TraceQL query asks to be completed with.
struct TraceQLCompletion
{
    enum class Kind
    {
        None,
        Tag, // an attribute or intrinsic name: `{ resource.serv|`
        Value, // a value of `tag`: `{ resource.service.name = "chec|`
    };
    Kind kind = Kind::None;
    QString tag; // for Value: the attribute compared, as typed ("resource.service.name", ".http.method", "status")
    QString prefix; // what is typed of the name or value (without the opening quote)
    qsizetype replaceFrom = 0; // the completion replaces [replaceFrom, cursor): the typed token with its quote
};

/// Finds the token being typed at `cursor` in `text`.
TraceQLCompletion traceQLCompletionAt(const QString& text, qsizetype cursor);

/// Tag names as TraceQL writes them: "resource.service.name", "span.http.method", intrinsics as they are
/// ("duration", "status"), names of Tempo's unscoped v1 list with a leading dot (".http.method").
QStringList traceQLTagNames(const std::vector<TagScope>& scopes);

/// A value as a TraceQL literal: strings quoted and escaped, numbers, durations, status and kind as they are.
QString traceQLLiteral(const TagValue& value);

} // namespace firebreak::tempo
