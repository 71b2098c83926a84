#include "command.h"
#include "common/appsettings.h"
#include "journal/journal.h"
#include "journal/postmortem.h"
#include "journal/timelinemodel.h"
#include "model/timerange.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSettings>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <utility>

namespace firebreak::cli {

using namespace firebreak::journal;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

DocumentRenderer& renderer()
{
    static DocumentRenderer instance;
    return instance;
}

QString utc(qint64 ms)
{
    return formatTime(ms, TimeDisplay::Utc, true);
}

std::string str(const QString& text)
{
    return text.toStdString();
}

nlohmann::json msOrNull(std::optional<qint64> ms)
{
    return ms ? nlohmann::json(*ms) : nlohmann::json(nullptr);
}

nlohmann::json textOrNull(const QString& text)
{
    return text.isEmpty() ? nlohmann::json(nullptr) : nlohmann::json(str(text));
}

nlohmann::json stringArray(const QStringList& list)
{
    nlohmann::json array = nlohmann::json::array();
    for (const QString& item : list)
        array.push_back(str(item));
    return array;
}

// RFC 3339 with milliseconds, for machines; people get utc().
std::string isoTime(qint64 ms)
{
    return str(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs));
}

void printJson(CommandContext& ctx, const nlohmann::json& doc)
{
    ctx.out << QString::fromStdString(doc.dump(2)) << '\n';
}

QString durationText(std::optional<qint64> ms)
{
    return ms ? formatDuration(std::chrono::milliseconds(*ms)) : Text::tr("not yet");
}

/// Rows of cells, each column as wide as its widest cell; the last column is not padded.
void printTable(QTextStream& out, const QList<QStringList>& rows, const QString& indent = {})
{
    QList<qsizetype> widths;
    for (const QStringList& row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (widths.size() <= c)
                widths << 0;
            widths[c] = std::max(widths[c], row.at(c).size());
        }
    }
    for (const QStringList& row : rows) {
        QString line = indent;
        for (qsizetype c = 0; c < row.size(); ++c)
            line += c + 1 < row.size() ? row.at(c).leftJustified(widths.at(c) + 2) : row.at(c);
        out << line << '\n';
    }
}

QString normalizedId(const QString& id)
{
    return id.trimmed().toUpper();
}

/// The positional arguments: at least `names.size()`; with `joinRest`, words after them belong to the
/// last one (an unquoted note), otherwise extra words are an error.
QStringList positionals(const QCommandLineParser& parser, const QString& usage, qsizetype count, bool joinRest = false)
{
    QStringList args = parser.positionalArguments();
    if (args.size() < count)
        throw UsageError { Text::tr("missing arguments: %1").arg(usage) };
    if (args.size() > count) {
        if (!joinRest)
            throw UsageError { Text::tr("unexpected argument '%1': %2").arg(args.at(count), usage) };
        args = args.mid(0, count - 1) << args.mid(count - 1).join(u' ');
    }
    return args;
}

Severity severityArgument(const QString& text)
{
    const auto severity = severityFromName(text);
    if (!severity)
        throw UsageError { Text::tr("'%1' is not a severity: use SEV1 (most severe) … SEV5").arg(text) };
    return *severity;
}

IncidentStatus statusArgument(const QString& text)
{
    const auto status = statusFromKey(text);
    if (!status)
        throw UsageError {
            Text::tr("'%1' is not a status: use investigating, identified, mitigated, resolved or closed").arg(text)
        };
    return *status;
}

/// --author, else the name in the settings, else the login name.
QString authorFrom(const QCommandLineParser& parser)
{
    if (parser.isSet(QStringLiteral("author"))) {
        const QString author = parser.value(QStringLiteral("author")).trimmed();
        if (author.isEmpty())
            throw UsageError { Text::tr("--author needs a name") };
        return author;
    }
    QSettings settings;
    return AppSettings(settings).displayName();
}

QCommandLineOption authorOption()
{
    return { QStringLiteral("author"), Text::tr("who writes this (default: your name in the settings)"),
        QStringLiteral("NAME") };
}

