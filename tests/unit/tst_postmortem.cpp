#include "journal/journal.h"
#include "journal/postmortem.h"
#include "render/markdownrenderer.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace firebreak;
using namespace firebreak::journal;

namespace {
// 2026-11-25 10:00:00 UTC
constexpr qint64 T0 = 1795600800000;
constexpr qint64 Minute = 60000;
} // namespace

// The postmortem needs no GUI, but typesetting HTML and PDF does (fonts): QTEST_MAIN gives this test a
// QGuiApplication on the offscreen platform that firebreak_add_test() sets.
class TestPostmortem : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    std::unique_ptr<Journal> openFresh()
    {
        return Journal::open(m_dir.filePath(QStringLiteral("j%1.sqlite").arg(++m_files)), QStringLiteral("device-a"));
    }

    /// An incident with every section filled, all at pinned times (payloads as Journal's writers store them).
    struct Built
    {
        Incident incident;
        QList<JournalEvent> events;
    };
    Built buildIncident(Journal& journal)
    {
        DeclareRequest request;
        request.title = QStringLiteral("Checkout errors");
        request.severity = Severity::Sev3;
        request.commander = QStringLiteral("ann");
        request.summary = QStringLiteral("5xx on /pay for EU customers");
        request.services = { QStringLiteral("checkout"), QStringLiteral("payments") };
        request.startedMs = T0 - 15 * Minute;
        const QString id = journal.declare(request, QStringLiteral("ann"), T0).incidentId;
        const auto add = [&](int minutes, EventKind kind, const QJsonObject& payload, const char* author) {
            return journal.append(id, kind, payload, QLatin1String(author), T0 + minutes * Minute);
        };
        add(2, EventKind::Note, { { QStringLiteral("text"), QStringLiteral("Error rate on checkout is 40%") } }, "bob");
        const JournalEvent severity = add(5, EventKind::SeverityChanged,
            { { QStringLiteral("from"), QStringLiteral("SEV3") }, { QStringLiteral("to"), QStringLiteral("SEV1") },
                { QStringLiteral("reason"), QStringLiteral("all regions") } },
            "ann");
        add(8, EventKind::RoleAssigned,
            { { QStringLiteral("role"), QStringLiteral("commander") },
                { QStringLiteral("person"), QStringLiteral("bob") },
                { QStringLiteral("previous"), QStringLiteral("ann") } },
            "ann");
        const JournalEvent rollback
            = add(10, EventKind::Note, { { QStringLiteral("text"), QStringLiteral("Rolled back deploy 41") } }, "bob");
        add(12, EventKind::EvidencePinned,
            { { QStringLiteral("title"), QStringLiteral("p99 latency, checkout") },
                { QStringLiteral("source"), QStringLiteral("prometheus") },
                { QStringLiteral("query"),
                    QStringLiteral("histogram_quantile(0.99, rate(checkout_seconds_bucket[5m]))") },
                { QStringLiteral("from_ms"), double(T0 - 20 * Minute) },
                { QStringLiteral("to_ms"), double(T0 + 10 * Minute) } },
            "bob");
        add(20, EventKind::UpdateSent,
            { { QStringLiteral("audience"), QStringLiteral("executives") },
                { QStringLiteral("text"),
                    QStringLiteral("Checkout fails for most EU customers.\nNext update 10:50 UTC.") } },
            "dana");
        add(25, EventKind::FieldChanged,
            { { QStringLiteral("field"), QStringLiteral("impact") },
                { QStringLiteral("value"), QStringLiteral("About 40% of EU payments failed for 45 minutes.") } },
            "dana");
        const JournalEvent mitigated = add(30, EventKind::StatusChanged,
            { { QStringLiteral("from"), QStringLiteral("investigating") },
                { QStringLiteral("to"), QStringLiteral("mitigated") } },
            "bob");
        add(35, EventKind::EventCorrected,
            { { QStringLiteral("target"), rollback.id },
                { QStringLiteral("text"), QStringLiteral("Rolled back deploy 42") } },
            "carol");
        for (const JournalEvent& key : { severity, rollback, mitigated })
            add(40, EventKind::KeyMarked, { { QStringLiteral("target"), key.id }, { QStringLiteral("key"), true } },
                "bob");
        add(50, EventKind::ActionItemAdded,
            { { QStringLiteral("text"), QStringLiteral("Alert on checkout error ratio | p99") },
                { QStringLiteral("owner"), QStringLiteral("carol") },
                { QStringLiteral("due_ms"), double(T0 + 7 * 24 * 60 * Minute) },
                { QStringLiteral("raised_by"), rollback.id } },
            "bob");
        add(90, EventKind::StatusChanged,
            { { QStringLiteral("from"), QStringLiteral("mitigated") },
                { QStringLiteral("to"), QStringLiteral("resolved") } },
            "bob");
        Built built;
        built.events = journal.events(id);
        built.incident = journal.incident(id);
        return built;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void sectionsInOrder()
    {
        const auto journal = openFresh();
        const Built built = buildIncident(*journal);
        const QString md = generatePostmortem(built.incident, built.events, TimeDisplay::Utc);

        QVERIFY2(md.startsWith(QStringLiteral("# Postmortem: Checkout errors (INC-20261125-1, SEV1, resolved)\n\n"
                                              "*Declared 2026-11-25 10:00:00 UTC by ann. Commander: bob.*\n")),
            qPrintable(md));
        qsizetype previous = 0;
        for (const char* heading : { "## Summary", "## Customer impact", "## Durations", "## Severity history",
                 "## Roles and handoffs", "## Timeline of key events", "## Stakeholder updates sent", "## Evidence",
                 "## Action items", "## Root cause", "## Contributing factors", "## What went well",
                 "## What went wrong", "## Where we got lucky" }) {
            const qsizetype index = md.indexOf(u'\n' + QLatin1String(heading) + u'\n');
            QVERIFY2(index > previous, heading);
            previous = index;
        }
        // The empty sections carry one italic hint each, and nothing else.
        QVERIFY(md.endsWith(QStringLiteral("\n## Where we got lucky\n\n*What could have made this much worse, and did "
                                           "not?*\n")));
        QVERIFY(md.contains(QStringLiteral("\n## Root cause\n\n*What, at the deepest level we can act on, made this "
                                           "happen?*\n\n## Contributing factors\n")));
        // Same inputs, same text.
        QCOMPARE(generatePostmortem(built.incident, built.events, TimeDisplay::Utc), md);
    }

    void content_data()
    {
        QTest::addColumn<QString>("expected");
        QTest::newRow("summary") << QStringLiteral("## Summary\n\n5xx on /pay for EU customers\n\n"
                                                   "**Services:** checkout, payments\n");
        QTest::newRow("impact") << QStringLiteral(
            "## Customer impact\n\nAbout 40% of EU payments failed for 45 minutes.\n");
        QTest::newRow("milestones") << QStringLiteral("## Durations\n\n"
                                                      "- Impact began: 2026-11-25 09:45:00 UTC\n"
                                                      "- Declared: 2026-11-25 10:00:00 UTC\n"
                                                      "- Acknowledged: 2026-11-25 10:02:00 UTC\n"
                                                      "- Mitigated: 2026-11-25 10:30:00 UTC\n"
                                                      "- Resolved: 2026-11-25 11:30:00 UTC\n");
        QTest::newRow("durations_from_declared_and_started")
            << QStringLiteral("| Duration | From declaration | From start of impact |\n"
                              "|---|---|---|\n"
                              "| Time to acknowledge | 2m | 17m |\n"
                              "| Time to mitigate | 30m | 45m |\n"
                              "| Time to resolve | 1h 30m | 1h 45m |\n");
        QTest::newRow("severity_history")
            << QStringLiteral("Highest severity: **SEV1**.\n\n"
                              "- **2026-11-25 10:00:00 UTC** (ann): SEV3 at declaration\n"
                              "- **2026-11-25 10:05:00 UTC** (ann): SEV3 → SEV1: all regions\n");
        QTest::newRow("roles_now") << QStringLiteral("Now:\n\n- **commander**: bob\n");
        QTest::newRow("handoffs") << QStringLiteral(
            "Handoffs:\n\n"
            "- **2026-11-25 10:00:00 UTC** (ann): ann became commander\n"
            "- **2026-11-25 10:08:00 UTC** (ann): ann handed commander to bob\n");
        QTest::newRow("key_events_with_correction")
            << QStringLiteral("## Timeline of key events\n\n"
                              "- **2026-11-25 10:05:00 UTC** (ann): Severity SEV3 → SEV1 (all regions)\n"
                              "- **2026-11-25 10:10:00 UTC** (bob): Rolled back deploy 41  \n"
                              "  *Corrected by carol at 2026-11-25 10:35:00 UTC:* Rolled back deploy 42\n"
                              "- **2026-11-25 10:30:00 UTC** (bob): Status Investigating → Mitigated\n\n"
                              "## Stakeholder updates sent\n");
        QTest::newRow("update_quoted") << QStringLiteral("## Stakeholder updates sent\n\n"
                                                         "**2026-11-25 10:20:00 UTC — to executives** (dana)\n\n"
                                                         "> Checkout fails for most EU customers.\n"
                                                         "> Next update 10:50 UTC.\n");
        QTest::newRow("evidence") << QStringLiteral(
            "## Evidence\n\n- **p99 latency, checkout** (prometheus): "
            "`histogram_quantile(0.99, rate(checkout_seconds_bucket[5m]))`, 2026-11-25 09:40:00 UTC to "
            "2026-11-25 10:10:00 UTC — pinned by bob at 2026-11-25 10:12:00 UTC\n");
        QTest::newRow("action_items_pipe_escaped")
            << QStringLiteral("## Action items\n\n| Action | Owner | Due | Status |\n|---|---|---|---|\n"
                              "| Alert on checkout error ratio \\| p99 | carol | 2026-12-02 10:00:00 UTC | open |\n");
    }

    void content()
    {
        QFETCH(QString, expected);
        const auto journal = openFresh();
        const Built built = buildIncident(*journal);
        const QString md = generatePostmortem(built.incident, built.events, TimeDisplay::Utc);
        QVERIFY2(md.contains(expected), qPrintable(md));
    }

    void keyEventsOnlyWhenMarked()
    {
        const auto journal = openFresh();
        const Built built = buildIncident(*journal);
        const QString md = generatePostmortem(built.incident, built.events, TimeDisplay::Utc);
        // The first note was not marked key: it is in the journal, not in the postmortem's timeline.
        QVERIFY(!md.contains(QStringLiteral("Error rate on checkout is 40%")));
        QCOMPARE(md.count(QStringLiteral("Rolled back deploy 41")), 1);
    }

    void withoutKeyEventsListsStatusAndSeverity()
    {
        const auto journal = openFresh();
        DeclareRequest request;
        request.title = QStringLiteral("Login slow");
        request.severity = Severity::Sev2;
        const QString id = journal->declare(request, QStringLiteral("ann"), T0).incidentId;
        journal->append(id, EventKind::Note, { { QStringLiteral("text"), QStringLiteral("looking") } },
            QStringLiteral("ann"), T0 + Minute);
        journal->append(id, EventKind::StatusChanged,
            { { QStringLiteral("from"), QStringLiteral("investigating") },
                { QStringLiteral("to"), QStringLiteral("identified") } },
            QStringLiteral("bob"), T0 + 4 * Minute);
        const QString md = generatePostmortem(journal->incident(id), journal->events(id), TimeDisplay::Utc);

        QVERIFY2(
            md.contains(QStringLiteral("## Timeline of key events\n\n"
                                       "*No event was marked as key; these are the status and severity changes.*\n\n"
                                       "- **2026-11-25 10:00:00 UTC** (ann): SEV2 declared: Login slow\n"
                                       "- **2026-11-25 10:04:00 UTC** (bob): Status Investigating → Identified\n\n")),
            qPrintable(md));
        QVERIFY(!md.contains(QStringLiteral("looking")));
        // No start of impact: one column of durations; what has not happened yet says so.
        QVERIFY2(md.contains(QStringLiteral("| Duration | From declaration |\n|---|---|\n"
                                            "| Time to acknowledge | 1m |\n"
                                            "| Time to mitigate | not yet |\n"
                                            "| Time to resolve | not yet |\n")),
            qPrintable(md));
        QVERIFY(md.contains(QStringLiteral("- Mitigated: not yet\n")));
        QVERIFY(md.contains(QStringLiteral("*Declared 2026-11-25 10:00:00 UTC by ann. Commander: nobody.*")));
        QVERIFY(md.contains(QStringLiteral("## Summary\n\n*No summary was recorded.*\n")));
        QVERIFY(md.contains(QStringLiteral("## Action items\n\n*No action items yet.*\n")));
        QVERIFY(md.contains(QStringLiteral("## Evidence\n\n*No evidence was pinned.*\n")));
        QVERIFY(md.contains(QStringLiteral("## Stakeholder updates sent\n\n*No stakeholder update was sent.*\n")));
    }

    // The same postmortem from the journal's own writers (real clock), so the payloads above stay honest.
    void fromJournalApi()
    {
        const auto journal = openFresh();
        DeclareRequest request;
        request.title = QStringLiteral("Queue backlog");
        request.severity = Severity::Sev2;
        request.commander = QStringLiteral("ann");
        const QString id = journal->declare(request, QStringLiteral("ann")).incidentId;
        const JournalEvent note
            = journal->addNote(id, QStringLiteral("Consumers stuck on partition 7"), QStringLiteral("bob"));
        journal->markKey(id, note.id, true, QStringLiteral("ann"));
        journal->correct(id, note.id, QStringLiteral("Consumers stuck on partition 9"), QStringLiteral("carol"));
        Evidence evidence;
        evidence.title = QStringLiteral("consumer lag");
        evidence.source = QStringLiteral("prometheus");
        evidence.query = QStringLiteral("sum(kafka_consumergroup_lag)");
        evidence.fromMs = T0;
        evidence.toMs = T0 + 30 * Minute;
        journal->pinEvidence(id, evidence, QStringLiteral("bob"));
        journal->addActionItem(
            id, QStringLiteral("Page on lag"), QStringLiteral("dana"), std::nullopt, note.id, QStringLiteral("ann"));
        journal->recordUpdate(
            id, QStringLiteral("engineering"), QStringLiteral("Backlog draining"), QStringLiteral("ann"));
        journal->changeSeverity(id, Severity::Sev1, QStringLiteral("ann"), QStringLiteral("orders delayed"));

        const QString md = generatePostmortem(journal->incident(id), journal->events(id), TimeDisplay::Utc);
        QVERIFY2(md.contains(QStringLiteral(" (bob): Consumers stuck on partition 7  \n  *Corrected by carol at ")),
            qPrintable(md));
        QVERIFY(md.contains(QStringLiteral(":* Consumers stuck on partition 9\n")));
        QVERIFY(md.contains(QStringLiteral("- **consumer lag** (prometheus): `sum(kafka_consumergroup_lag)`, "
                                           "2026-11-25 10:00:00 UTC to 2026-11-25 10:30:00 UTC — pinned by bob at ")));
        QVERIFY(md.contains(QStringLiteral("| Page on lag | dana | — | open |\n")));
        QVERIFY(md.contains(QStringLiteral(" — to engineering** (ann)\n\n> Backlog draining\n")));
        QVERIFY(md.contains(QStringLiteral(" (ann): SEV2 → SEV1: orders delayed\n")));
        QVERIFY(md.contains(QStringLiteral("Highest severity: **SEV1**.")));
    }

    void editedDraftWins()
    {
        const auto journal = openFresh();
        const Built built = buildIncident(*journal);
        const QString generated = generatePostmortem(built.incident, built.events, TimeDisplay::Utc);
        QCOMPARE(postmortemText(built.incident, built.events, TimeDisplay::Utc), generated);

        const QString draft = QStringLiteral("# Checkout outage\n\nRoot cause: a bad config push.\n");
        journal->editPostmortem(built.incident.id, draft, QStringLiteral("ann"));
        const Incident edited = journal->incident(built.incident.id);
        QCOMPARE(postmortemText(edited, journal->events(built.incident.id), TimeDisplay::Utc), draft);

        // Clearing the draft brings the generated one back.
        journal->editPostmortem(built.incident.id, QStringLiteral("  \n"), QStringLiteral("ann"));
        const Incident cleared = journal->incident(built.incident.id);
        const QList<JournalEvent> events = journal->events(built.incident.id);
        QCOMPARE(
            postmortemText(cleared, events, TimeDisplay::Utc), generatePostmortem(cleared, events, TimeDisplay::Utc));
    }

    void html()
    {
        const auto journal = openFresh();
        const Built built = buildIncident(*journal);
        const QString html = render::markdownToHtml(
            generatePostmortem(built.incident, built.events, TimeDisplay::Utc), postmortemTitle(built.incident));
        QVERIFY2(html.startsWith(QStringLiteral("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">")),
            qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("<title>Postmortem: Checkout errors (INC-20261125-1)</title>")));
        QVERIFY(html.contains(QStringLiteral("<h1")));
        QVERIFY(
            html.contains(QStringLiteral("Postmortem: Checkout errors (INC-20261125-1, SEV1, resolved)</span></h1>")));
        QCOMPARE(html.count(QStringLiteral("<h2")), 14);
        QVERIFY(html.contains(QStringLiteral("<table")));
        QVERIFY(html.endsWith(QStringLiteral("</body>\n</html>\n")));
        QCOMPARE(html.count(QStringLiteral("<body")), 1);

        const QString escaped = render::markdownToHtml(QStringLiteral("# x\n"), QStringLiteral("a < b & \"c\""));
        QVERIFY(escaped.contains(QStringLiteral("<title>a &lt; b &amp; &quot;c&quot;</title>")));
    }

    void pdf()
    {
        const auto journal = openFresh();
        const Built built = buildIncident(*journal);
        const QString file = m_dir.filePath(QStringLiteral("postmortem.pdf"));
        QString error;
        QVERIFY2(render::writePdf(generatePostmortem(built.incident, built.events, TimeDisplay::Utc), file, &error),
            qPrintable(error));
        QVERIFY(error.isEmpty());
        QFile pdf(file);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.contains("/MediaBox [0 0 595")); // A4: 595 × 842 pt
        QVERIFY(bytes.size() > 5000);
    }

    // A pinned chart's picture stays in every export, so the postmortem shows it after retention.
    void evidencePicturesTravelWithTheDocument()
    {
        const auto journal = openFresh();
        DeclareRequest request;
        request.title = QStringLiteral("Slow checkout");
        const QString id = journal->declare(request, QStringLiteral("ann")).incidentId;
        QImage chart(240, 120, QImage::Format_RGB32);
        chart.fill(QColor(0x1e, 0x88, 0xe5));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(chart.save(&buffer, "PNG"));
        Evidence evidence;
        evidence.title = QStringLiteral("p99 [checkout]");
        evidence.source = QStringLiteral("prometheus");
        evidence.query = QStringLiteral("histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m])))");
        evidence.thumbnailPng = png;
        const JournalEvent pinned = journal->pinEvidence(id, evidence, QStringLiteral("bob"));
        const QList<JournalEvent> events = journal->events(id);

        const QString md = generatePostmortem(journal->incident(id), events, TimeDisplay::Utc);
        const QString reference = QStringLiteral("![p99 checkout](evidence:%1)").arg(pinned.id);
        QVERIFY2(md.contains(QStringLiteral("\n  ") + reference + u'\n'), qPrintable(md));
        const EvidencePictures pictures = evidencePictures(events);
        QCOMPARE(pictures.size(), 1);
        QCOMPARE(pictures.value(evidencePictureUrl(pinned.id)), png);

        const QString standalone = embedEvidencePictures(md, pictures);
        QVERIFY(!standalone.contains(QStringLiteral("evidence:")));
        QVERIFY(standalone.contains(QStringLiteral("](data:image/png;base64,") + QString::fromLatin1(png.toBase64())));
        const QString html = render::markdownToHtml(standalone, QStringLiteral("x"));
        QVERIFY(html.contains(QStringLiteral("<img src=\"data:image/png;base64,")));

        // The PDF carries the picture: larger than the same document without it by at least an image.
        const QString withPicture = m_dir.filePath(QStringLiteral("with.pdf"));
        const QString without = m_dir.filePath(QStringLiteral("without.pdf"));
        QString error;
        QVERIFY2(render::writePdf(standalone, withPicture, &error), qPrintable(error));
        QVERIFY2(render::writePdf(QString(md).remove(reference), without, &error), qPrintable(error));
        QVERIFY(QFileInfo(withPicture).size() > QFileInfo(without).size() + 500);
        QFile pdf(withPicture);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.readAll().contains("/Subtype /Image"));
    }

    void pdfToUnwritablePlace()
    {
        const QString file = m_dir.filePath(QStringLiteral("no/such/folder/p.pdf"));
        QString error;
        QVERIFY(!render::writePdf(QStringLiteral("# x\n"), file, &error));
        QVERIFY2(error.contains(file), qPrintable(error));
        QVERIFY(!QFile::exists(file));
    }
};

QTEST_MAIN(TestPostmortem)
#include "tst_postmortem.moc"
