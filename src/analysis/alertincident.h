#pragma once

#include "backends/prometheus/prometheusparser.h"
#include "journal/journal.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace firebreak::analysis {

/// The incident severity a Prometheus `severity` (or `priority`) label value asks for:
///  - sev1..sev5, "sev-2", "SEV 3", p1..p5 -> that level; sev0 / p0 -> SEV1;
///  - critical, page, emergency, fatal, disaster -> SEV2: urgent, yet an alert alone rarely shows the
///    customer-wide impact that SEV1 means — the commander raises it when it does;
///  - error, high, major -> SEV3; warning, warn, ticket, medium, minor -> SEV4; info, low, notice, none -> SEV5.
/// Case-insensitive; nullopt for anything else.
std::optional<Severity> severityFromAlertLabel(const QString& value);
/// From the alert's `severity` label, else its `priority` label; SEV3 (the declare dialog's default) when
/// neither says.
Severity incidentSeverityForAlert(const prometheus::LabelSet& labels);
/// The values of the `service`, `app` and `job` labels, in that order, without repeats.
QStringList servicesFromAlertLabels(const prometheus::LabelSet& labels);

/// The alerting rule an alert comes from: the rule named like the alert whose alerts include one with the
/// same labels, else the first rule of that name whose own labels the alert carries; nullptr when none.
const prometheus::Rule* ruleForAlert(const std::vector<prometheus::RuleGroup>& groups, const prometheus::Alert& alert);

/// `ALERTS{alertname="X", …}`: re-runnable when the rule's own query is not known.
QString alertsSeriesQuery(const prometheus::Alert& alert);

/// The declare dialog's prefill: title "ALERTNAME: summary annotation" (or the name alone), severity from the
/// labels, services from the labels, summary from the description annotation (else the summary one), start
/// when the alert became active.
journal::DeclareRequest declareRequestForAlert(const prometheus::Alert& alert);

/// The alert as evidence: its rule's query (or alertsSeriesQuery()), from when it became active until
/// `nowMs`, and a frozen JSON copy of labels, annotations, value, state, the rule's health and the source.
journal::Evidence evidenceForAlert(const prometheus::Alert& alert, const prometheus::Rule* rule,
    const QString& sourceName, const QString& sourceUrl, qint64 nowMs);

} // namespace firebreak::analysis
