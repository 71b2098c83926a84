#pragma once

#include <QString>

namespace firebreak {

/// A service level objective as the user defined it. The SLI is either good/total events (two PromQL
/// expressions counting events) or one expression giving the error ratio directly.
struct SloDefinition
{
    QString id; // UUIDv7; empty until saved
    QString name;
    QString service;
    QString goodQuery;
    QString totalQuery;
    QString errorRatioQuery;
    double objective = 0.999; // fraction of good events, 0 < objective < 1
    qint64 windowMs = 30LL * 24 * 3600 * 1000;

    bool usesErrorRatio() const { return !errorRatioQuery.trimmed().isEmpty(); }
    bool operator==(const SloDefinition&) const = default;
};

} // namespace firebreak
