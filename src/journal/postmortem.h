#pragma once

#include "model/incident.h"
#include "model/timerange.h"

#include <QList>
#include <QString>

namespace firebreak::journal {

/// A postmortem draft in Markdown, generated from an incident and its events (in sequence order):
/// summary, impact, durations, severity history, roles, key events, updates sent, evidence, action
/// items, then empty sections for the authors. The same inputs always give the same text.
QString generatePostmortem(const Incident& incident, const QList<JournalEvent>& events, TimeDisplay display);

/// The postmortem as it stands: the user's edited draft (Incident::postmortemMarkdown) when there is
/// one, otherwise a freshly generated draft.
QString postmortemText(const Incident& incident, const QList<JournalEvent>& events, TimeDisplay display);

/// "INC-20261125-1 — Checkout errors": the document title of an exported postmortem.
QString postmortemTitle(const Incident& incident);

} // namespace firebreak::journal
