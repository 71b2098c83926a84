#pragma once

#include "analysis/slo.h"

#include <QList>
#include <QString>

namespace firebreak::analysis {

/// Prometheus rules that watch SLOs without Firebreak running: per SLO one rule group with
///  - recording rules `slo:sli_error:ratio_rate<W>` (the error ratio over each window the alerts and the
///    budget need: 5m, 30m, 1h, 2h, 6h, 1d, 3d and the SLO window), labelled `slo="<name>"` and
///    `service="<service>"` (left out when the SLO names no service);
///  - the four multi-window multi-burn-rate alerts `SLOErrorBudgetBurn` (labels slo, service, severity page/ticket,
///    long_window, short_window; `for:` 2m, 15m, 1h, 3h), each firing when both of its windows' recorded error
///    ratios exceed factor × (1 - objective). Two SLOs of one name and service get " #2" … on the later one.
/// The text is YAML for `rule_files:` and passes `promtool check rules`.

inline constexpr QStringView SloAlertName = u"SLOErrorBudgetBurn";

/// "slo:sli_error:ratio_rate5m".
QString sloRecordingRuleName(qint64 windowMs);
/// The labels the recording rules put on their series, as a PromQL matcher list: `slo="Checkout", service="shop"`.
QString sloSeriesMatchers(const SloDefinition& slo);
/// The alert condition of one row of the table, over the recorded series:
/// `slo:sli_error:ratio_rate1h{…} > (14.4 * 0.001) and slo:sli_error:ratio_rate5m{…} > (14.4 * 0.001)`.
QString sloAlertExpression(const SloDefinition& slo, const BurnRateWindow& window);
/// A number as the rules write it: shortest exact form up to 12 significant digits ("0.001", "14.4").
QString ruleNumber(double value);

/// The rules file for `slos` (one group each; group names made unique).
QString sloRulesYaml(const QList<SloDefinition>& slos);

} // namespace firebreak::analysis
