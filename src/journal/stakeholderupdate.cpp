#include "stakeholderupdate.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace firebreak::journal {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(StakeholderUpdate)
};

QString clock(qint64 ms)
{
    const qint64 totalSeconds = std::abs(ms) / 1000;
    const qint64 hours = totalSeconds / 3600;
    const qint64 minutes = (totalSeconds % 3600) / 60;
    const qint64 seconds = totalSeconds % 60;
    if (hours > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(hours)
            .arg(minutes, 2, 10, QLatin1Char('0'))
            .arg(seconds, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(minutes).arg(seconds, 2, 10, QLatin1Char('0'));
}
} // namespace

QList<UpdateTemplate> defaultUpdateTemplates()
{
    return {
        { QStringLiteral("executives"),
            Text::tr("[{severity}] {title} — {status}\n\n"
                     "Impact: {impact}\n"
                     "Incident commander: {commander}. Open for {duration} (declared {declared}).\n\n"
                     "{summary}\n\n"
                     "Next update {next_update}.") },
        { QStringLiteral("customers"),
            Text::tr("{title}\n\n"
                     "We are investigating an issue affecting {services}.\n"
                     "Impact: {impact}\n"
                     "Current status: {status}. We will post the next update {next_update}.") },
        { QStringLiteral("engineering"),
            Text::tr("{id} {severity} {status}: {title}\n"
                     "IC: {commander} · services: {services} · started: {started} · open {duration}\n\n"
                     "{summary}\n\n"
                     "Next sync {next_update}.") },
    };
}

QList<UpdateTemplate> loadTemplates(QSettings& settings)
{
    QList<UpdateTemplate> templates = defaultUpdateTemplates();
    for (UpdateTemplate& t : templates) {
        const QString stored = settings.value(QStringLiteral("updateTemplates/") + t.audience).toString();
        if (!stored.trimmed().isEmpty())
            t.text = stored;
    }
    return templates;
}

void saveTemplate(QSettings& settings, const UpdateTemplate& updateTemplate)
{
    settings.setValue(QStringLiteral("updateTemplates/") + updateTemplate.audience, updateTemplate.text);
}

std::chrono::minutes cadence(QSettings& settings, Severity severity)
{
    const QVariant stored = settings.value(QStringLiteral("updateCadence/") + severityName(severity));
    bool ok = false;
    const int minutes = stored.toInt(&ok);
    return ok && minutes >= 0 ? std::chrono::minutes(minutes) : defaultCadence(severity);
}

QStringList templatePlaceholders()
{
    return { QStringLiteral("{title}"), QStringLiteral("{id}"), QStringLiteral("{severity}"),
        QStringLiteral("{status}"), QStringLiteral("{impact}"), QStringLiteral("{summary}"),
        QStringLiteral("{commander}"), QStringLiteral("{services}"), QStringLiteral("{started}"),
        QStringLiteral("{declared}"), QStringLiteral("{duration}"), QStringLiteral("{next_update}"),
        QStringLiteral("{now}") };
}

QString fillTemplate(const QString& text, const Incident& incident, qint64 nowMs, TimeDisplay display,
    std::optional<qint64> nextUpdateMs)
{
    const auto time
        = [display](std::optional<qint64> ms) { return ms ? formatTime(*ms, display, true) : Text::tr("unknown"); };
    const QString none = Text::tr("not assigned");
    const qint64 since = incident.startedMs.value_or(incident.declaredMs);
    const qint64 end = incident.resolvedMs && !incident.isOpen() ? *incident.resolvedMs : nowMs;
    const QHash<QString, QString> values {
        { QStringLiteral("title"), incident.title },
        { QStringLiteral("id"), incident.id },
        { QStringLiteral("severity"), severityName(incident.severity) },
        { QStringLiteral("status"), statusKey(incident.status) },
        { QStringLiteral("impact"),
            incident.customerImpact.isEmpty() ? Text::tr("still being assessed") : incident.customerImpact },
        { QStringLiteral("summary"), incident.summary },
        { QStringLiteral("commander"), incident.commander().isEmpty() ? none : incident.commander() },
        { QStringLiteral("services"),
            incident.services.isEmpty() ? Text::tr("some services") : incident.services.join(QStringLiteral(", ")) },
        { QStringLiteral("started"), time(incident.startedMs) },
        { QStringLiteral("declared"), time(incident.declaredMs) },
        { QStringLiteral("duration"), formatDuration(std::chrono::milliseconds(std::max<qint64>(0, end - since))) },
        { QStringLiteral("next_update"),
            nextUpdateMs ? Text::tr("by %1").arg(time(nextUpdateMs)) : Text::tr("when there is news") },
        { QStringLiteral("now"), time(nowMs) },
    };
    static const QRegularExpression placeholder(QStringLiteral("\\{([a-z_]+)\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        out += QStringView(text).mid(last, match.capturedStart() - last);
        const auto value = values.find(match.captured(1));
        out += value != values.end() ? *value : match.captured(0);
        last = match.capturedEnd();
    }
    out += QStringView(text).mid(last);
    // An empty value (no summary yet) must not leave a hole of blank lines in the message.
    static const QRegularExpression blankRun(QStringLiteral("\n{3,}"));
    out.replace(blankRun, QStringLiteral("\n\n"));
    return out.trimmed();
}

std::chrono::minutes defaultCadence(Severity severity)
{
    using namespace std::chrono_literals;
    switch (severity) {
    case Severity::Sev1:
        return 30min;
    case Severity::Sev2:
        return 60min;
    case Severity::Sev3:
        return 120min;
    case Severity::Sev4:
    case Severity::Sev5:
        return 0min;
    }
    return 0min;
}

std::optional<qint64> nextUpdateDue(const Incident& incident, std::chrono::minutes cadence)
{
    if (!incident.isOpen() || cadence.count() <= 0)
        return std::nullopt;
    const qint64 last = incident.updates.isEmpty() ? incident.declaredMs : incident.updates.last().timeMs;
    return last + std::chrono::duration_cast<std::chrono::milliseconds>(cadence).count();
}

QString countdownText(qint64 dueMs, qint64 nowMs, bool* overdue)
{
    const bool late = nowMs > dueMs;
    if (overdue)
        *overdue = late;
    return late ? Text::tr("update overdue by %1").arg(clock(nowMs - dueMs))
                : Text::tr("next update due in %1").arg(clock(dueMs - nowMs));
}

QString updateAsMarkdown(const Incident& incident, const UpdateRecord& update, TimeDisplay display)
{
    return QStringLiteral("**%1 · %2 · %3** — %4\n\n%5\n")
        .arg(incident.id, severityName(incident.severity), update.audience, formatTime(update.timeMs, display, true),
            update.text);
}

QString updateAsPlainText(const Incident& incident, const UpdateRecord& update, TimeDisplay display)
{
    return QStringLiteral("%1 · %2 · %3 — %4\n\n%5\n")
        .arg(incident.id, severityName(incident.severity), update.audience, formatTime(update.timeMs, display, true),
            update.text);
}

} // namespace firebreak::journal
