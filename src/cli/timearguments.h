#pragma once

#include <QString>

#include <optional>

namespace firebreak::cli {

/// A duration as Prometheus writes them: "30s", "1m", "1h30m", "500ms", "2d", "1w"; nullopt when it is not one.
std::optional<qint64> parseDurationMs(const QString& text);

/// A time argument `T`: unix seconds ("1795514400", "1795514400.25"), RFC 3339 ("2026-11-24T10:00:00Z",
/// "2026-11-24T11:00:00+01:00"), "now", or now plus or minus a duration ("now-1h", "now+30s").
/// In milliseconds since the epoch; nullopt when `text` is none of these.
std::optional<qint64> parseTimeMs(const QString& text, qint64 nowMs);

/// A step `S`: seconds ("15", "0.5") or a duration ("30s", "1m"); only positive steps.
std::optional<qint64> parseStepMs(const QString& text);

/// RFC 3339 in UTC with milliseconds only when there are some: "2026-11-24T10:00:00Z", "…T10:00:00.500Z".
QString formatTimeUtc(qint64 ms);

} // namespace firebreak::cli
