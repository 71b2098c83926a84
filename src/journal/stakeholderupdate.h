#pragma once

#include "model/incident.h"
#include "model/timerange.h"

#include <QList>
#include <QSettings>
#include <QString>

#include <chrono>
#include <optional>

namespace firebreak::journal {

/// A stakeholder-update template: text with {placeholders} filled from the incident's state.
struct UpdateTemplate
{
    QString audience; // "executives", "customers", "engineering" — the key stored with a sent update
    QString text;
};

/// Executives, customers / status page, engineering.
QList<UpdateTemplate> defaultUpdateTemplates();

/// The user's templates (QSettings group "updateTemplates"), falling back to the defaults per audience.
QList<UpdateTemplate> loadTemplates(QSettings& settings);
void saveTemplate(QSettings& settings, const UpdateTemplate& updateTemplate);
/// The cadence for `severity` from QSettings ("updateCadence/SEVn", minutes), else defaultCadence().
std::chrono::minutes cadence(QSettings& settings, Severity severity);

/// The placeholders fillTemplate() knows, for the editor's help text.
QStringList templatePlaceholders();

/// Replaces {title} {id} {severity} {status} {impact} {summary} {commander} {services} {started}
/// {declared} {duration} {next_update} {now}; unknown {words} are left as typed.
QString fillTemplate(const QString& text, const Incident& incident, qint64 nowMs, TimeDisplay display,
    std::optional<qint64> nextUpdateMs);

/// How often stakeholders expect to hear about an incident of `severity`; 0 = no cadence.
/// Defaults: SEV1 30 min, SEV2 60 min, SEV3 120 min, SEV4 and SEV5 none.
std::chrono::minutes defaultCadence(Severity severity);

/// When the next update is due: the last update sent (or the declaration) plus the cadence.
/// Nothing when the incident is resolved or closed, or the cadence is 0.
std::optional<qint64> nextUpdateDue(const Incident& incident, std::chrono::minutes cadence);

/// "next update due in 12:03" / "update overdue by 4:10" for a countdown label; `overdue` tells which.
QString countdownText(qint64 dueMs, qint64 nowMs, bool* overdue = nullptr);

/// An update as it is pasted into chat or a status page.
QString updateAsMarkdown(const Incident& incident, const UpdateRecord& update, TimeDisplay display);
QString updateAsPlainText(const Incident& incident, const UpdateRecord& update, TimeDisplay display);

} // namespace firebreak::journal