std::unique_ptr<Journal> openForWriting(const CommandContext& ctx)
{
    QSettings settings;
    return Journal::open(ctx.journalPath, deviceId(settings));
}

/// Reading never creates a journal: without the file there is nothing to read.
std::unique_ptr<Journal> openForReading(const CommandContext& ctx)
{
    if (!QFileInfo::exists(ctx.journalPath))
        return nullptr;
    return Journal::open(ctx.journalPath, QString());
}

struct Loaded
{
    Incident incident;
    QList<JournalEvent> events;
};

Loaded loadIncident(const CommandContext& ctx, const QString& id)
{
    const auto journal = openForReading(ctx);
    if (!journal)
        throw JournalError(JournalError::Kind::Invalid,
            Text::tr("There is no incident %1: the journal %2 does not exist.").arg(id, ctx.journalPath));
    Loaded loaded;
    loaded.events = journal->events(id);
    if (loaded.events.isEmpty())
        throw JournalError(JournalError::Kind::Invalid, Text::tr("There is no incident %1.").arg(id));
    loaded.incident = deriveIncident(loaded.events);
    return loaded;
}

nlohmann::json eventJson(const JournalEvent& event)
{
    return { { "id", str(event.id) }, { "incident", str(event.incidentId) }, { "seq", event.seq },
        { "kind", str(eventKindKey(event.kind)) }, { "time_ms", event.timeMs }, { "time", isoTime(event.timeMs) },
        { "author", str(event.author) }, { "device_id", str(event.deviceId) },
        { "text", str(TimelineModel::describe(event)) },
        { "payload",
            nlohmann::json::parse(QJsonDocument(event.payload).toJson(QJsonDocument::Compact).toStdString()) } };
}

nlohmann::json durationsJson(const Incident& i, std::optional<qint64> from)
{
    return { { "acknowledge_ms", msOrNull(span(from, i.acknowledgedMs)) },
        { "mitigate_ms", msOrNull(span(from, i.mitigatedMs)) }, { "resolve_ms", msOrNull(span(from, i.resolvedMs)) } };
}

nlohmann::json incidentJson(const Incident& i)
{
    nlohmann::json roles = nlohmann::json::object();
    for (auto it = i.roles.cbegin(); it != i.roles.cend(); ++it)
        roles[str(it.key())] = str(it.value());

    nlohmann::json severities = nlohmann::json::array();
    for (const SeverityChange& c : i.severityHistory)
        severities.push_back(
            { { "time_ms", c.timeMs }, { "from", c.from ? nlohmann::json(str(severityName(*c.from))) : nullptr },
                { "to", str(severityName(c.to)) }, { "author", str(c.author) }, { "event", str(c.eventId) } });
    nlohmann::json statuses = nlohmann::json::array();
    for (const StatusChange& c : i.statusHistory)
        statuses.push_back(
            { { "time_ms", c.timeMs }, { "from", c.from ? nlohmann::json(str(statusKey(*c.from))) : nullptr },
                { "to", str(statusKey(c.to)) }, { "author", str(c.author) }, { "event", str(c.eventId) } });
    nlohmann::json handoffs = nlohmann::json::array();
    for (const RoleChange& c : i.roleHistory)
        handoffs.push_back({ { "time_ms", c.timeMs }, { "role", str(c.role) }, { "person", textOrNull(c.person) },
            { "previous", textOrNull(c.previous) }, { "author", str(c.author) }, { "event", str(c.eventId) } });
    nlohmann::json items = nlohmann::json::array();
    for (const ActionItem& a : i.actionItems)
        items.push_back({ { "id", str(a.id) }, { "text", str(a.text) }, { "owner", textOrNull(a.owner) },
            { "due_ms", msOrNull(a.dueMs) }, { "status", str(a.status) }, { "raised_by", textOrNull(a.raisedBy) } });
    nlohmann::json updates = nlohmann::json::array();
    for (const UpdateRecord& u : i.updates)
        updates.push_back({ { "time_ms", u.timeMs }, { "audience", str(u.audience) }, { "text", str(u.text) },
            { "author", str(u.author) }, { "event", str(u.eventId) } });
    QStringList key(i.keyEvents.cbegin(), i.keyEvents.cend());
    key.sort();

    return { { "id", str(i.id) }, { "title", str(i.title) }, { "summary", str(i.summary) },
        { "impact", str(i.customerImpact) }, { "services", stringArray(i.services) }, { "tags", stringArray(i.tags) },
        { "severity", str(severityName(i.severity)) }, { "status", str(statusKey(i.status)) }, { "open", i.isOpen() },
        { "commander", textOrNull(i.commander()) }, { "declared_by", str(i.declaredBy) },
        { "declared_ms", i.declaredMs }, { "started_ms", msOrNull(i.startedMs) },
        { "acknowledged_ms", msOrNull(i.acknowledgedMs) }, { "mitigated_ms", msOrNull(i.mitigatedMs) },
        { "resolved_ms", msOrNull(i.resolvedMs) }, { "closed_ms", msOrNull(i.closedMs) }, { "updated_ms", i.updatedMs },
        { "roles", roles },
        { "durations",
            { { "from_declared", durationsJson(i, i.declaredMs) },
                { "from_started", i.startedMs ? durationsJson(i, i.startedMs) : nlohmann::json(nullptr) } } },
        { "severity_history", severities }, { "status_history", statuses }, { "role_history", handoffs },
        { "action_items", items }, { "updates", updates }, { "key_events", stringArray(key) },
        { "event_count", i.eventCount }, { "postmortem_edited", !i.postmortemMarkdown.trimmed().isEmpty() } };
}

