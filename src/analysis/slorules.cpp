#include "slorules.h"

#include <QSet>

namespace firebreak::analysis {

namespace {

/// A YAML double-quoted scalar: every character allowed, nothing read as YAML syntax.
QString yamlQuoted(const QString& text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'\\':
            out += QStringLiteral("\\\\");
            break;
        case u'"':
            out += QStringLiteral("\\\"");
            break;
        case u'\n':
            out += QStringLiteral("\\n");
            break;
        case u'\t':
            out += QStringLiteral("\\t");
            break;
        case u'\r':
            out += QStringLiteral("\\r");
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

/// A PromQL expression as a YAML literal block (`|-`), so quotes and braces stay readable.
QString yamlBlock(const QString& expression, int indent)
{
    QString normalised = expression.trimmed();
    normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normalised.replace(u'\r', u'\n');
    const QString pad(indent, u' ');
    QString out = QStringLiteral("|-\n");
    const QStringList lines = normalised.split(u'\n');
    for (const QString& line : lines) {
        QString kept = line;
        // A line of only blanks would otherwise set or break the block's indentation.
        if (kept.trimmed().isEmpty())
            kept.clear();
        out += kept.isEmpty() ? QStringLiteral("\n") : pad + kept + u'\n';
    }
    out.chop(1);
    return out;
}

QString promString(const QString& value)
{
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'"', QStringLiteral("\\\""));
    escaped.replace(u'\n', QStringLiteral("\\n"));
    return u'"' + escaped + u'"';
}

QString severityKey(BurnSeverity severity)
{
    return severity == BurnSeverity::Page ? QStringLiteral("page") : QStringLiteral("ticket");
}

QString percent(double fraction)
{
    return ruleNumber(fraction * 100.0) + u'%';
}

} // namespace

QString sloRecordingRuleName(qint64 windowMs)
{
    return QStringLiteral("slo:sli_error:ratio_rate") + promDuration(windowMs);
}

QString sloSeriesMatchers(const SloDefinition& slo)
{
    QString matchers = QStringLiteral("slo=") + promString(slo.name.trimmed());
    if (!slo.service.trimmed().isEmpty())
        matchers += QStringLiteral(", service=") + promString(slo.service.trimmed());
    return matchers;
}

QString ruleNumber(double value)
{
    return QString::number(value, 'g', 12);
}

QString sloAlertExpression(const SloDefinition& slo, const BurnRateWindow& window)
{
    const QString threshold
        = QStringLiteral("(%1 * %2)").arg(ruleNumber(window.factor), ruleNumber(allowedErrorRatio(slo.objective)));
    const QString matchers = sloSeriesMatchers(slo);
    return QStringLiteral("%1{%2} > %3\nand\n%4{%2} > %3")
        .arg(sloRecordingRuleName(window.longMs), matchers, threshold, sloRecordingRuleName(window.shortMs));
}

QString sloRulesYaml(const QList<SloDefinition>& slos)
{
    // Rule files are read by Prometheus and Alertmanager users of any language: plain English, not tr().
    QString yaml = QStringLiteral("# Prometheus rules for %1 SLO(s), exported by Firebreak.\n"
                                  "# Multi-window multi-burn-rate alerts as in the Google SRE workbook, "
                                  "\"Alerting on SLOs\".\n")
                       .arg(slos.size());
    yaml += QStringLiteral("groups:\n");
    if (slos.isEmpty())
        return yaml + QStringLiteral("  []\n");

    QSet<QString> groupNames;
    QSet<QPair<QString, QString>> seriesLabels;
    for (const SloDefinition& original : slos) {
        // Two SLOs of one name and service would record the same series from two groups: the later is renamed.
        SloDefinition slo = original;
        slo.name = original.name.trimmed();
        slo.service = original.service.trimmed();
        for (int n = 2; seriesLabels.contains({ slo.name, slo.service }); ++n)
            slo.name = original.name.trimmed() + QStringLiteral(" #") + QString::number(n);
        seriesLabels.insert({ slo.name, slo.service });
        const QString name = slo.name;
        const QString service = slo.service;
        QString group = QStringLiteral("slo:") + name + (service.isEmpty() ? QString() : u':' + service);
        const QString base = group;
        for (int n = 2; groupNames.contains(group); ++n)
            group = base + u'#' + QString::number(n);
        groupNames.insert(group);

        const QString window = promDuration(slo.windowMs);
        yaml += QStringLiteral("  # %1: objective %2 over %3\n")
                    .arg(QString(name).replace(u'\n', u' ').replace(u'\r', u' '), formatObjective(slo.objective),
                        window);
        yaml += QStringLiteral("  - name: %1\n    rules:\n").arg(yamlQuoted(group));

        const auto labels = [&](const QString& indent) {
            QString text = indent + QStringLiteral("labels:\n");
            text += indent + QStringLiteral("  slo: ") + yamlQuoted(name) + u'\n';
            if (!service.isEmpty())
                text += indent + QStringLiteral("  service: ") + yamlQuoted(service) + u'\n';
            return text;
        };
        for (const qint64 windowMs : evaluationWindows(slo.windowMs)) {
            yaml += QStringLiteral("      - record: %1\n").arg(sloRecordingRuleName(windowMs));
            yaml += QStringLiteral("        expr: %1\n").arg(yamlBlock(errorRatioQuery(slo, windowMs), 10));
            yaml += labels(QStringLiteral("        "));
        }

        const double allowed = allowedErrorRatio(slo.objective);
        for (const BurnRateWindow& row : multiWindowBurnRates()) {
            const QString longWindow = promDuration(row.longMs);
            const QString shortWindow = promDuration(row.shortMs);
            const QString consumed = percent(budgetConsumedBy(row.factor, row.longMs, slo.windowMs));
            yaml += QStringLiteral("      - alert: %1\n").arg(SloAlertName.toString());
            yaml += QStringLiteral("        expr: %1\n").arg(yamlBlock(sloAlertExpression(slo, row), 10));
            yaml += QStringLiteral("        for: %1\n").arg(promDuration(row.forMs));
            // slo and service come with the recorded series too; repeated here so the rules of two SLOs
            // differ (promtool's duplicate-rules lint) and routing can rely on them.
            yaml += labels(QStringLiteral("        "));
            yaml += QStringLiteral("          severity: %1\n").arg(severityKey(row.severity));
            yaml += QStringLiteral("          long_window: %1\n").arg(yamlQuoted(longWindow));
            yaml += QStringLiteral("          short_window: %1\n").arg(yamlQuoted(shortWindow));
            yaml += QStringLiteral("        annotations:\n");
            yaml += QStringLiteral("          summary: %1\n")
                        .arg(yamlQuoted(
                            QStringLiteral("SLO %1%2: error budget burning over %3x as fast as allowed")
                                .arg(name, service.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(service),
                                    ruleNumber(row.factor))));
            yaml += QStringLiteral("          description: %1\n")
                        .arg(yamlQuoted(QStringLiteral(
                            "Error ratio {{ $value | humanizePercentage }} over %1, and above %2 over %3 "
                            "too (objective %4 over %5). At this rate %6 of the error budget is gone "
                            "in %1.")
                                            .arg(longWindow, percent(row.factor * allowed), shortWindow,
                                                formatObjective(slo.objective), window, consumed)));
        }
    }
    return yaml;
}

} // namespace firebreak::analysis
