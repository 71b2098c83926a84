#pragma once

#include "model/incident.h"
#include "model/timerange.h"

#include <QHash>
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

/// Pinned evidence's pictures by the URL the draft names them with ("evidence:<event id>") → PNG bytes.
using EvidencePictures = QHash<QString, QByteArray>;
QString evidencePictureUrl(const QString& eventId);
EvidencePictures evidencePictures(const QList<JournalEvent>& events);
/// The draft with its evidence pictures inlined as data: URLs, for files that must stand alone
/// (exported Markdown, HTML and PDF).
QString embedEvidencePictures(const QString& markdown, const EvidencePictures& pictures);

} // namespace firebreak::journal