/// What every write prints: the new event, as one line or as JSON.
int reportEvent(CommandContext& ctx, const JournalEvent& event)
{
    if (ctx.json)
        printJson(ctx, eventJson(event));
    else
        ctx.out << Text::tr("%1 #%2: %3").arg(event.incidentId).arg(event.seq).arg(TimelineModel::describe(event))
                << '\n';
    return 0;
}

int declareIncident(CommandContext& ctx, const QCommandLineParser& parser)
{
    positionals(parser, QStringLiteral("incident declare --title T --severity SEV1..SEV5"), 0);
    if (!parser.isSet(QStringLiteral("title")) || !parser.isSet(QStringLiteral("severity")))
        throw UsageError { Text::tr("incident declare needs --title and --severity") };
    DeclareRequest request;
    request.title = parser.value(QStringLiteral("title"));
    request.severity = severityArgument(parser.value(QStringLiteral("severity")));
    request.commander = parser.value(QStringLiteral("commander"));
    request.summary = parser.value(QStringLiteral("summary"));
    const QString author = authorFrom(parser);

    const JournalEvent event = openForWriting(ctx)->declare(request, author);
    if (ctx.json)
        printJson(ctx, { { "id", str(event.incidentId) }, { "event", eventJson(event) } });
    else
        ctx.out << event.incidentId << '\n';
    return 0;
}

int listIncidents(CommandContext& ctx, const QCommandLineParser& parser)
{
    positionals(parser, QStringLiteral("incident list [--status open|all]"), 0);
    const QString status = parser.value(QStringLiteral("status")).trimmed().toLower();
    if (status != QLatin1String("open") && status != QLatin1String("all"))
        throw UsageError { Text::tr("--status must be open or all") };
    const bool openOnly = status == QLatin1String("open");
    const auto journal = openForReading(ctx);
    const QList<IncidentSummary> incidents = journal ? journal->incidents(openOnly) : QList<IncidentSummary> {};

    if (ctx.json) {
        nlohmann::json list = nlohmann::json::array();
        for (const IncidentSummary& s : incidents)
            list.push_back(
                { { "id", str(s.id) }, { "title", str(s.title) }, { "severity", str(severityName(s.severity)) },
                    { "status", str(statusKey(s.status)) }, { "commander", textOrNull(s.commander) },
                    { "declared_ms", s.declaredMs }, { "updated_ms", s.updatedMs } });
        printJson(ctx, { { "incidents", list } });
        return 0;
    }
    if (incidents.isEmpty()) {
        ctx.out << (openOnly ? Text::tr("No open incidents.") : Text::tr("No incidents.")) << '\n';
        return 0;
    }
    QList<QStringList> rows { { Text::tr("ID"), Text::tr("SEVERITY"), Text::tr("STATUS"), Text::tr("COMMANDER"),
        Text::tr("TITLE") } };
    for (const IncidentSummary& s : incidents)
        rows << QStringList { s.id, severityName(s.severity), statusKey(s.status),
            s.commander.isEmpty() ? QStringLiteral("-") : s.commander, s.title };
    printTable(ctx.out, rows);
    return 0;
}

