#pragma once

#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

namespace firebreak::analysis {

/// The fields of a structured log line, in the line's order, named as Loki's parsers name them so a field
/// shown can be typed into a query (`| json | user_id="42"`).
///
/// JSON (a line that is one JSON object, surrounding spaces allowed), as Loki's `| json` without arguments:
/// nested objects flattened with `_` (`{"a":{"b":1}}` → `a_b`), arrays skipped, strings unescaped, numbers as
/// written, true/false as words, null as an empty value. logfmt otherwise (go-logfmt, as Loki's `| logfmt`):
/// `key=value`, `key="quoted value"` with \" \\ \n \t \r \uXXXX escapes, `key=` empty; bare words without `=`
/// are skipped, and a line counts as logfmt only when it has at least one `key=value`.
/// Names are sanitised like Loki's label names: any character but [A-Za-z0-9_] becomes `_`, and a leading
/// digit gets a `_` in front. Duplicate names are all kept, in order.
/// Empty when the line is neither (or is JSON but not an object, or broken JSON).
QList<QPair<QString, QString>> parseLogFields(QByteArrayView line);

/// parseLogFields's JSON half alone: empty for anything but a JSON object.
QList<QPair<QString, QString>> parseJsonFields(QByteArrayView line);
/// parseLogFields's logfmt half alone.
QList<QPair<QString, QString>> parseLogfmtFields(QByteArrayView line);

/// A name as Loki turns it into a label name (see parseLogFields).
QString sanitizeFieldName(QByteArrayView name);

} // namespace firebreak::analysis
