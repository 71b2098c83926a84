#pragma once

#include <QMap>
#include <QString>

#include <vector>

namespace firebreak {

/// One time series: its labels and its samples as two parallel arrays (times in ms since the epoch, UTC).
/// Values keep NaN and ±Inf as the backend sent them.
struct Series
{
    QMap<QString, QString> labels;
    std::vector<qint64> timesMs;
    std::vector<double> values;

    qsizetype size() const { return static_cast<qsizetype>(timesMs.size()); }
};

} // namespace firebreak