int showIncident(CommandContext& ctx, const QCommandLineParser& parser)
{
    const QString id = normalizedId(positionals(parser, QStringLiteral("incident show ID"), 1).first());
    const Incident i = loadIncident(ctx, id).incident;
    if (ctx.json) {
        printJson(ctx, incidentJson(i));
        return 0;
    }

    QTextStream& out = ctx.out;
    out << i.id << "  " << i.title << '\n';
    QList<QStringList> facts { { Text::tr("Severity:"), severityName(i.severity) },
        { Text::tr("Status:"), statusKey(i.status) },
        { Text::tr("Declared:"), Text::tr("%1 by %2").arg(utc(i.declaredMs), i.declaredBy) } };
    if (i.startedMs)
        facts << QStringList { Text::tr("Impact began:"), utc(*i.startedMs) };
    facts << QStringList { Text::tr("Commander:"), i.commander().isEmpty() ? Text::tr("nobody") : i.commander() };
    if (!i.summary.isEmpty())
        facts << QStringList { Text::tr("Summary:"), i.summary };
    if (!i.customerImpact.isEmpty())
        facts << QStringList { Text::tr("Impact:"), i.customerImpact };
    if (!i.services.isEmpty())
        facts << QStringList { Text::tr("Services:"), i.services.join(QStringLiteral(", ")) };
    printTable(out, facts);

    out << '\n';
    QStringList header { Text::tr("Durations"), Text::tr("from declared") };
    if (i.startedMs)
        header << Text::tr("from impact start");
    QList<QStringList> durations { header };
    const auto row = [&](const QString& name, std::optional<qint64> at) {
        QStringList cells { name, durationText(span(i.declaredMs, at)) };
        if (i.startedMs)
            cells << durationText(span(i.startedMs, at));
        durations << cells;
    };
    row(Text::tr("  to acknowledge"), i.acknowledgedMs);
    row(Text::tr("  to mitigate"), i.mitigatedMs);
    row(Text::tr("  to resolve"), i.resolvedMs);
    printTable(out, durations);

    out << '\n' << Text::tr("Roles") << '\n';
    if (i.roles.isEmpty()) {
        out << "  " << Text::tr("none") << '\n';
    } else {
        QList<QStringList> roles;
        for (auto it = i.roles.cbegin(); it != i.roles.cend(); ++it)
            roles << QStringList { it.key(), it.value() };
        printTable(out, roles, QStringLiteral("  "));
    }

    out << '\n' << Text::tr("Action items") << '\n';
    if (i.actionItems.isEmpty())
        out << "  " << Text::tr("none") << '\n';
    for (const ActionItem& a : i.actionItems) {
        QString line = QStringLiteral("  [%1] %2").arg(a.status, a.text);
        if (!a.owner.isEmpty())
            line += QStringLiteral(" — ") + Text::tr("owner %1").arg(a.owner);
        if (a.dueMs)
            line += QStringLiteral(" — ") + Text::tr("due %1").arg(utc(*a.dueMs));
        out << line << '\n';
    }

    out << '\n';
    if (i.updates.isEmpty())
        out << Text::tr("Updates sent: none") << '\n';
    else
        out << Text::tr("Updates sent: %1 (last %2 to %3)")
                   .arg(i.updates.size())
                   .arg(utc(i.updates.last().timeMs), i.updates.last().audience)
            << '\n';
    out << Text::tr("Events: %1").arg(i.eventCount) << '\n';
    return 0;
}

