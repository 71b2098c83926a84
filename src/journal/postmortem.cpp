#include "postmortem.h"

#include "timelinemodel.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <chrono>

namespace firebreak::journal {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Postmortem)
};

// A table cell is one line, and '|' would end it.
QString cell(const QString& text)
{
    QString escaped = text.trimmed();
    escaped.replace(u'|', QStringLiteral("\\|"));
    escaped.replace(u'\n', u' ');
    return escaped.isEmpty() ? QStringLiteral("—") : escaped;
}

// Keeps the later lines of a multi-line text inside its list item.
QString inItem(const QString& text)
{
    QString indented = text.trimmed();
    indented.replace(u'\n', QStringLiteral("\n  "));
    return indented;
}

QString quoted(const QString& text)
{
    QString lines = text.trimmed();
    lines.replace(u'\n', QStringLiteral("\n> "));
    return QStringLiteral("> ") + lines;
}

// A code span needs a fence longer than any run of backticks inside it.
QString inlineCode(const QString& text)
{
    qsizetype longest = 0;
    qsizetype run = 0;
    for (const QChar c : text) {
        run = c == u'`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const QString fence(longest + 1, u'`');
    const QString pad = text.startsWith(u'`') || text.endsWith(u'`') ? QStringLiteral(" ") : QString();
    return fence + pad + text + pad + fence;
}

QString italic(const QString& text)
{
    return u'*' + text + u'*';
}

QString duration(std::optional<qint64> ms)
{
    return ms ? formatDuration(std::chrono::milliseconds(*ms)) : Text::tr("not yet");
}

class Writer
{
public:
    Writer(const Incident& incident, const QList<JournalEvent>& events, TimeDisplay display)
        : m_incident(incident)
        , m_events(events)
        , m_display(display)
    {
        for (const JournalEvent& event : events)
            m_byId.insert(event.id, &event);
    }

    QString write()
    {
        header();
        summary();
        impact();
        durations();
        severityHistory();
        roles();
        keyEvents();
        updates();
        evidence();
        actionItems();
        blank(Text::tr("Root cause"), Text::tr("What, at the deepest level we can act on, made this happen?"));
        blank(Text::tr("Contributing factors"),
            Text::tr("What made it more likely, larger or longer: load, config, alerts, process, timing."));
        blank(Text::tr("What went well"), Text::tr("What helped us notice, decide and recover quickly?"));
        blank(Text::tr("What went wrong"), Text::tr("What slowed us down or made the impact worse?"));
        blank(Text::tr("Where we got lucky"), Text::tr("What could have made this much worse, and did not?"));
        return m_out;
    }

private:
    QString time(qint64 ms) const { return formatTime(ms, m_display, true); }

    void line(const QString& text = {}) { m_out += text + u'\n'; }

    void section(const QString& title)
    {
        line();
        line(QStringLiteral("## ") + title);
        line();
    }

    void header()
    {
        line(QStringLiteral("# ")
            + Text::tr("Postmortem: %1 (%2, %3, %4)")
                  .arg(m_incident.title, m_incident.id, severityName(m_incident.severity),
                      statusKey(m_incident.status)));
        line();
        const QString commander = m_incident.commander();
        line(italic(Text::tr("Declared %1 by %2. Commander: %3.")
                        .arg(time(m_incident.declaredMs), m_incident.declaredBy,
                            commander.isEmpty() ? Text::tr("nobody") : commander)));
    }

    void summary()
    {
        section(Text::tr("Summary"));
        const QString summary = m_incident.summary.trimmed();
        line(summary.isEmpty() ? italic(Text::tr("No summary was recorded.")) : summary);
        if (!m_incident.services.isEmpty()) {
            line();
            line(Text::tr("**Services:** %1").arg(m_incident.services.join(QStringLiteral(", "))));
        }
        if (!m_incident.tags.isEmpty()) {
            line();
            line(Text::tr("**Tags:** %1").arg(m_incident.tags.join(QStringLiteral(", "))));
        }
    }

    void impact()
    {
        section(Text::tr("Customer impact"));
        const QString impact = m_incident.customerImpact.trimmed();
        line(impact.isEmpty()
                ? italic(Text::tr("No customer impact was recorded: who was affected, how, and for how long?"))
                : impact);
    }

    void durations()
    {
        section(Text::tr("Durations"));
        const Incident& i = m_incident;
        const auto milestone = [this](const QString& name, std::optional<qint64> ms) {
            line(QStringLiteral("- ") + Text::tr("%1: %2").arg(name, ms ? time(*ms) : Text::tr("not yet")));
        };
        if (i.startedMs)
            milestone(Text::tr("Impact began"), i.startedMs);
        milestone(Text::tr("Declared"), i.declaredMs);
        milestone(Text::tr("Acknowledged"), i.acknowledgedMs);
        milestone(Text::tr("Mitigated"), i.mitigatedMs);
        milestone(Text::tr("Resolved"), i.resolvedMs);
        if (i.closedMs)
            milestone(Text::tr("Closed"), i.closedMs);
        line();

        const bool started = i.startedMs.has_value();
        line(QStringLiteral("| ") + Text::tr("Duration") + QStringLiteral(" | ") + Text::tr("From declaration")
            + (started ? QStringLiteral(" | ") + Text::tr("From start of impact") : QString()) + QStringLiteral(" |"));
        line(started ? QStringLiteral("|---|---|---|") : QStringLiteral("|---|---|"));
        const auto row = [&](const QString& name, std::optional<qint64> at) {
            line(QStringLiteral("| ") + name + QStringLiteral(" | ") + duration(span(i.declaredMs, at))
                + (started ? QStringLiteral(" | ") + duration(span(i.startedMs, at)) : QString())
                + QStringLiteral(" |"));
        };
        row(Text::tr("Time to acknowledge"), i.acknowledgedMs);
        row(Text::tr("Time to mitigate"), i.mitigatedMs);
        row(Text::tr("Time to resolve"), i.resolvedMs);
    }

    void severityHistory()
    {
        section(Text::tr("Severity history"));
        if (m_incident.severityHistory.isEmpty()) {
            line(italic(Text::tr("No severity was recorded.")));
            return;
        }
        Severity highest = m_incident.severityHistory.first().to;
        for (const SeverityChange& change : m_incident.severityHistory)
            highest = std::min(highest, change.to); // SEV1 is the most severe
        line(Text::tr("Highest severity: **%1**.").arg(severityName(highest)));
        line();
        for (const SeverityChange& change : m_incident.severityHistory) {
            QString text = change.from ? Text::tr("%1 → %2").arg(severityName(*change.from), severityName(change.to))
                                       : Text::tr("%1 at declaration").arg(severityName(change.to));
            if (const JournalEvent* event = m_byId.value(change.eventId)) {
                const QString reason = event->payload.value(QStringLiteral("reason")).toString();
                if (!reason.isEmpty())
                    text += QStringLiteral(": ") + reason;
            }
            item(change.timeMs, text, change.author);
        }
    }

    void roles()
    {
        section(Text::tr("Roles and handoffs"));
        if (m_incident.roles.isEmpty()) {
            line(italic(Text::tr("Nobody holds a role now.")));
        } else {
            line(Text::tr("Now:"));
            line();
            for (auto it = m_incident.roles.cbegin(); it != m_incident.roles.cend(); ++it)
                line(QStringLiteral("- **%1**: %2").arg(it.key(), it.value()));
        }
        if (m_incident.roleHistory.isEmpty())
            return;
        line();
        line(Text::tr("Handoffs:"));
        line();
        for (const RoleChange& change : m_incident.roleHistory) {
            QString text;
            if (change.person.isEmpty())
                text = Text::tr("%1 released %2").arg(change.previous, change.role);
            else if (change.previous.isEmpty())
                text = Text::tr("%1 became %2").arg(change.person, change.role);
            else
                text = Text::tr("%1 handed %2 to %3").arg(change.previous, change.role, change.person);
            item(change.timeMs, text, change.author);
        }
    }

    void keyEvents()
    {
        section(Text::tr("Timeline of key events"));
        QList<const JournalEvent*> chosen;
        for (const JournalEvent& event : m_events) {
            if (m_incident.keyEvents.contains(event.id))
                chosen << &event;
        }
        if (chosen.isEmpty()) {
            line(italic(Text::tr("No event was marked as key; these are the status and severity changes.")));
            line();
            for (const JournalEvent& event : m_events) {
                if (event.kind == EventKind::Declared || event.kind == EventKind::SeverityChanged
                    || event.kind == EventKind::StatusChanged)
                    chosen << &event;
            }
        }
        for (const JournalEvent* event : chosen) {
            item(event->timeMs, TimelineModel::describe(*event), event->author);
            const QString correctionId = m_incident.correctedBy.value(event->id);
            if (const JournalEvent* correction = m_byId.value(correctionId)) {
                m_out.chop(1);
                line(QStringLiteral("  \n  ")
                    + Text::tr("*Corrected by %1 at %2:* %3")
                          .arg(correction->author, time(correction->timeMs),
                              inItem(correction->payload.value(QStringLiteral("text")).toString())));
            }
        }
    }

    void updates()
    {
        section(Text::tr("Stakeholder updates sent"));
        if (m_incident.updates.isEmpty()) {
            line(italic(Text::tr("No stakeholder update was sent.")));
            return;
        }
        bool first = true;
        for (const UpdateRecord& update : m_incident.updates) {
            if (!first)
                line();
            first = false;
            line(QStringLiteral("**") + Text::tr("%1 — to %2").arg(time(update.timeMs), update.audience)
                + QStringLiteral("** (") + update.author + u')');
            line();
            line(quoted(update.text));
        }
    }

    void evidence()
    {
        section(Text::tr("Evidence"));
        bool any = false;
        for (const JournalEvent& event : m_events) {
            if (event.kind != EventKind::EvidencePinned)
                continue;
            any = true;
            const QJsonObject& p = event.payload;
            const QString title = p.value(QStringLiteral("title")).toString();
            const QString source = p.value(QStringLiteral("source")).toString();
            const QString query = p.value(QStringLiteral("query")).toString();
            const auto fromMs = static_cast<qint64>(p.value(QStringLiteral("from_ms")).toDouble());
            const auto toMs = static_cast<qint64>(p.value(QStringLiteral("to_ms")).toDouble());
            QString text
                = QStringLiteral("- **") + (title.isEmpty() ? Text::tr("Untitled") : title) + QStringLiteral("**");
            if (!source.isEmpty())
                text += QStringLiteral(" (") + source + u')';
            if (!query.isEmpty())
                text += QStringLiteral(": ") + inlineCode(query);
            if (fromMs > 0 || toMs > 0)
                text += QStringLiteral(", ") + Text::tr("%1 to %2").arg(time(fromMs), time(toMs));
            text += QStringLiteral(" — ") + Text::tr("pinned by %1 at %2").arg(event.author, time(event.timeMs));
            line(text);
            // The picture taken when it was pinned: the postmortem keeps showing the chart after the
            // server's retention has dropped the data. Resolved by evidencePictures() when rendered.
            if (!p.value(QStringLiteral("thumbnail_png")).toString().isEmpty())
                line(QStringLiteral("\n  ![") + QString(title).remove(u'[').remove(u']') + QStringLiteral("](")
                    + evidencePictureUrl(event.id) + QStringLiteral(")\n"));
        }
        if (!any)
            line(italic(Text::tr("No evidence was pinned.")));
    }

    void actionItems()
    {
        section(Text::tr("Action items"));
        if (m_incident.actionItems.isEmpty()) {
            line(italic(Text::tr("No action items yet.")));
            return;
        }
        line(QStringLiteral("| %1 | %2 | %3 | %4 |")
                 .arg(Text::tr("Action"), Text::tr("Owner"), Text::tr("Due"), Text::tr("Status")));
        line(QStringLiteral("|---|---|---|---|"));
        for (const ActionItem& item : m_incident.actionItems) {
            line(QStringLiteral("| %1 | %2 | %3 | %4 |")
                     .arg(cell(item.text), cell(item.owner), cell(item.dueMs ? time(*item.dueMs) : QString()),
                         cell(QString(item.status).replace(u'_', u' '))));
        }
    }

    void blank(const QString& title, const QString& hint)
    {
        section(title);
        line(italic(hint));
    }

    void item(qint64 ms, const QString& text, const QString& author)
    {
        line(
            QStringLiteral("- **") + time(ms) + QStringLiteral("** (") + author + QStringLiteral("): ") + inItem(text));
    }

    const Incident& m_incident;
    const QList<JournalEvent>& m_events;
    const TimeDisplay m_display;
    QHash<QString, const JournalEvent*> m_byId;
    QString m_out;
};

} // namespace

QString generatePostmortem(const Incident& incident, const QList<JournalEvent>& events, TimeDisplay display)
{
    return Writer(incident, events, display).write();
}

QString postmortemText(const Incident& incident, const QList<JournalEvent>& events, TimeDisplay display)
{
    if (!incident.postmortemMarkdown.trimmed().isEmpty())
        return incident.postmortemMarkdown;
    return generatePostmortem(incident, events, display);
}

QString postmortemTitle(const Incident& incident)
{
    return Text::tr("Postmortem: %1 (%2)").arg(incident.title, incident.id);
}

QString evidencePictureUrl(const QString& eventId)
{
    return QStringLiteral("evidence:") + eventId;
}

EvidencePictures evidencePictures(const QList<JournalEvent>& events)
{
    EvidencePictures pictures;
    for (const JournalEvent& event : events) {
        if (event.kind != EventKind::EvidencePinned)
            continue;
        const QByteArray png
            = QByteArray::fromBase64(event.payload.value(QStringLiteral("thumbnail_png")).toString().toLatin1());
        if (!png.isEmpty())
            pictures.insert(evidencePictureUrl(event.id), png);
    }
    return pictures;
}

QString embedEvidencePictures(const QString& markdown, const EvidencePictures& pictures)
{
    QString out = markdown;
    for (auto it = pictures.cbegin(); it != pictures.cend(); ++it)
        out.replace(QStringLiteral("](") + it.key() + u')',
            QStringLiteral("](data:image/png;base64,") + QString::fromLatin1(it.value().toBase64()) + u')');
    return out;
}

} // namespace firebreak::journal
