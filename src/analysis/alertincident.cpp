#include "alertincident.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace firebreak::analysis {

using prometheus::Alert;
using prometheus::LabelSet;
using prometheus::Rule;
using prometheus::RuleGroup;

namespace {

const QString AlertNameLabel = QStringLiteral("alertname");

QJsonObject toJson(const LabelSet& labels)
{
    QJsonObject object;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QString rfc3339(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString promString(const QString& value)
{
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'"', QStringLiteral("\\\""));
    escaped.replace(u'\n', QStringLiteral("\\n"));
    return u'"' + escaped + u'"';
}

} // namespace

std::optional<Severity> severityFromAlertLabel(const QString& value)
{
    const QString key = value.trimmed().toLower();
    static const QRegularExpression numbered(QStringLiteral(R"(^(?:sev|p)[\s_-]?([0-5])$)"));
    if (const QRegularExpressionMatch match = numbered.match(key); match.hasMatch())
        return static_cast<Severity>(std::max(1, match.capturedView(1).toInt()));
    static const QHash<QString, Severity> words {
        { QStringLiteral("critical"), Severity::Sev2 },
        { QStringLiteral("page"), Severity::Sev2 },
        { QStringLiteral("emergency"), Severity::Sev2 },
        { QStringLiteral("fatal"), Severity::Sev2 },
        { QStringLiteral("disaster"), Severity::Sev2 },
        { QStringLiteral("error"), Severity::Sev3 },
        { QStringLiteral("high"), Severity::Sev3 },
        { QStringLiteral("major"), Severity::Sev3 },
        { QStringLiteral("warning"), Severity::Sev4 },
        { QStringLiteral("warn"), Severity::Sev4 },
        { QStringLiteral("ticket"), Severity::Sev4 },
        { QStringLiteral("medium"), Severity::Sev4 },
        { QStringLiteral("minor"), Severity::Sev4 },
        { QStringLiteral("info"), Severity::Sev5 },
        { QStringLiteral("informational"), Severity::Sev5 },
        { QStringLiteral("low"), Severity::Sev5 },
        { QStringLiteral("notice"), Severity::Sev5 },
        { QStringLiteral("none"), Severity::Sev5 },
    };
    const auto it = words.constFind(key);
    if (it == words.constEnd())
        return std::nullopt;
    return *it;
}

Severity incidentSeverityForAlert(const LabelSet& labels)
{
    for (const QString& label : { QStringLiteral("severity"), QStringLiteral("priority") }) {
        if (const std::optional<Severity> severity = severityFromAlertLabel(labels.value(label)))
            return *severity;
    }
    return Severity::Sev3;
}

QStringList servicesFromAlertLabels(const LabelSet& labels)
{
    QStringList services;
    for (const QString& label : { QStringLiteral("service"), QStringLiteral("app"), QStringLiteral("job") }) {
        const QString value = labels.value(label).trimmed();
        if (!value.isEmpty() && !services.contains(value))
            services << value;
    }
    return services;
}

const Rule* ruleForAlert(const std::vector<RuleGroup>& groups, const Alert& alert)
{
    const QString name = alert.labels.value(AlertNameLabel);
    const Rule* fallback = nullptr;
    for (const RuleGroup& group : groups) {
        for (const Rule& rule : group.rules) {
            if (rule.type != prometheus::RuleType::Alerting || rule.name != name)
                continue;
            if (std::any_of(rule.alerts.begin(), rule.alerts.end(),
                    [&alert](const Alert& candidate) { return candidate.labels == alert.labels; }))
                return &rule;
            const bool carriesRuleLabels = std::all_of(rule.labels.keyValueBegin(), rule.labels.keyValueEnd(),
                [&alert](const auto& label) { return alert.labels.value(label.first) == label.second; });
            if (carriesRuleLabels && !fallback)
                fallback = &rule;
        }
    }
    return fallback;
}

QString alertsSeriesQuery(const Alert& alert)
{
    QStringList matchers;
    // alertname first: the one that says what it is.
    matchers << AlertNameLabel + u'=' + promString(alert.labels.value(AlertNameLabel));
    for (auto it = alert.labels.begin(); it != alert.labels.end(); ++it) {
        if (it.key() != AlertNameLabel)
            matchers << it.key() + u'=' + promString(it.value());
    }
    return QStringLiteral("ALERTS{%1}").arg(matchers.join(QStringLiteral(", ")));
}

journal::DeclareRequest declareRequestForAlert(const Alert& alert)
{
    journal::DeclareRequest request;
    const QString name = alert.labels.value(AlertNameLabel).trimmed();
    const QString summary = alert.annotations.value(QStringLiteral("summary")).trimmed();
    const QString description = alert.annotations.value(QStringLiteral("description")).trimmed();
    if (name.isEmpty())
        request.title = summary;
    else
        request.title = summary.isEmpty() ? name : name + QStringLiteral(": ") + summary;
    request.severity = incidentSeverityForAlert(alert.labels);
    request.services = servicesFromAlertLabels(alert.labels);
    request.summary = description.isEmpty() ? summary : description;
    request.startedMs = alert.activeAtMs;
    return request;
}

journal::Evidence evidenceForAlert(
    const Alert& alert, const Rule* rule, const QString& sourceName, const QString& sourceUrl, qint64 nowMs)
{
    journal::Evidence evidence;
    const QString name = alert.labels.value(AlertNameLabel);
    const QString state = prometheus::alertStateName(alert.state);
    // Evidence titles are stored in the journal and read later by anyone: the alert's own words.
    evidence.title = QStringLiteral("Alert %1 (%2)").arg(name, state);
    evidence.source = QStringLiteral("prometheus");
    evidence.query = rule && !rule->query.trimmed().isEmpty() ? rule->query.trimmed() : alertsSeriesQuery(alert);
    evidence.fromMs = std::min(alert.activeAtMs.value_or(nowMs), nowMs);
    evidence.toMs = nowMs;

    QJsonObject frozen {
        { QStringLiteral("kind"), QStringLiteral("prometheus_alert") },
        { QStringLiteral("alertname"), name },
        { QStringLiteral("state"), state },
        { QStringLiteral("labels"), toJson(alert.labels) },
        { QStringLiteral("annotations"), toJson(alert.annotations) },
        { QStringLiteral("value"), alert.value },
        { QStringLiteral("query"), evidence.query },
        { QStringLiteral("source"), sourceName },
        { QStringLiteral("source_url"), sourceUrl },
        { QStringLiteral("captured_at"), rfc3339(nowMs) },
        { QStringLiteral("captured_at_ms"), nowMs },
    };
    if (alert.activeAtMs) {
        frozen.insert(QStringLiteral("active_at"), rfc3339(*alert.activeAtMs));
        frozen.insert(QStringLiteral("active_at_ms"), *alert.activeAtMs);
    }
    if (rule) {
        QJsonObject ruleJson {
            { QStringLiteral("name"), rule->name },
            { QStringLiteral("query"), rule->query },
            { QStringLiteral("health"), prometheus::ruleHealthName(rule->health) },
            { QStringLiteral("for_ms"), rule->forMs },
            { QStringLiteral("labels"), toJson(rule->labels) },
        };
        if (!rule->lastError.isEmpty())
            ruleJson.insert(QStringLiteral("last_error"), rule->lastError);
        frozen.insert(QStringLiteral("rule"), ruleJson);
    }
    evidence.frozenData = QJsonDocument(frozen).toJson(QJsonDocument::Indented);
    return evidence;
}

} // namespace firebreak::analysis
