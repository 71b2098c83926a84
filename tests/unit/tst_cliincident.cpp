#include "cli/cliapp.h"
#include "cli/command.h"
#include "clirun.h"
#include "common/applicationinfo.h"
#include "common/appsettings.h"
#include "journal/journal.h"
#include "render/markdownrenderer.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QThread>

using namespace firebreak;
using namespace firebreak::test;

namespace {

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A table row printed by the CLI: cells are separated by two or more spaces.
QStringList cells(const QString& line)
{
    static const QRegularExpression gap(QStringLiteral("\\s{2,}"));
    return line.split(gap);
}

} // namespace

// PDF typesetting needs a QGuiApplication (fonts): QTEST_MAIN makes one, on the offscreen platform.
class TestCliIncident : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_journal;
    QString m_id; // the incident the round trip works on

    CliRun run(const QStringList& arguments, const QString& journal = {})
    {
        return runCli(QStringList { QStringLiteral("--journal"), journal.isEmpty() ? m_journal : journal } + arguments);
    }

    static QStringList args(const char* line) { return QString::fromUtf8(line).split(u' '); }

    static QString today() { return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd")); }

    /// The failure contract: exit status, nothing on stdout, exactly one line on stderr.
    static void checkFailure(const CliRun& result, int exitCode, const QString& message)
    {
        QVERIFY2(result.exitCode == exitCode, qPrintable(describe(result)));
        QVERIFY2(result.out.isEmpty(), qPrintable(describe(result)));
        QCOMPARE(result.errLines().size(), 1);
        QVERIFY2(result.err.startsWith(QStringLiteral("firebreak-cli: ")), qPrintable(describe(result)));
        QVERIFY2(result.err.contains(message), qPrintable(describe(result)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Settings (display name, device id) of this run live in a folder of their own.
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("config"))));
        setApplicationIdentity(QStringLiteral("firebreak-cli"));
        QVERIFY2(QSettings().fileName().startsWith(m_dir.path()), qPrintable(QSettings().fileName()));
        QSettings settings;
        AppSettings(settings).setDisplayName(QStringLiteral("Dana Scribe"));
        cli::setDocumentRenderer({ render::markdownToHtml, render::writePdf });
        m_journal = m_dir.filePath(QStringLiteral("journal.sqlite"));
    }

    void helpListsTheCommands()
    {
        const CliRun result = runCli({ QStringLiteral("--help") });
        QCOMPARE(result.exitCode, 0);
        for (const char* command : { "incident declare --title T --severity SEV1..SEV5", "incident list",
                 "incident show ID", "incident note ID TEXT", "incident severity ID SEVn", "incident role ID ROLE NAME",
                 "incident status ID STATUS", "incident update ID --audience A --text T", "incident timeline ID",
                 "postmortem ID [--format md|html|pdf] [-o FILE]", "--journal PATH" })
            QVERIFY2(result.out.contains(QLatin1String(command)), command);
    }

    void emptyJournal()
    {
        // Reading does not create a journal.
        const QString path = m_dir.filePath(QStringLiteral("none.sqlite"));
        const CliRun list = run(args("incident list"), path);
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(list.out, QStringLiteral("No open incidents.\n"));
        const CliRun json = run(args("incident list --status all --json"), path);
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(json.json().value(QLatin1String("incidents")).toArray().size(), 0);
        checkFailure(
            run(args("incident show INC-20260101-1"), path), 1, QStringLiteral("There is no incident INC-20260101-1"));
        QVERIFY(!QFile::exists(path));
    }

    void declare()
    {
        const QString day = today();
        const CliRun first = run({ QStringLiteral("incident"), QStringLiteral("declare"), QStringLiteral("--title"),
            QStringLiteral("Checkout errors"), QStringLiteral("--severity"), QStringLiteral("SEV2"),
            QStringLiteral("--commander"), QStringLiteral("ann"), QStringLiteral("--summary"),
            QStringLiteral("5xx on /pay") });
        QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
        QVERIFY(first.err.isEmpty());
        QVERIFY2(first.out == QStringLiteral("INC-%1-1\n").arg(day)
                || first.out == QStringLiteral("INC-%1-1\n").arg(today()),
            qPrintable(first.out));
        m_id = first.out.trimmed();

        QThread::msleep(5); // the list is ordered by declaration time: keep the two apart

        const CliRun second = run({ QStringLiteral("--json"), QStringLiteral("incident"), QStringLiteral("declare"),
            QStringLiteral("--title"), QStringLiteral("Search slow"), QStringLiteral("--severity"),
            QStringLiteral("sev4") });
        QVERIFY2(second.exitCode == 0, qPrintable(describe(second)));
        const QJsonObject json = second.json();
        QCOMPARE(json.value(QLatin1String("id")).toString(), m_id.chopped(1) + u'2');
        const QJsonObject event = json.value(QLatin1String("event")).toObject();
        QCOMPARE(event.value(QLatin1String("kind")).toString(), QStringLiteral("declared"));
        QCOMPARE(event.value(QLatin1String("author")).toString(), QStringLiteral("Dana Scribe"));
        // The device id is created once and then stamped on every event.
        const QString device = QSettings().value(QStringLiteral("device/id")).toString();
        QVERIFY(!device.isEmpty());
        QCOMPARE(event.value(QLatin1String("device_id")).toString(), device);
    }

    void declareBadUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no_title") << args("incident declare --severity SEV1")
                                  << QStringLiteral("incident declare needs --title and --severity");
        QTest::newRow("no_severity") << args("incident declare --title x")
                                     << QStringLiteral("incident declare needs --title and --severity");
        QTest::newRow("severity_out_of_range")
            << args("incident declare --title x --severity SEV6")
            << QStringLiteral("'SEV6' is not a severity: use SEV1 (most severe) … SEV5");
        QTest::newRow("severity_word") << args("incident declare --title x --severity high")
                                       << QStringLiteral("'high' is not a severity: use SEV1 (most severe) … SEV5");
        QTest::newRow("stray_argument") << args("incident declare oops --title x --severity SEV1")
                                        << QStringLiteral("unexpected argument 'oops'");
        QTest::newRow("empty_author") << QStringList { QStringLiteral("incident"), QStringLiteral("declare"),
            QStringLiteral("--title"), QStringLiteral("x"), QStringLiteral("--severity"), QStringLiteral("SEV1"),
            QStringLiteral("--author"), QString() }
                                      << QStringLiteral("--author needs a name");
    }

    void declareBadUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const QByteArray before = fileBytes(m_journal);
        const CliRun result = run(arguments);
        checkFailure(result, 2, message);
        QVERIFY(result.err.endsWith(QStringLiteral(" (see firebreak-cli --help)\n")));
        QCOMPARE(fileBytes(m_journal), before);
    }

    void list()
    {
        const CliRun text = run(args("incident list"));
        QVERIFY2(text.exitCode == 0, qPrintable(describe(text)));
        const QStringList lines = text.outLines();
        QCOMPARE(lines.size(), 3);
        QCOMPARE(cells(lines.at(0)),
            QStringList({ QStringLiteral("ID"), QStringLiteral("SEVERITY"), QStringLiteral("STATUS"),
                QStringLiteral("COMMANDER"), QStringLiteral("TITLE") }));
        // Newest first; no commander shows as "-".
        QCOMPARE(cells(lines.at(1)),
            QStringList({ m_id.chopped(1) + u'2', QStringLiteral("SEV4"), QStringLiteral("investigating"),
                QStringLiteral("-"), QStringLiteral("Search slow") }));
        QCOMPARE(cells(lines.at(2)),
            QStringList({ m_id, QStringLiteral("SEV2"), QStringLiteral("investigating"), QStringLiteral("ann"),
                QStringLiteral("Checkout errors") }));
        // Columns line up.
        QCOMPARE(lines.at(1).indexOf(QLatin1String("SEV4")), lines.at(0).indexOf(QLatin1String("SEVERITY")));
        QCOMPARE(lines.at(2).indexOf(QLatin1String("Checkout")), lines.at(0).indexOf(QLatin1String("TITLE")));

        const CliRun json = run(args("incident list --json"));
        QCOMPARE(json.exitCode, 0);
        const QJsonArray incidents = json.json().value(QLatin1String("incidents")).toArray();
        QCOMPARE(incidents.size(), 2);
        const QJsonObject checkout = incidents.at(1).toObject();
        QCOMPARE(checkout.value(QLatin1String("id")).toString(), m_id);
        QCOMPARE(checkout.value(QLatin1String("title")).toString(), QStringLiteral("Checkout errors"));
        QCOMPARE(checkout.value(QLatin1String("severity")).toString(), QStringLiteral("SEV2"));
        QCOMPARE(checkout.value(QLatin1String("status")).toString(), QStringLiteral("investigating"));
        QCOMPARE(checkout.value(QLatin1String("commander")).toString(), QStringLiteral("ann"));
        QVERIFY(checkout.value(QLatin1String("declared_ms")).toDouble() > 0);
        QVERIFY(incidents.at(0).toObject().value(QLatin1String("commander")).isNull());

        checkFailure(run(args("incident list --status closed")), 2, QStringLiteral("--status must be open or all"));
    }

    void roundTrip()
    {
        const auto ok = [this](const QStringList& arguments) {
            const CliRun result = run(arguments);
            if (result.exitCode != 0 || !result.err.isEmpty())
                qWarning("%s", qPrintable(describe(result)));
            return result;
        };
        CliRun note = ok({ QStringLiteral("incident"), QStringLiteral("note"), m_id,
            QStringLiteral("Error rate on checkout is 40%") });
        QCOMPARE(note.exitCode, 0);
        QCOMPARE(note.out, QStringLiteral("%1 #2: Error rate on checkout is 40%\n").arg(m_id));
        // Unquoted words are one note; --author overrides the settings' name; ids are case-insensitive.
        note = ok({ QStringLiteral("--json"), QStringLiteral("incident"), QStringLiteral("note"), m_id.toLower(),
            QStringLiteral("Rolled"), QStringLiteral("back"), QStringLiteral("deploy"), QStringLiteral("41"),
            QStringLiteral("--author"), QStringLiteral("bob") });
        QCOMPARE(note.exitCode, 0);
        QCOMPARE(note.json().value(QLatin1String("text")).toString(), QStringLiteral("Rolled back deploy 41"));
        QCOMPARE(note.json().value(QLatin1String("author")).toString(), QStringLiteral("bob"));
        QCOMPARE(note.json().value(QLatin1String("seq")).toInt(), 3);
        QCOMPARE(note.json().value(QLatin1String("incident")).toString(), m_id);
        const QString rollbackId = note.json().value(QLatin1String("id")).toString();

        QCOMPARE(ok({ QStringLiteral("incident"), QStringLiteral("severity"), m_id, QStringLiteral("SEV1") }).out,
            QStringLiteral("%1 #4: Severity SEV2 → SEV1\n").arg(m_id));
        QCOMPARE(ok({ QStringLiteral("incident"), QStringLiteral("role"), m_id, QStringLiteral("communications"),
                        QStringLiteral("carol") })
                     .exitCode,
            0);
        QCOMPARE(ok({ QStringLiteral("incident"), QStringLiteral("role"), m_id, QStringLiteral("commander"),
                        QStringLiteral("bob") })
                     .out,
            QStringLiteral("%1 #6: ann handed commander to bob\n").arg(m_id));
        QCOMPARE(ok({ QStringLiteral("incident"), QStringLiteral("status"), m_id, QStringLiteral("mitigated") }).out,
            QStringLiteral("%1 #7: Status Investigating → Mitigated\n").arg(m_id));
        const CliRun update = ok({ QStringLiteral("--json"), QStringLiteral("incident"), QStringLiteral("update"), m_id,
            QStringLiteral("--audience"), QStringLiteral("executives"), QStringLiteral("--text"),
            QStringLiteral("Checkout is recovering.") });
        QCOMPARE(update.exitCode, 0);
        QCOMPARE(update.json().value(QLatin1String("kind")).toString(), QStringLiteral("update_sent"));
        QCOMPARE(update.json().value(QLatin1String("payload")).toObject().value(QLatin1String("audience")).toString(),
            QStringLiteral("executives"));

        // What the CLI has no command for yet, another writer on the same file does.
        {
            const auto journal = journal::Journal::open(m_journal, QStringLiteral("device-gui"));
            journal->correct(m_id, rollbackId, QStringLiteral("Rolled back deploy 42"), QStringLiteral("carol"));
            journal->markKey(m_id, rollbackId, true, QStringLiteral("bob"));
            journal->addActionItem(m_id, QStringLiteral("Alert on checkout error ratio"), QStringLiteral("carol"),
                std::nullopt, rollbackId, QStringLiteral("bob"));
        }

        // show --json
        const CliRun show = ok({ QStringLiteral("incident"), QStringLiteral("show"), m_id, QStringLiteral("--json") });
        QCOMPARE(show.exitCode, 0);
        const QJsonObject incident = show.json();
        QCOMPARE(incident.value(QLatin1String("id")).toString(), m_id);
        QCOMPARE(incident.value(QLatin1String("title")).toString(), QStringLiteral("Checkout errors"));
        QCOMPARE(incident.value(QLatin1String("summary")).toString(), QStringLiteral("5xx on /pay"));
        QCOMPARE(incident.value(QLatin1String("severity")).toString(), QStringLiteral("SEV1"));
        QCOMPARE(incident.value(QLatin1String("status")).toString(), QStringLiteral("mitigated"));
        QCOMPARE(incident.value(QLatin1String("open")).toBool(), true);
        QCOMPARE(incident.value(QLatin1String("commander")).toString(), QStringLiteral("bob"));
        QCOMPARE(incident.value(QLatin1String("roles")).toObject(),
            QJsonObject({ { QStringLiteral("commander"), QStringLiteral("bob") },
                { QStringLiteral("communications"), QStringLiteral("carol") } }));
        const QJsonObject fromDeclared
            = incident.value(QLatin1String("durations")).toObject().value(QLatin1String("from_declared")).toObject();
        const double declared = incident.value(QLatin1String("declared_ms")).toDouble();
        QCOMPARE(fromDeclared.value(QLatin1String("acknowledge_ms")).toDouble(),
            incident.value(QLatin1String("acknowledged_ms")).toDouble() - declared);
        QCOMPARE(fromDeclared.value(QLatin1String("mitigate_ms")).toDouble(),
            incident.value(QLatin1String("mitigated_ms")).toDouble() - declared);
        QVERIFY(fromDeclared.value(QLatin1String("resolve_ms")).isNull());
        QVERIFY(incident.value(QLatin1String("durations")).toObject().value(QLatin1String("from_started")).isNull());
        const QJsonArray severities = incident.value(QLatin1String("severity_history")).toArray();
        QCOMPARE(severities.size(), 2);
        QCOMPARE(severities.at(1).toObject().value(QLatin1String("from")).toString(), QStringLiteral("SEV2"));
        QCOMPARE(severities.at(1).toObject().value(QLatin1String("to")).toString(), QStringLiteral("SEV1"));
        QCOMPARE(incident.value(QLatin1String("role_history")).toArray().size(), 3);
        const QJsonArray items = incident.value(QLatin1String("action_items")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value(QLatin1String("text")).toString(),
            QStringLiteral("Alert on checkout error ratio"));
        QCOMPARE(items.at(0).toObject().value(QLatin1String("owner")).toString(), QStringLiteral("carol"));
        QCOMPARE(items.at(0).toObject().value(QLatin1String("status")).toString(), QStringLiteral("open"));
        QCOMPARE(incident.value(QLatin1String("updates")).toArray().size(), 1);
        QCOMPARE(incident.value(QLatin1String("key_events")).toArray(), QJsonArray({ rollbackId }));
        QCOMPARE(incident.value(QLatin1String("event_count")).toInt(), 11);

        // show, for people
        const CliRun showText = ok({ QStringLiteral("incident"), QStringLiteral("show"), m_id });
        QCOMPARE(showText.exitCode, 0);
        const QStringList lines = showText.outLines();
        QCOMPARE(lines.first(), m_id + QStringLiteral("  Checkout errors"));
        QVERIFY(lines.contains(QStringLiteral("Severity:   SEV1")));
        QVERIFY(lines.contains(QStringLiteral("Status:     mitigated")));
        QVERIFY(lines.contains(QStringLiteral("Commander:  bob")));
        QVERIFY(lines.contains(QStringLiteral("  commander       bob")));
        QVERIFY(lines.contains(QStringLiteral("  communications  carol")));
        QVERIFY(lines.contains(QStringLiteral("  [open] Alert on checkout error ratio — owner carol")));
        QVERIFY(lines.contains(QStringLiteral("Events: 11")));
        QVERIFY2(showText.out.contains(QRegularExpression(QStringLiteral("\n  to resolve +not yet\n"))),
            qPrintable(showText.out));

        // timeline --json: every event, oldest first, corrections and key marks visible.
        const CliRun timeline
            = ok({ QStringLiteral("--json"), QStringLiteral("incident"), QStringLiteral("timeline"), m_id });
        QCOMPARE(timeline.exitCode, 0);
        QCOMPARE(timeline.json().value(QLatin1String("id")).toString(), m_id);
        const QJsonArray events = timeline.json().value(QLatin1String("events")).toArray();
        QStringList kinds;
        QStringList authors;
        for (const QJsonValue& event : events) {
            kinds << event.toObject().value(QLatin1String("kind")).toString();
            authors << event.toObject().value(QLatin1String("author")).toString();
        }
        QCOMPARE(kinds,
            QStringList({ QStringLiteral("declared"), QStringLiteral("note"), QStringLiteral("note"),
                QStringLiteral("severity_changed"), QStringLiteral("role_assigned"), QStringLiteral("role_assigned"),
                QStringLiteral("status_changed"), QStringLiteral("update_sent"), QStringLiteral("event_corrected"),
                QStringLiteral("key_marked"), QStringLiteral("action_item_added") }));
        QCOMPARE(authors,
            QStringList({ QStringLiteral("Dana Scribe"), QStringLiteral("Dana Scribe"), QStringLiteral("bob"),
                QStringLiteral("Dana Scribe"), QStringLiteral("Dana Scribe"), QStringLiteral("Dana Scribe"),
                QStringLiteral("Dana Scribe"), QStringLiteral("Dana Scribe"), QStringLiteral("carol"),
                QStringLiteral("bob"), QStringLiteral("bob") }));
        for (qsizetype i = 0; i < events.size(); ++i) {
            const QJsonObject event = events.at(i).toObject();
            QCOMPARE(event.value(QLatin1String("seq")).toInt(), int(i + 1));
            if (i > 0)
                QVERIFY(event.value(QLatin1String("time_ms")).toDouble()
                    >= events.at(i - 1).toObject().value(QLatin1String("time_ms")).toDouble());
        }
        const QJsonObject rollback = events.at(2).toObject();
        QCOMPARE(rollback.value(QLatin1String("id")).toString(), rollbackId);
        QCOMPARE(rollback.value(QLatin1String("key")).toBool(), true);
        QCOMPARE(rollback.value(QLatin1String("corrected_by")).toString(),
            events.at(8).toObject().value(QLatin1String("id")).toString());
        QVERIFY(events.at(1).toObject().value(QLatin1String("corrected_by")).isNull());
        QCOMPARE(events.at(8).toObject().value(QLatin1String("text")).toString(),
            QStringLiteral("Correction: Rolled back deploy 42"));
        QVERIFY(events.at(0).toObject().value(QLatin1String("time")).toString().endsWith(u'Z'));
        QCOMPARE(events.at(1).toObject().value(QLatin1String("device_id")).toString(),
            QSettings().value(QStringLiteral("device/id")).toString());
        QCOMPARE(events.at(8).toObject().value(QLatin1String("device_id")).toString(), QStringLiteral("device-gui"));

        // timeline, for people: time, author, kind, text, corrected events marked.
        const CliRun timelineText = ok({ QStringLiteral("incident"), QStringLiteral("timeline"), m_id });
        QCOMPARE(timelineText.exitCode, 0);
        const QStringList rows = timelineText.outLines();
        QCOMPARE(rows.size(), 11);
        const QStringList third = cells(rows.at(2));
        QCOMPARE(third.size(), 5);
        QCOMPARE(third.at(0), QStringLiteral("#3"));
        QVERIFY2(QDateTime::fromString(third.at(1), QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")).isValid(),
            qPrintable(third.at(1)));
        QCOMPARE(third.at(2), QStringLiteral("bob"));
        QCOMPARE(third.at(3), QStringLiteral("note"));
        QCOMPARE(third.at(4), QStringLiteral("Rolled back deploy 41 [key] [corrected by #9]"));
        QCOMPARE(cells(rows.at(8)).at(4), QStringLiteral("Correction: Rolled back deploy 42 (of #3)"));
    }

    void refused_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown_incident")
            << args("incident note INC-19990101-7 hello") << QStringLiteral("There is no incident INC-19990101-7.");
        QTest::newRow("unknown_incident_show")
            << args("incident show INC-19990101-7") << QStringLiteral("There is no incident INC-19990101-7.");
        QTest::newRow("unknown_incident_postmortem")
            << args("postmortem INC-19990101-7") << QStringLiteral("There is no incident INC-19990101-7.");
        QTest::newRow("same_severity") << QStringList() << QStringLiteral("is already SEV1.");
        QTest::newRow("same_status") << QStringList() << QStringLiteral("is already mitigated.");
        QTest::newRow("same_role_holder") << QStringList() << QStringLiteral("bob is already commander of");
        QTest::newRow("empty_note") << QStringList() << QStringLiteral("A note needs some text.");
    }

    void refused()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        if (tag == QLatin1String("same_severity"))
            arguments = { QStringLiteral("incident"), QStringLiteral("severity"), m_id, QStringLiteral("SEV1") };
        else if (tag == QLatin1String("same_status"))
            arguments = { QStringLiteral("incident"), QStringLiteral("status"), m_id, QStringLiteral("mitigated") };
        else if (tag == QLatin1String("same_role_holder"))
            arguments = { QStringLiteral("incident"), QStringLiteral("role"), m_id, QStringLiteral("commander"),
                QStringLiteral("bob") };
        else if (tag == QLatin1String("empty_note"))
            arguments = { QStringLiteral("incident"), QStringLiteral("note"), m_id, QStringLiteral(" ") };
        const int before = run({ QStringLiteral("--json"), QStringLiteral("incident"), QStringLiteral("show"), m_id })
                               .json()
                               .value(QLatin1String("event_count"))
                               .toInt();
        checkFailure(run(arguments), 1, message);
        const int after = run({ QStringLiteral("--json"), QStringLiteral("incident"), QStringLiteral("show"), m_id })
                              .json()
                              .value(QLatin1String("event_count"))
                              .toInt();
        QCOMPARE(after, before);
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad_severity") << args("incident severity INC-1 SEV0")
                                      << QStringLiteral("'SEV0' is not a severity");
        QTest::newRow("bad_status")
            << args("incident status INC-1 done")
            << QStringLiteral("'done' is not a status: use investigating, identified, mitigated, resolved or closed");
        QTest::newRow("note_without_text")
            << args("incident note INC-1") << QStringLiteral("missing arguments: incident note ID TEXT");
        QTest::newRow("show_without_id") << args("incident show")
                                         << QStringLiteral("missing arguments: incident show ID");
        QTest::newRow("show_two_ids") << args("incident show INC-1 INC-2")
                                      << QStringLiteral("unexpected argument 'INC-2'");
        QTest::newRow("role_without_name")
            << args("incident role INC-1 scribe") << QStringLiteral("missing arguments: incident role ID ROLE NAME");
        QTest::newRow("update_without_text") << args("incident update INC-1 --audience executives")
                                             << QStringLiteral("incident update needs --audience and --text");
        QTest::newRow("pdf_without_file")
            << args("postmortem INC-1 --format pdf") << QStringLiteral("--format pdf writes a file: add -o FILE");
        QTest::newRow("unknown_format") << args("postmortem INC-1 --format docx")
                                        << QStringLiteral("--format must be md, html or pdf");
        QTest::newRow("unknown_option") << args("incident list --sort severity")
                                        << QStringLiteral("Unknown option 'sort'.");
        QTest::newRow("unknown_subcommand")
            << args("incident frob") << QStringLiteral("'incident frob' needs a subcommand or has an unknown one");
    }

    void badUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const QByteArray before = fileBytes(m_journal);
        checkFailure(run(arguments), 2, message);
        QCOMPARE(fileBytes(m_journal), before);
    }

    void journalOptionWithoutPath()
    {
        CliRun result;
        QTextStream out(&result.out);
        QTextStream err(&result.err);
        result.exitCode
            = cli::run({ QStringLiteral("incident"), QStringLiteral("list"), QStringLiteral("--journal") }, out, err);
        err.flush();
        checkFailure(result, 2, QStringLiteral("--journal needs the path of a journal file"));
    }

    void postmortemMarkdownToStdout()
    {
        const CliRun md = run({ QStringLiteral("postmortem"), m_id });
        QVERIFY2(md.exitCode == 0, qPrintable(describe(md)));
        QVERIFY(md.err.isEmpty());
        QVERIFY2(md.out.startsWith(QStringLiteral("# Postmortem: Checkout errors (%1, SEV1, mitigated)\n").arg(m_id)),
            qPrintable(md.out));
        for (const char* section : { "## Summary", "## Durations", "## Timeline of key events", "## Action items",
                 "## Root cause", "## Where we got lucky" })
            QVERIFY2(md.out.contains(u'\n' + QLatin1String(section) + u'\n'), section);
        QVERIFY(md.out.contains(QStringLiteral(" (bob): Rolled back deploy 41  \n  *Corrected by carol at ")));
        QVERIFY(md.out.contains(QStringLiteral("| Alert on checkout error ratio | carol | — | open |")));
        QCOMPARE(
            run({ QStringLiteral("postmortem"), m_id, QStringLiteral("--format"), QStringLiteral("md") }).out, md.out);

        const CliRun json = run({ QStringLiteral("--json"), QStringLiteral("postmortem"), m_id });
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(json.json().value(QLatin1String("content")).toString(), md.out);
        QCOMPARE(json.json().value(QLatin1String("format")).toString(), QStringLiteral("md"));
        QCOMPARE(json.json().value(QLatin1String("edited")).toBool(), false);
    }

    void postmortemFiles()
    {
        const QString html = m_dir.filePath(QStringLiteral("pm.html"));
        const CliRun toHtml = run({ QStringLiteral("postmortem"), m_id, QStringLiteral("--format"),
            QStringLiteral("html"), QStringLiteral("-o"), html });
        QVERIFY2(toHtml.exitCode == 0, qPrintable(describe(toHtml)));
        QCOMPARE(toHtml.out, QStringLiteral("Wrote %1\n").arg(html));
        const QString page = QString::fromUtf8(fileBytes(html));
        QVERIFY2(page.startsWith(QStringLiteral("<!DOCTYPE html>")), qPrintable(page.left(200)));
        QVERIFY(page.contains(QStringLiteral("<title>Postmortem: Checkout errors (%1)</title>").arg(m_id)));
        QVERIFY(page.contains(QStringLiteral("<h2")));

        // Without -o, HTML goes to stdout.
        const CliRun htmlOut = run({ QStringLiteral("postmortem"), m_id, QStringLiteral("--format=html") });
        QCOMPARE(htmlOut.exitCode, 0);
        QCOMPARE(htmlOut.out, page);

        const QString pdf = m_dir.filePath(QStringLiteral("pm.pdf"));
        const CliRun toPdf = run({ QStringLiteral("--json"), QStringLiteral("postmortem"), m_id,
            QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--output"), pdf });
        QVERIFY2(toPdf.exitCode == 0, qPrintable(describe(toPdf)));
        QCOMPARE(toPdf.json().value(QLatin1String("file")).toString(), pdf);
        QCOMPARE(toPdf.json().value(QLatin1String("format")).toString(), QStringLiteral("pdf"));
        QVERIFY(fileBytes(pdf).startsWith("%PDF-"));

        const QString nowhere = m_dir.filePath(QStringLiteral("missing/dir/pm.md"));
        checkFailure(run({ QStringLiteral("postmortem"), m_id, QStringLiteral("-o"), nowhere }), 1,
            QStringLiteral("Cannot write %1").arg(nowhere));
        checkFailure(run({ QStringLiteral("postmortem"), m_id, QStringLiteral("--format"), QStringLiteral("pdf"),
                         QStringLiteral("-o"), nowhere }),
            1, nowhere);
    }

    void postmortemEditedDraft()
    {
        const QString draft = QStringLiteral("# Checkout outage\n\nA bad config push.\n");
        {
            const auto journal = journal::Journal::open(m_journal, QStringLiteral("device-gui"));
            journal->editPostmortem(m_id, draft, QStringLiteral("ann"));
        }
        const CliRun md = run({ QStringLiteral("postmortem"), m_id });
        QCOMPARE(md.exitCode, 0);
        QCOMPARE(md.out, draft);
        QCOMPARE(run({ QStringLiteral("--json"), QStringLiteral("postmortem"), m_id })
                     .json()
                     .value(QLatin1String("edited"))
                     .toBool(),
            true);
    }

    void statusLifecycle()
    {
        QCOMPARE(
            run({ QStringLiteral("incident"), QStringLiteral("status"), m_id, QStringLiteral("resolved") }).exitCode,
            0);
        // Resolved incidents leave the default list, not the full one.
        QCOMPARE(run(args("incident list --json")).json().value(QLatin1String("incidents")).toArray().size(), 1);
        QCOMPARE(
            run(args("incident list --status all --json")).json().value(QLatin1String("incidents")).toArray().size(),
            2);
        const QJsonObject shown
            = run({ QStringLiteral("--json"), QStringLiteral("incident"), QStringLiteral("show"), m_id }).json();
        QCOMPARE(shown.value(QLatin1String("open")).toBool(), false);
        QVERIFY(shown.value(QLatin1String("durations"))
                    .toObject()
                    .value(QLatin1String("from_declared"))
                    .toObject()
                    .value(QLatin1String("resolve_ms"))
                    .isDouble());
        // Reopening is allowed.
        QCOMPARE(run({ QStringLiteral("incident"), QStringLiteral("status"), m_id, QStringLiteral("investigating") })
                     .exitCode,
            0);
        QCOMPARE(run(args("incident list --json")).json().value(QLatin1String("incidents")).toArray().size(), 2);
    }

    void damagedJournal_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("list") << args("incident list");
        QTest::newRow("show") << args("incident show INC-20260101-1");
        QTest::newRow("declare") << args("incident declare --title x --severity SEV1");
        QTest::newRow("note") << args("incident note INC-20260101-1 hello");
        QTest::newRow("timeline_json") << args("--json incident timeline INC-20260101-1");
        QTest::newRow("postmortem") << args("postmortem INC-20260101-1");
    }

    void damagedJournal()
    {
        QFETCH(QStringList, arguments);
        const QString garbage = m_dir.filePath(QStringLiteral("garbage.sqlite"));
        {
            QFile file(garbage);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QByteArray bytes;
            for (int i = 0; i < 4096; ++i)
                bytes += char((i * 131 + 7) % 256);
            file.write(bytes);
        }
        // A real journal whose pages after the first (the header and the schema) are overwritten.
        const QString damaged = m_dir.filePath(QStringLiteral("damaged.sqlite"));
        if (!QFile::exists(damaged)) {
            QVERIFY(QFile::copy(m_journal, damaged));
            QFile file(damaged);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.size() > 8192);
            file.seek(4096);
            file.write(QByteArray(file.size() - 4096, '\xAB'));
        }
        for (const QString& path : { garbage, damaged }) {
            const QByteArray before = fileBytes(path);
            const CliRun result = run(arguments, path);
            checkFailure(result, 1, path);
            QCOMPARE(fileBytes(path), before);
            QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        }
    }
};

QTEST_MAIN(TestCliIncident)
#include "tst_cliincident.moc"
