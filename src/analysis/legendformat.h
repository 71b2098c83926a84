#pragma once

#include <QMap>
#include <QString>

namespace firebreak::analysis {

/// A series' legend entry. `{{label}}` (spaces inside the braces allowed, as in Grafana) is replaced by that
/// label's value, an unknown label by nothing. An empty (or all-blank) format gives the series as Prometheus
/// prints it: `name{a="b", c="d"}` with the labels sorted, `__name__` as the name, values escaped
/// (`\\`, `\"`, `\n`); `{}` for no labels at all.
QString formatLegend(const QString& format, const QMap<QString, QString>& labels);

/// `{a="b", c="d"}` without `__name__`: the labels part of the default legend, for tables and tooltips.
QString formatLabelSet(const QMap<QString, QString>& labels);

} // namespace firebreak::analysis