int addNote(CommandContext& ctx, const QCommandLineParser& parser)
{
    const QStringList args = positionals(parser, QStringLiteral("incident note ID TEXT"), 2, true);
    const QString author = authorFrom(parser);
    return reportEvent(ctx, openForWriting(ctx)->addNote(normalizedId(args.at(0)), args.at(1), author));
}

int changeSeverity(CommandContext& ctx, const QCommandLineParser& parser)
{
    const QStringList args = positionals(parser, QStringLiteral("incident severity ID SEVn"), 2);
    const Severity severity = severityArgument(args.at(1));
    const QString author = authorFrom(parser);
    return reportEvent(ctx, openForWriting(ctx)->changeSeverity(normalizedId(args.at(0)), severity, author));
}

int assignRole(CommandContext& ctx, const QCommandLineParser& parser)
{
    const QStringList args = positionals(parser, QStringLiteral("incident role ID ROLE NAME"), 3, true);
    const QString author = authorFrom(parser);
    return reportEvent(ctx, openForWriting(ctx)->assignRole(normalizedId(args.at(0)), args.at(1), args.at(2), author));
}

int changeStatus(CommandContext& ctx, const QCommandLineParser& parser)
{
    const QStringList args = positionals(parser, QStringLiteral("incident status ID STATUS"), 2);
    const IncidentStatus status = statusArgument(args.at(1));
    const QString author = authorFrom(parser);
    return reportEvent(ctx, openForWriting(ctx)->changeStatus(normalizedId(args.at(0)), status, author));
}

int sendUpdate(CommandContext& ctx, const QCommandLineParser& parser)
{
    const QStringList args = positionals(parser, QStringLiteral("incident update ID --audience A --text T"), 1);
    if (!parser.isSet(QStringLiteral("audience")) || !parser.isSet(QStringLiteral("text")))
        throw UsageError { Text::tr("incident update needs --audience and --text") };
    const QString author = authorFrom(parser);
    return reportEvent(ctx,
        openForWriting(ctx)->recordUpdate(normalizedId(args.at(0)), parser.value(QStringLiteral("audience")),
            parser.value(QStringLiteral("text")), author));
}

int showTimeline(CommandContext& ctx, const QCommandLineParser& parser)
{
    const QString id = normalizedId(positionals(parser, QStringLiteral("incident timeline ID"), 1).first());
    const Loaded loaded = loadIncident(ctx, id);
    const Incident& incident = loaded.incident;
    QHash<QString, qint64> seqOf;
    for (const JournalEvent& event : loaded.events)
        seqOf.insert(event.id, event.seq);

    if (ctx.json) {
        nlohmann::json events = nlohmann::json::array();
        for (const JournalEvent& event : loaded.events) {
            nlohmann::json e = eventJson(event);
            e["key"] = incident.keyEvents.contains(event.id);
            e["corrected_by"] = textOrNull(incident.correctedBy.value(event.id));
            events.push_back(std::move(e));
        }
        printJson(ctx, { { "id", str(id) }, { "events", events } });
        return 0;
    }

    QList<QStringList> rows;
    for (const JournalEvent& event : loaded.events) {
        QString text = TimelineModel::describe(event);
        if (event.kind == EventKind::EventCorrected || event.kind == EventKind::KeyMarked) {
            const QString target = event.payload.value(QStringLiteral("target")).toString();
            if (seqOf.contains(target))
                text += QStringLiteral(" ") + Text::tr("(of #%1)").arg(seqOf.value(target));
        }
        if (incident.keyEvents.contains(event.id))
            text += QStringLiteral(" ") + Text::tr("[key]");
        const QString correction = incident.correctedBy.value(event.id);
        if (!correction.isEmpty())
            text += QStringLiteral(" ") + Text::tr("[corrected by #%1]").arg(seqOf.value(correction));
        rows << QStringList { QStringLiteral("#%1").arg(event.seq), utc(event.timeMs), event.author,
            eventKindKey(event.kind), text };
    }
    // A note may span lines: its later lines go under the text column.
    qsizetype textColumn = 0;
    for (qsizetype c = 0; c + 1 < rows.value(0).size(); ++c) {
        qsizetype width = 0;
        for (const QStringList& row : std::as_const(rows))
            width = std::max(width, row.at(c).size());
        textColumn += width + 2;
    }
    for (QStringList& row : rows)
        row.last().replace(u'\n', u'\n' + QString(textColumn, u' '));
    printTable(ctx.out, rows);
    return 0;
}

