// Drives the incident workspace through its widgets, on a real journal file, as a commander would.
#include "common/emptystate.h"
#include "incident/declaredialog.h"
#include "incident/evidencepane.h"
#include "incident/incidentheader.h"
#include "incident/incidentview.h"
#include "incident/incidentworkspace.h"
#include "incident/pinevidencedialog.h"
#include "incident/postmortempanel.h"
#include "incident/timelinepanel.h"
#include "incident/updatespanel.h"
#include "journal/incidentlistmodel.h"
#include "journal/journal.h"
#include "journal/journalservice.h"
#include "journal/timelinemodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace firebreak;
using namespace firebreak::ui;
using namespace firebreak::journal;

namespace {
constexpr int Timeout = 10000;
}

class TestIncidentWorkspace : public QObject
{
    Q_OBJECT

private:
    /// Opens the declare dialog from the workspace and fills it like a person would.
    void declare(const QString& title, const QString& severity)
    {
        QTimer::singleShot(0, this, [title, severity] {
            auto* dialog = qobject_cast<DeclareDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("declareTitle")), title);
            auto* sev = dialog->findChild<QComboBox*>(QStringLiteral("declareSeverity"));
            sev->setCurrentIndex(sev->findText(severity));
            QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("declareCommander"))->text(), QStringLiteral("ann"));
            QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("declareButton")), Qt::LeftButton);
        });
        m_workspace->declareIncident();
    }

    QString timelineText() const
    {
        QStringList lines;
        auto* model = m_workspace->view()->timeline()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            lines << model->index(row, TimelineModel::TextColumn).data().toString();
        return lines.join(u'\n');
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_settings
            = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s%1.ini").arg(++m_run)), QSettings::IniFormat);
        m_service = std::make_unique<JournalService>();
        m_workspace
            = std::make_unique<IncidentWorkspace>(*m_service, *m_settings, [] { return QStringLiteral("ann"); });
        m_listTester = std::make_unique<QAbstractItemModelTester>(m_workspace->listModel());
        m_timelineTester = std::make_unique<QAbstractItemModelTester>(m_workspace->view()->timeline()->model());
        m_filterTester = std::make_unique<QAbstractItemModelTester>(m_workspace->view()->timeline()->filter());
        m_workspace->resize(1200, 800);
        m_workspace->show();
        QSignalSpy opened(m_service.get(), &JournalService::opened);
        m_path = m_dir.filePath(QStringLiteral("journal%1.sqlite").arg(m_run));
        m_service->open(m_path, QStringLiteral("test-device"), 3);
        QVERIFY(opened.wait(Timeout));
    }

    void cleanup()
    {
        m_listTester.reset();
        m_timelineTester.reset();
        m_filterTester.reset();
        m_workspace.reset();
        m_service.reset();
        m_settings.reset();
    }

    void emptyJournalInvitesToDeclare()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->emptyState()->body().contains(m_path), Timeout);
        QCOMPARE(m_workspace->emptyState()->title(), QStringLiteral("No incident is open"));
    }

    void declareNoteSeverityUpdatePostmortem()
    {
        declare(QStringLiteral("Checkout returns 502"), QStringLiteral("SEV2"));
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->currentIncidentId().startsWith(QStringLiteral("INC-")), true, Timeout);
        IncidentView* view = m_workspace->view();
        QTRY_COMPARE_WITH_TIMEOUT(view->incident().title, QStringLiteral("Checkout returns 502"), Timeout);
        QCOMPARE(view->incident().severity, Severity::Sev2);
        QCOMPARE(view->incident().commander(), QStringLiteral("ann"));

        // A note through the quick entry box: Enter saves it.
        auto* entry = view->findChild<QLineEdit*>(QStringLiteral("quickEntry"));
        QTest::keyClicks(entry, QStringLiteral("Rolled back deploy 1234"));
        QTest::keyClick(entry, Qt::Key_Return);
        QVERIFY(entry->text().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(timelineText().contains(QStringLiteral("Rolled back deploy 1234")), Timeout);

        // Raise the severity in place.
        auto* severity = view->findChild<QComboBox*>(QStringLiteral("incidentSeverity"));
        severity->setCurrentIndex(severity->findText(QStringLiteral("SEV1")));
        Q_EMIT severity->activated(severity->currentIndex());
        QTRY_COMPARE_WITH_TIMEOUT(view->incident().severity, Severity::Sev1, Timeout);
        QVERIFY(timelineText().contains(QStringLiteral("Severity SEV2 → SEV1")));
        QCOMPARE(m_workspace->listModel()->incidents().first().severity, Severity::Sev1);

        // SEV1: the executives expect an update every 30 minutes.
        UpdatesPanel* updates = view->updates();
        QVERIFY2(
            updates->countdown().startsWith(QStringLiteral("next update due in ")), qPrintable(updates->countdown()));
        QVERIFY(updates->draft().contains(QStringLiteral("[SEV1] Checkout returns 502")));
        QTest::mouseClick(updates->findChild<QPushButton*>(QStringLiteral("sendUpdate")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(view->incident().updates.size(), 1, Timeout);
        QCOMPARE(view->incident().updates.first().audience, QStringLiteral("executives"));
        QVERIFY(timelineText().contains(QStringLiteral("To executives: [SEV1] Checkout returns 502")));

        // Filter the timeline to notes only.
        auto* kind = view->findChild<QComboBox*>(QStringLiteral("timelineKind"));
        kind->setCurrentIndex(kind->findData(QStringLiteral("note")));
        QCOMPARE(view->timeline()->filter()->rowCount(), 1);
        kind->setCurrentIndex(0);

        // Mark the note as key: it goes into the postmortem.
        TimelinePanel* timeline = view->timeline();
        timeline->selectEvent(view->timeline()->model()->events().at(1).id);
        QTest::mouseClick(timeline->findChild<QPushButton*>(QStringLiteral("markKey")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(view->incident().keyEvents.size(), 1, Timeout);

        // The postmortem draft is generated from the journal, and saving it is an event.
        PostmortemPanel* postmortem = view->postmortem();
        QTest::mouseClick(postmortem->findChild<QPushButton*>(QStringLiteral("regeneratePostmortem")), Qt::LeftButton);
        const QString draft = postmortem->markdown();
        QVERIFY2(draft.contains(QStringLiteral("Rolled back deploy 1234")), qPrintable(draft));
        QVERIFY(draft.contains(QStringLiteral("Root cause")));
        auto* editor = postmortem->findChild<QPlainTextEdit*>(QStringLiteral("postmortemEditor"));
        editor->moveCursor(QTextCursor::End);
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, QStringLiteral("The retry storm came from the payment client."));
        QVERIFY(postmortem->hasUnsavedChanges());
        QTest::mouseClick(postmortem->findChild<QPushButton*>(QStringLiteral("savePostmortem")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(view->incident().postmortemMarkdown.contains(QStringLiteral("retry storm")), Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(!postmortem->hasUnsavedChanges(), Timeout);

        // FIREBREAK_TEST_SHOTS=DIR keeps pictures of the tabs, for looking at them.
        if (const QString shots = qEnvironmentVariable("FIREBREAK_TEST_SHOTS"); !shots.isEmpty()) {
            auto* tabs = view->findChild<QTabWidget*>(QStringLiteral("incidentTabs"));
            for (int i = 0; i < tabs->count(); ++i) {
                tabs->setCurrentIndex(i);
                QTest::qWait(300);
                m_workspace->grab().save(shots + QStringLiteral("/incident-tab%1.png").arg(i));
            }
        }

        // Export in the three formats.
        for (const char* suffix : { "md", "html", "pdf" }) {
            const QString file = m_dir.filePath(QStringLiteral("pm.") + QLatin1String(suffix));
            QString error;
            QVERIFY2(postmortem->exportTo(file, &error), qPrintable(error));
            QFile out(file);
            QVERIFY(out.open(QIODevice::ReadOnly));
            const QByteArray head = out.read(8);
            if (QLatin1String(suffix) == QLatin1String("pdf"))
                QVERIFY(head.startsWith("%PDF"));
            else
                QVERIFY(!head.isEmpty());
        }

        // Everything is in the journal file, readable by another process.
        auto journal = Journal::open(m_path, QStringLiteral("checker"));
        const Incident stored = journal->incident(m_workspace->currentIncidentId());
        QCOMPARE(stored.severity, Severity::Sev1);
        QCOMPARE(stored.updates.size(), 1);
        QVERIFY(stored.postmortemMarkdown.contains(QStringLiteral("retry storm")));
    }

    void declareFromAnAlertAndPinEvidence()
    {
        journal::DeclareRequest prefill;
        prefill.title = QStringLiteral("HighErrorRate: checkout 5xx above 5 %");
        prefill.severity = Severity::Sev2;
        prefill.services = { QStringLiteral("checkout") };
        prefill.startedMs = 1795600800000;
        journal::Evidence alert;
        alert.title = QStringLiteral("Alert HighErrorRate");
        alert.source = QStringLiteral("prometheus");
        alert.query = QStringLiteral("job:errors:ratio5m > 0.05");
        alert.frozenData = R"({"value":"0.08"})";
        QTimer::singleShot(0, this, [] {
            auto* dialog = qobject_cast<DeclareDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("declareTitle"))->text(),
                QStringLiteral("HighErrorRate: checkout 5xx above 5 %"));
            QCOMPARE(dialog->findChild<QComboBox*>(QStringLiteral("declareSeverity"))->currentText(),
                QStringLiteral("SEV2"));
            QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("declareServices"))->text(), QStringLiteral("checkout"));
            QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("declareButton")), Qt::LeftButton);
        });
        m_workspace->declareIncidentFrom(prefill, alert);
        IncidentView* view = m_workspace->view();
        QTRY_COMPARE_WITH_TIMEOUT(view->incident().title, prefill.title, Timeout);
        QCOMPARE(view->incident().services, prefill.services);
        QCOMPARE(view->incident().startedMs, prefill.startedMs);
        // The alert's query landed as evidence on the new incident, right after its declaration.
        QTRY_VERIFY_WITH_TIMEOUT(timelineText().contains(QStringLiteral("Alert HighErrorRate")), Timeout);

        // Pinning asks which open incident; the selected one is offered first, the title can be edited.
        journal::Evidence chart;
        chart.title = QStringLiteral("p99 latency");
        chart.source = QStringLiteral("prometheus");
        chart.query = QStringLiteral("histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m])))");
        chart.fromMs = 1795600800000;
        chart.toMs = 1795604400000;
        bool shown = false;
        // The dialog opens once the open incidents have been read on the journal's thread: poll for it.
        auto* poll = new QTimer(this);
        connect(poll, &QTimer::timeout, this, [this, poll, &shown] {
            auto* dialog = qobject_cast<PinEvidenceDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            poll->deleteLater();
            QCOMPARE(dialog->incidentId(), m_workspace->currentIncidentId());
            dialog->findChild<QLineEdit*>(QStringLiteral("pinTitle"))
                ->setText(QStringLiteral("p99 latency at checkout during the outage"));
            shown = true;
            QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("pinButton")), Qt::LeftButton);
        });
        poll->start(20);
        m_workspace->pinEvidence(chart);
        QTRY_VERIFY_WITH_TIMEOUT(shown, Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(
            timelineText().contains(QStringLiteral("p99 latency at checkout during the outage")), Timeout);

        // Selected in the timeline, the evidence offers its query again and its frozen copy.
        TimelinePanel* timeline = view->timeline();
        QString alertEventId;
        for (int row = 0; row < timeline->model()->rowCount(); ++row) {
            const QModelIndex index = timeline->model()->index(row, 0);
            if (index.data(TimelineModel::EvidenceRole).toMap().value(QStringLiteral("title")).toString()
                == QLatin1String("Alert HighErrorRate"))
                alertEventId = index.data(TimelineModel::EventIdRole).toString();
        }
        QVERIFY(!alertEventId.isEmpty());
        timeline->selectEvent(alertEventId);
        EvidencePane* pane = timeline->evidencePane();
        QVERIFY(pane->isVisible());
        QCOMPARE(pane->evidence().value(QStringLiteral("data")).toByteArray(), alert.frozenData);
        QVERIFY(EvidencePane::frozenDataText(alert.frozenData).contains(QStringLiteral("\"value\": \"0.08\"")));
        QSignalSpy open(timeline, &TimelinePanel::evidenceOpenRequested);
        QTest::mouseClick(pane->findChild<QPushButton*>(QStringLiteral("evidenceOpen")), Qt::LeftButton);
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.first().at(0).toString(), QStringLiteral("prometheus"));
        QCOMPARE(open.first().at(1).toString(), alert.query);
    }

    void rolesTagsAndSeverityDefinitions()
    {
        declare(QStringLiteral("Roles"), QStringLiteral("SEV2"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_workspace->view()->incident().id.isEmpty(), Timeout);
        IncidentView* view = m_workspace->view();

        // A custom role through the header's dialog.
        QTimer::singleShot(0, this, [] {
            auto* dialog = QApplication::activeModalWidget();
            QVERIFY(dialog);
            auto* role = dialog->findChild<QComboBox*>(QStringLiteral("roleName"));
            role->setEditText(QStringLiteral("Customer liaison"));
            QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("rolePerson")), QStringLiteral("eve"));
            QMetaObject::invokeMethod(dialog, "accept");
        });
        QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("assignRole")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            view->incident().roles.value(QStringLiteral("customer liaison")), QStringLiteral("eve"), Timeout);
        QVERIFY(view->findChild<QLabel*>(QStringLiteral("incidentRoles"))
                    ->text()
                    .contains(QStringLiteral("customer liaison: eve")));

        auto* tags = view->findChild<QLineEdit*>(QStringLiteral("incidentTags"));
        tags->setFocus();
        QTest::keyClicks(tags, QStringLiteral("eu, payments"));
        Q_EMIT tags->editingFinished();
        QTRY_COMPARE_WITH_TIMEOUT(
            view->incident().tags, (QStringList { QStringLiteral("eu"), QStringLiteral("payments") }), Timeout);

        QString sev1;
        connect(m_service.get(), &JournalService::severityDefinitionsLoaded, this,
            [&sev1](const QMap<Severity, QString>& definitions) { sev1 = definitions.value(Severity::Sev1); });
        m_service->setSeverityDefinition(Severity::Sev1, QStringLiteral("Revenue stops"), QStringLiteral("ann"));
        QTRY_COMPARE_WITH_TIMEOUT(sev1, QStringLiteral("Revenue stops"), Timeout);
    }

    void draftsSurviveTeammatesAndSwitching()
    {
        declare(QStringLiteral("First"), QStringLiteral("SEV2"));
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->view()->incident().title, QStringLiteral("First"), Timeout);
        const QString first = m_workspace->currentIncidentId();
        IncidentView* view = m_workspace->view();

        auto* updateText = view->findChild<QPlainTextEdit*>(QStringLiteral("updateText"));
        updateText->setFocus();
        updateText->selectAll();
        QTest::keyClicks(updateText, QStringLiteral("Draft for the executives"));
        auto* postmortemEditor = view->findChild<QPlainTextEdit*>(QStringLiteral("postmortemEditor"));
        postmortemEditor->setFocus();
        postmortemEditor->moveCursor(QTextCursor::End);
        QTest::keyClicks(postmortemEditor, QStringLiteral("Unsaved root cause"));

        // A teammate records an update from the command line: the draft being written stays.
        auto cli = Journal::open(m_path, QStringLiteral("cli-device"));
        cli->recordUpdate(
            first, QStringLiteral("customers"), QStringLiteral("posted by a teammate"), QStringLiteral("bob"));
        QTRY_COMPARE_WITH_TIMEOUT(view->incident().updates.size(), 1, 2500);
        QCOMPARE(view->updates()->draft(), QStringLiteral("Draft for the executives"));

        // Looking at another incident and coming back keeps both drafts.
        declare(QStringLiteral("Second"), QStringLiteral("SEV1"));
        QTRY_COMPARE_WITH_TIMEOUT(view->incident().title, QStringLiteral("Second"), Timeout);
        QVERIFY(view->updates()->draft() != QStringLiteral("Draft for the executives"));
        QVERIFY(!view->postmortem()->markdown().contains(QStringLiteral("Unsaved root cause")));
        QCOMPARE(m_workspace->unsavedDrafts(), 1);
        m_workspace->selectIncident(first);
        QTRY_COMPARE_WITH_TIMEOUT(view->incident().title, QStringLiteral("First"), Timeout);
        QCOMPARE(view->updates()->draft(), QStringLiteral("Draft for the executives"));
        QVERIFY(view->postmortem()->markdown().contains(QStringLiteral("Unsaved root cause")));
        QVERIFY(view->postmortem()->hasUnsavedChanges());
    }

    void anotherProcessesNoteAppearsWithinTwoSeconds()
    {
        declare(QStringLiteral("Queue backlog"), QStringLiteral("SEV3"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_workspace->currentIncidentId().isEmpty(), Timeout);
        const QString id = m_workspace->currentIncidentId();
        auto cli = Journal::open(m_path, QStringLiteral("cli-device"));
        cli->addNote(id, QStringLiteral("note from the command line"), QStringLiteral("bob"));
        QTRY_VERIFY_WITH_TIMEOUT(timelineText().contains(QStringLiteral("note from the command line")), 2500);
    }

    void refusedChangeIsShownNotDropped()
    {
        declare(QStringLiteral("Refusal"), QStringLiteral("SEV3"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_workspace->currentIncidentId().isEmpty(), Timeout);
        const QString id = m_workspace->currentIncidentId();
        m_service->write(QStringLiteral("note"),
            [id](Journal& j) { return j.addNote(id, QStringLiteral(" "), QStringLiteral("ann")); });
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->bannerText().contains(QStringLiteral("A note needs some text")), Timeout);
    }

    void searchFiltersTheList()
    {
        declare(QStringLiteral("Kafka lag"), QStringLiteral("SEV3"));
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->listModel()->rowCount(), 1, Timeout);
        declare(QStringLiteral("DNS failures"), QStringLiteral("SEV2"));
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->listModel()->rowCount(), 2, Timeout);
        auto* list = m_workspace->findChild<QTableView*>(QStringLiteral("incidentList"));
        QTest::keyClicks(m_workspace->findChild<QLineEdit*>(QStringLiteral("incidentSearch")), QStringLiteral("kafka"));
        QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), 1, Timeout);
        QCOMPARE(
            list->model()->index(0, IncidentListModel::TitleColumn).data().toString(), QStringLiteral("Kafka lag"));
        m_workspace->findChild<QLineEdit*>(QStringLiteral("incidentSearch"))->clear();
        QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), 2, Timeout);
    }

    void damagedJournalOffersBackupAndIsLeftAlone()
    {
        // A journal with a backup, then its file destroyed.
        declare(QStringLiteral("Before the crash"), QStringLiteral("SEV3"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_workspace->currentIncidentId().isEmpty(), Timeout);
        QSignalSpy backedUp(m_service.get(), &JournalService::backedUp);
        m_service->backupNow();
        QVERIFY(backedUp.wait(Timeout));
        m_workspace.reset();
        m_listTester.reset();
        m_timelineTester.reset();
        m_filterTester.reset();
        m_service.reset();
        const QString broken = m_dir.filePath(QStringLiteral("broken%1.sqlite").arg(m_run));
        {
            QFile f(broken);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not a journal at all");
        }
        m_service = std::make_unique<JournalService>();
        m_workspace
            = std::make_unique<IncidentWorkspace>(*m_service, *m_settings, [] { return QStringLiteral("ann"); });
        m_workspace->show();
        QSignalSpy failed(m_service.get(), &JournalService::openFailed);
        m_service->open(broken, QStringLiteral("test-device"), 3);
        QVERIFY(failed.wait(Timeout));
        QCOMPARE(m_workspace->emptyState()->title(), QStringLiteral("The incident journal cannot be opened"));
        QVERIFY(m_workspace->emptyState()->body().contains(QStringLiteral("not a Firebreak journal")));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArrayLiteral("not a journal at all"));
        auto* fresh = m_workspace->emptyState()->findChild<QPushButton*>(QStringLiteral("emptyStateSecondaryAction"));
        QVERIFY(fresh->isVisibleTo(m_workspace.get()));
        QSignalSpy chosen(m_workspace.get(), &IncidentWorkspace::journalChosen);
        QTest::mouseClick(fresh, Qt::LeftButton);
        QCOMPARE(chosen.count(), 1);
        QVERIFY(chosen.first().first().toString() != broken);
    }

private:
    QTemporaryDir m_dir;
    int m_run = 0;
    QString m_path;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<JournalService> m_service;
    std::unique_ptr<IncidentWorkspace> m_workspace;
    std::unique_ptr<QAbstractItemModelTester> m_listTester;
    std::unique_ptr<QAbstractItemModelTester> m_timelineTester;
    std::unique_ptr<QAbstractItemModelTester> m_filterTester;
};

QTEST_MAIN(TestIncidentWorkspace)
#include "tst_incidentworkspace.moc"