int writePostmortem(CommandContext& ctx, const QCommandLineParser& parser)
{
    const QString id = normalizedId(
        positionals(parser, QStringLiteral("postmortem ID [--format md|html|pdf] [-o FILE]"), 1).first());
    const QString format = parser.value(QStringLiteral("format")).trimmed().toLower();
    if (format != QLatin1String("md") && format != QLatin1String("html") && format != QLatin1String("pdf"))
        throw UsageError { Text::tr("--format must be md, html or pdf") };
    const QString file = parser.value(QStringLiteral("output"));
    if (parser.isSet(QStringLiteral("output")) && file.isEmpty())
        throw UsageError { Text::tr("-o needs a file name") };
    if (format == QLatin1String("pdf") && file.isEmpty())
        throw UsageError { Text::tr("--format pdf writes a file: add -o FILE") };

    const Loaded loaded = loadIncident(ctx, id);
    const QString markdown = embedEvidencePictures(
        postmortemText(loaded.incident, loaded.events, TimeDisplay::Utc), evidencePictures(loaded.events));
    const bool edited = !loaded.incident.postmortemMarkdown.trimmed().isEmpty();

    if (format == QLatin1String("pdf")) {
        if (!renderer().pdf)
            throw std::runtime_error(Text::tr("This firebreak-cli cannot write PDF.").toStdString());
        QString error;
        if (!renderer().pdf(markdown, file, &error))
            throw std::runtime_error(error.toStdString());
    } else {
        QString content = markdown;
        if (format == QLatin1String("html")) {
            if (!renderer().html)
                throw std::runtime_error(Text::tr("This firebreak-cli cannot write HTML.").toStdString());
            content = renderer().html(markdown, postmortemTitle(loaded.incident));
        }
        if (file.isEmpty()) {
            if (ctx.json)
                printJson(ctx,
                    { { "id", str(id) }, { "format", str(format) }, { "edited", edited },
                        { "content", str(content) } });
            else
                ctx.out << content;
            return 0;
        }
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(content.toUtf8()) < 0 || !out.commit())
            throw std::runtime_error(Text::tr("Cannot write %1: %2").arg(file, out.errorString()).toStdString());
    }
    if (ctx.json)
        printJson(ctx, { { "id", str(id) }, { "format", str(format) }, { "edited", edited }, { "file", str(file) } });
    else
        ctx.out << Text::tr("Wrote %1").arg(file) << '\n';
    return 0;
}

QStringList words(const char* area, const char* command = nullptr)
{
    QStringList list { QLatin1String(area) };
    if (command)
        list << QLatin1String(command);
    return list;
}

} // namespace

void setDocumentRenderer(DocumentRenderer documentRenderer)
{
    renderer() = std::move(documentRenderer);
}

QList<Command> incidentCommands()
{
    const auto withAuthor = [](QCommandLineParser& parser) { parser.addOption(authorOption()); };
    return {
        Command { words("incident", "declare"),
            QStringLiteral("--title T --severity SEV1..SEV5 [--commander NAME] [--summary S] [--json]"),
            Text::tr("Declare an incident; prints its id (INC-YYYYMMDD-N)."),
            [](QCommandLineParser& parser) {
                parser.addOption({ QStringLiteral("title"), Text::tr("what is happening"), QStringLiteral("T") });
                parser.addOption(
                    { QStringLiteral("severity"), Text::tr("SEV1 (most severe) … SEV5"), QStringLiteral("SEV") });
                parser.addOption(
                    { QStringLiteral("commander"), Text::tr("incident commander"), QStringLiteral("NAME") });
                parser.addOption({ QStringLiteral("summary"), Text::tr("what is known so far"), QStringLiteral("S") });
                parser.addOption(authorOption());
            },
            declareIncident },
        Command { words("incident", "list"), QStringLiteral("[--status open|all] [--json]"),
            Text::tr("List incidents, newest first: id, severity, status, commander, title."),
            [](QCommandLineParser& parser) {
                parser.addOption({ QStringLiteral("status"), Text::tr("open (default) or all"),
                    QStringLiteral("open|all"), QStringLiteral("open") });
            },
            listIncidents },
        Command { words("incident", "show"), QStringLiteral("ID [--json]"),
            Text::tr("Show an incident: state, durations, roles and action items."),
            [](QCommandLineParser& parser) {
                parser.addPositionalArgument(QStringLiteral("ID"), Text::tr("incident id"));
            },
            showIncident },
        Command { words("incident", "note"), QStringLiteral("ID TEXT [--author NAME]"),
            Text::tr("Add a note to the incident's timeline."),
            [withAuthor](QCommandLineParser& parser) {
                parser.addPositionalArgument(QStringLiteral("ID"), Text::tr("incident id"));
                parser.addPositionalArgument(QStringLiteral("TEXT"), Text::tr("the note"));
                withAuthor(parser);
            },
            addNote },
        Command { words("incident", "severity"), QStringLiteral("ID SEVn"), Text::tr("Change the severity."),
            [withAuthor](QCommandLineParser& parser) {
                parser.addPositionalArgument(QStringLiteral("ID"), Text::tr("incident id"));
                parser.addPositionalArgument(QStringLiteral("SEVn"), Text::tr("SEV1 (most severe) … SEV5"));
                withAuthor(parser);
            },
            changeSeverity },
        Command { words("incident", "role"), QStringLiteral("ID ROLE NAME"),
            Text::tr("Assign a role (commander, communications, operations, scribe or any other) to NAME."),
            [withAuthor](QCommandLineParser& parser) {
                parser.addPositionalArgument(QStringLiteral("ID"), Text::tr("incident id"));
                parser.addPositionalArgument(QStringLiteral("ROLE"), Text::tr("commander, communications, …"));
                parser.addPositionalArgument(QStringLiteral("NAME"), Text::tr("who takes it (\"\" releases it)"));
                withAuthor(parser);
            },
            assignRole },
        Command { words("incident", "status"), QStringLiteral("ID STATUS"),
            Text::tr("Change the status: investigating, identified, mitigated, resolved or closed."),
            [withAuthor](QCommandLineParser& parser) {
                parser.addPositionalArgument(QStringLiteral("ID"), Text::tr("incident id"));
                parser.addPositionalArgument(QStringLiteral("STATUS"), Text::tr("the new status"));
                withAuthor(parser);
            },
            changeStatus },
        Command { words("incident", "update"), QStringLiteral("ID --audience A --text T"),
            Text::tr("Record a stakeholder update that was sent."),
            [withAuthor](QCommandLineParser& parser) {
                parser.addPositionalArgument(QStringLiteral("ID"), Text::tr("incident id"));
                parser.addOption({ QStringLiteral("audience"), Text::tr("executives, customers, engineering …"),
                    QStringLiteral("A") });
                parser.addOption({ QStringLiteral("text"), Text::tr("the update as sent"), QStringLiteral("T") });
                withAuthor(parser);
            },
            sendUpdate },
        Command { words("incident", "timeline"), QStringLiteral("ID [--json]"),
            Text::tr("Every event of an incident, oldest first; corrected events are marked."),
            [](QCommandLineParser& parser) {
                parser.addPositionalArgument(QStringLiteral("ID"), Text::tr("incident id"));
            },
            showTimeline },
        Command { words("postmortem"), QStringLiteral("ID [--format md|html|pdf] [-o FILE]"),
            Text::tr("The postmortem draft (the edited one if any); md and html go to stdout without -o."),
            [](QCommandLineParser& parser) {
                parser.addPositionalArgument(QStringLiteral("ID"), Text::tr("incident id"));
                parser.addOption({ QStringLiteral("format"), Text::tr("md (default), html or pdf"),
                    QStringLiteral("md|html|pdf"), QStringLiteral("md") });
                parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") }, Text::tr("write to FILE"),
                    QStringLiteral("FILE") });
            },
            writePostmortem },
    };
}

} // namespace firebreak::cli
