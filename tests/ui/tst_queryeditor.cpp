// The query editor as a user types in it: colours, brackets, Ctrl+Enter, completion from the real Prometheus of
// tests/integration and from FakeLoki in this process, and the query history kept in a journal.
#include "common/appcontext.h"
#include "common/queryeditor.h"
#include "common/queryhistorybutton.h"
#include "fakeloki.h"
#include "journal/journalservice.h"
#include "net/profilestore.h"
#include "prometheusurl.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QDateTime>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeWidget>

#include <memory>
#include <optional>

using namespace firebreak;
using namespace firebreak::ui;
using analysis::QueryLanguage;
using analysis::TokenKind;

namespace {

constexpr int WaitMs = 30000;

/// The foreground colour the highlighter gave the text at `position`.
QColor foregroundAt(QueryEditor& editor, int position)
{
    const QTextBlock block = editor.document()->findBlock(position);
    const int offset = position - block.position();
    for (const QTextLayout::FormatRange& range : block.layout()->formats()) {
        if (offset >= range.start && offset < range.start + range.length)
            return range.format.foreground().color();
    }
    return {};
}

/// Rows of the completion popup (what the filter lets through), as "name|detail|help".
QStringList shownCompletions(QueryEditor& editor)
{
    QStringList rows;
    QAbstractItemModel* model = editor.completer()->completionModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        rows << index.data().toString() + u'|' + index.data(CompletionListModel::DetailRole).toString() + u'|'
                + index.data(CompletionListModel::HelpRole).toString();
    }
    return rows;
}

bool popupOffers(QueryEditor& editor, const QString& name)
{
    if (!editor.completer()->popup()->isVisible())
        return false;
    for (const QString& row : shownCompletions(editor)) {
        if (row.section(u'|', 0, 0) == name)
            return true;
    }
    return false;
}

QString rowFor(QueryEditor& editor, const QString& name)
{
    for (const QString& row : shownCompletions(editor)) {
        if (row.section(u'|', 0, 0) == name)
            return row;
    }
    return {};
}

} // namespace

class TestQueryEditor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppContext> m_context;
    int m_run = 0;

    void useSource(net::BackendKind kind, const QUrl& url)
    {
        net::ConnectionProfile profile = net::ProfileStore::newProfile(kind);
        profile.name = QStringLiteral("fixture");
        profile.baseUrl = url;
        profile.timeout = std::chrono::seconds(5);
        QVERIFY(m_context->saveProfiles({ profile }));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void init()
    {
        ++m_run;
        m_context = std::make_unique<AppContext>(m_dir.filePath(QStringLiteral("settings%1.ini").arg(m_run)),
            m_dir.filePath(QStringLiteral("secrets%1.json").arg(m_run)));
    }

    void cleanup() { m_context.reset(); }

    void highlightsTokens()
    {
        QueryEditor editor(QueryLanguage::PromQL);
        const QString query = QStringLiteral("sum by (le) (rate(http_requests_total{job=\"api\"}[5m])) # all\n> 0.5");
        editor.setQuery(query);
        editor.show();
        const QueryHighlighter* h = editor.highlighter();
        auto colour = [&](TokenKind kind) { return h->format(kind).foreground().color(); };
        QCOMPARE(foregroundAt(editor, int(query.indexOf(u"sum"))), colour(TokenKind::Function));
        QCOMPARE(foregroundAt(editor, int(query.indexOf(u"by"))), colour(TokenKind::Keyword));
        QCOMPARE(foregroundAt(editor, int(query.indexOf(u"le"))), colour(TokenKind::LabelName));
        QCOMPARE(foregroundAt(editor, int(query.indexOf(u"http_requests_total")) + 4), colour(TokenKind::Metric));
        QCOMPARE(foregroundAt(editor, int(query.indexOf(u"\"api\"")) + 2), colour(TokenKind::LabelValue));
        QCOMPARE(foregroundAt(editor, int(query.indexOf(u"5m"))), colour(TokenKind::Duration));
        QCOMPARE(foregroundAt(editor, int(query.indexOf(u"# all")) + 2), colour(TokenKind::Comment));
        // The second line is a block of its own and still gets its number coloured.
        QCOMPARE(foregroundAt(editor, int(query.indexOf(u"0.5"))), colour(TokenKind::Number));
        // Kinds are told apart by colour.
        QVERIFY(colour(TokenKind::Metric) != colour(TokenKind::Function));
        QVERIFY(colour(TokenKind::LabelName) != colour(TokenKind::LabelValue));

        // A dark theme gets its own colours, applied at once.
        const QColor lightMetric = colour(TokenKind::Metric);
        QPalette dark = editor.palette();
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        editor.setPalette(dark);
        QVERIFY(colour(TokenKind::Metric) != lightMetric);
        QCOMPARE(foregroundAt(editor, int(query.indexOf(u"http_requests_total"))), colour(TokenKind::Metric));

        // An edit re-colours what it touches and leaves the rest as it was.
        QTextCursor cursor(editor.document());
        cursor.setPosition(int(query.indexOf(u"# all")));
        cursor.insertText(QStringLiteral("offset "));
        QCOMPARE(foregroundAt(editor, int(query.indexOf(u"# all")) + 8), colour(TokenKind::Comment));
        QCOMPARE(foregroundAt(editor, int(editor.query().indexOf(u"offset"))), colour(TokenKind::Keyword));
    }

    void highlightsLogQL()
    {
        QueryEditor editor(QueryLanguage::LogQL);
        const QString query = QStringLiteral("{app=\"checkout\"} |= \"error\" | json | level=\"error\"");
        editor.setQuery(query);
        const QueryHighlighter* h = editor.highlighter();
        QCOMPARE(foregroundAt(editor, int(query.indexOf(u"json"))), h->format(TokenKind::Parser).foreground().color());
        QCOMPARE(foregroundAt(editor, int(query.indexOf(u"\"error\"")) + 1),
            h->format(TokenKind::String).foreground().color());
        QCOMPARE(
            foregroundAt(editor, int(query.indexOf(u"level"))), h->format(TokenKind::LabelName).foreground().color());
    }

    void matchesBrackets()
    {
        QueryEditor editor(QueryLanguage::PromQL);
        const QString query = QStringLiteral("sum(rate(x{a=\")\"}[5m]))");
        editor.setQuery(query);
        QTextCursor cursor = editor.textCursor();
        cursor.setPosition(4); // after "sum("
        editor.setTextCursor(cursor);
        QList<QTextEdit::ExtraSelection> selections = editor.extraSelections();
        QCOMPARE(selections.size(), 2);
        QCOMPARE(selections[0].cursor.selectionStart(), 3);
        QCOMPARE(selections[1].cursor.selectionStart(), int(query.size()) - 1);
        // An unmatched bracket is marked alone.
        editor.setQuery(QStringLiteral("rate(x[5m]"));
        cursor = editor.textCursor();
        cursor.setPosition(5);
        editor.setTextCursor(cursor);
        selections = editor.extraSelections();
        QCOMPARE(selections.size(), 1);
        QCOMPARE(selections[0].cursor.selectionStart(), 4);
        QVERIFY(selections[0].format.background().color() != editor.palette().color(QPalette::Highlight));
        // Away from brackets: nothing.
        cursor.setPosition(8);
        editor.setTextCursor(cursor);
        QVERIFY(editor.extraSelections().isEmpty());
    }

    void ctrlEnterRuns()
    {
        QueryEditor editor(QueryLanguage::PromQL);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QSignalSpy run(&editor, &QueryEditor::runRequested);
        // A space ends the name: no completion popup takes the Enter, which starts a new line.
        QTest::keyClicks(&editor, QStringLiteral("up "));
        QVERIFY(!editor.completer()->popup()->isVisible());
        QTest::keyClick(&editor, Qt::Key_Return);
        QCOMPARE(run.size(), 0);
        QCOMPARE(editor.query(), QStringLiteral("up \n"));
        QTest::keyClick(&editor, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(run.size(), 1);
        QTest::keyClick(&editor, Qt::Key_Enter, Qt::ControlModifier);
        QCOMPARE(run.size(), 2);
        QCOMPARE(editor.query(), QStringLiteral("up \n")); // running does not type
        // Ctrl+Enter also runs while the popup is open, and closes it.
        editor.setQuery(QString());
        QTest::keyClicks(&editor, QStringLiteral("grou"));
        QTRY_VERIFY(editor.completer()->popup()->isVisible());
        QTest::keyClick(&editor, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(run.size(), 3);
        QVERIFY(!editor.completer()->popup()->isVisible());
    }

    void completesWithoutServer()
    {
        // No data source: the language's own functions still come, and Tab takes one with its parentheses.
        QueryEditor editor(QueryLanguage::PromQL);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QSignalSpy shown(&editor, &QueryEditor::completionsShown);
        QTest::keyClicks(&editor, QStringLiteral("histogram_q"));
        QTRY_VERIFY(popupOffers(editor, QStringLiteral("histogram_quantile")));
        QVERIFY(rowFor(editor, QStringLiteral("histogram_quantile")).contains(u"quantile"));
        QTest::keyClick(editor.completer()->popup(), Qt::Key_Tab);
        QCOMPARE(editor.query(), QStringLiteral("histogram_quantile()"));
        QCOMPARE(editor.textCursor().position(), int(editor.query().size()) - 1);
        QVERIFY(!editor.completer()->popup()->isVisible());
        // Escape closes the popup and leaves the text alone.
        QTest::keyClicks(&editor, QStringLiteral("0.9, su"));
        QTRY_VERIFY(popupOffers(editor, QStringLiteral("sum")));
        QTest::keyClick(editor.completer()->popup(), Qt::Key_Escape);
        QVERIFY(!editor.completer()->popup()->isVisible());
        QCOMPARE(editor.query(), QStringLiteral("histogram_quantile(0.9, su)"));
        QVERIFY(shown.size() >= 2);
    }

    void completesFromPrometheus()
    {
        const QUrl url(test::prometheusUrl());
        QVERIFY2(url.isValid() && !url.isEmpty(), test::NoPrometheusMessage);
        useSource(net::BackendKind::Prometheus, url);
        PrometheusCompletionSource source(*m_context);
        QVERIFY(source.profile());
        QueryEditor editor(QueryLanguage::PromQL);
        editor.setCompletionSource(&source);
        editor.resize(700, 120);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));

        // Prometheus scrapes itself every second: its own metrics come with type and HELP from /api/v1/metadata.
        const QString metric = QStringLiteral("prometheus_http_requests_total");
        QTest::keyClicks(&editor, QStringLiteral("rate(prometheus_http_req"));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (popupOffers(editor, metric))
                    return true;
                // Not scraped yet when the test began: ask again (the failed or empty answer is not kept long).
                source.clearCache();
                editor.showCompletions();
                return false;
            }(),
            WaitMs);
        const QString row = rowFor(editor, metric);
        QVERIFY2(row.startsWith(metric + QStringLiteral("|counter|")), qPrintable(row));
        QVERIFY2(row.section(u'|', 2).contains(QStringLiteral("HTTP requests")), qPrintable(row));
        QVERIFY(source.error().isEmpty());

        // Enter takes the highlighted candidate (the first match is selected).
        editor.completer()->popup()->setCurrentIndex(editor.completer()->completionModel()->index(
            int(shownCompletions(editor).indexOf(rowFor(editor, metric))), 0));
        QTest::keyClick(editor.completer()->popup(), Qt::Key_Return);
        QCOMPARE(editor.query(), QStringLiteral("rate(") + metric);

        // Label names for the selector, then values of `code` for that metric.
        QTest::keyClicks(&editor, QStringLiteral("{"));
        QTRY_VERIFY_WITH_TIMEOUT(popupOffers(editor, QStringLiteral("code")), WaitMs);
        QVERIFY(!popupOffers(editor, QStringLiteral("__name__")));
        QTest::keyClicks(&editor, QStringLiteral("code=\""));
        QTRY_VERIFY_WITH_TIMEOUT(popupOffers(editor, QStringLiteral("200")), WaitMs);
        QTest::keyClick(editor.completer()->popup(), Qt::Key_Tab);
        QCOMPARE(editor.query(), QStringLiteral("rate(") + metric + QStringLiteral("{code=\"200\""));
    }

    void completesFromLoki()
    {
        test::FakeLoki loki;
        QVERIFY(loki.listen());
        const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
        const test::FakeLoki::Labels checkoutProd { { QStringLiteral("app"), QStringLiteral("checkout") },
            { QStringLiteral("env"), QStringLiteral("prod") } };
        const test::FakeLoki::Labels checkoutStaging { { QStringLiteral("app"), QStringLiteral("checkout") },
            { QStringLiteral("env"), QStringLiteral("staging") } };
        const test::FakeLoki::Labels cart { { QStringLiteral("app"), QStringLiteral("cart") },
            { QStringLiteral("env"), QStringLiteral("qa") } };
        loki.add(checkoutProd, now - 60'000'000'000, R"({"level":"error","msg":"payment failed","order_id":"17"})");
        loki.add(checkoutProd, now - 50'000'000'000, R"({"level":"info","msg":"paid","order_id":"18"})");
        loki.add(checkoutStaging, now - 40'000'000'000, R"({"level":"warn","msg":"slow"})");
        loki.add(cart, now - 30'000'000'000, "level=info msg=added");
        useSource(net::BackendKind::Loki, QUrl(loki.url()));
        LokiCompletionSource source(*m_context);
        QueryEditor editor(QueryLanguage::LogQL);
        editor.setCompletionSource(&source);
        editor.resize(700, 120);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));

        // Label names, then the values of `app`.
        QTest::keyClicks(&editor, QStringLiteral("{"));
        QTRY_VERIFY_WITH_TIMEOUT(popupOffers(editor, QStringLiteral("env")), WaitMs);
        QTest::keyClicks(&editor, QStringLiteral("app=\""));
        QTRY_VERIFY_WITH_TIMEOUT(popupOffers(editor, QStringLiteral("checkout")), WaitMs);
        QVERIFY(popupOffers(editor, QStringLiteral("cart")));
        QTest::keyClicks(&editor, QStringLiteral("che"));
        QTRY_VERIFY(!popupOffers(editor, QStringLiteral("cart")));
        QTest::keyClick(editor.completer()->popup(), Qt::Key_Tab);
        QCOMPARE(editor.query(), QStringLiteral("{app=\"checkout\""));

        // Values of `env` only among the streams of app="checkout".
        QTest::keyClicks(&editor, QStringLiteral(", env=\""));
        QTRY_VERIFY_WITH_TIMEOUT(popupOffers(editor, QStringLiteral("prod")), WaitMs);
        QVERIFY(popupOffers(editor, QStringLiteral("staging")));
        QVERIFY(!popupOffers(editor, QStringLiteral("qa")));
        QTest::keyClick(editor.completer()->popup(), Qt::Key_Escape);

        // Fields a parser extracts, found by running the selector with it.
        editor.setQuery(QStringLiteral("{app=\"checkout\"} | json | "));
        editor.showCompletions();
        QTRY_VERIFY_WITH_TIMEOUT(popupOffers(editor, QStringLiteral("order_id")), WaitMs);
        QVERIFY(rowFor(editor, QStringLiteral("order_id")).contains(u"|parsed field|")
            || rowFor(editor, QStringLiteral("order_id")).contains(u"|stream label|"));
        QVERIFY(popupOffers(editor, QStringLiteral("level")));
        QVERIFY(popupOffers(editor, QStringLiteral("line_format"))); // a new stage: keywords too
        QVERIFY(!popupOffers(editor, QStringLiteral("__error__")));
        QTest::keyClicks(&editor, QStringLiteral("level=\""));
        QTRY_VERIFY_WITH_TIMEOUT(popupOffers(editor, QStringLiteral("error")), WaitMs);
        QVERIFY(popupOffers(editor, QStringLiteral("warn")));
    }

    void historyListsRecordedQueries()
    {
        journal::JournalService& service = m_context->journal();
        QSignalSpy opened(&service, &journal::JournalService::opened);
        service.open(m_dir.filePath(QStringLiteral("journal%1.sqlite").arg(m_run)), QStringLiteral("test-device"));
        QVERIFY(opened.wait(WaitMs));

        QueryHistoryButton button(service, QStringLiteral("promql"));
        QueryHistoryButton logs(service, QStringLiteral("logql"));
        button.show();
        QSignalSpy recorded(&button, &QueryHistoryButton::recorded);
        button.record(QStringLiteral("up"));
        button.record(QStringLiteral("rate(http_requests_total[5m])"));
        button.record(QStringLiteral("up"));
        button.record(QStringLiteral("   ")); // blank: not kept
        logs.record(QStringLiteral("{app=\"x\"}"));
        QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 3, WaitMs);
        for (const auto& args : recorded)
            QVERIFY2(args.at(1).toString().isEmpty(), qPrintable(args.at(1).toString()));

        QSignalSpy loaded(&button, &QueryHistoryButton::historyLoaded);
        QTest::mouseClick(&button, Qt::LeftButton);
        QVERIFY(button.popup()->isVisible());
        QVERIFY(loaded.wait(WaitMs));
        QTreeWidget* list = button.list();
        QCOMPARE(list->topLevelItemCount(), 2); // promql only, each query once
        QStringList queries;
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            queries << list->topLevelItem(i)->toolTip(1);
        QVERIFY(queries.contains(QStringLiteral("up")));
        QVERIFY(queries.contains(QStringLiteral("rate(http_requests_total[5m])")));
        const int upRow = int(queries.indexOf(QStringLiteral("up")));
        QVERIFY(list->topLevelItem(upRow)->text(2).startsWith(QStringLiteral("2 ")));

        // Starring the rate query brings it to the top.
        const int rateRow = 1 - upRow;
        loaded.clear();
        Q_EMIT list->itemClicked(list->topLevelItem(rateRow), 0);
        QVERIFY(loaded.wait(WaitMs));
        QCOMPARE(list->topLevelItem(0)->toolTip(1), QStringLiteral("rate(http_requests_total[5m])"));
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("\u2605"));

        // The search box narrows the list.
        loaded.clear();
        QTest::keyClicks(button.searchBox(), QStringLiteral("RATE"));
        QVERIFY(loaded.wait(WaitMs));
        QCOMPARE(list->topLevelItemCount(), 1);

        // Picking a query hands it over and closes the popup.
        QSignalSpy selected(&button, &QueryHistoryButton::querySelected);
        Q_EMIT list->itemClicked(list->topLevelItem(0), 1);
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().at(0).toString(), QStringLiteral("rate(http_requests_total[5m])"));
        QVERIFY(!button.popup()->isVisible());
    }

    void historyWithoutJournal()
    {
        // Not open: the popup says so instead of failing silently.
        QueryHistoryButton button(m_context->journal(), QStringLiteral("promql"));
        QSignalSpy loaded(&button, &QueryHistoryButton::historyLoaded);
        button.showHistory();
        QVERIFY(loaded.wait(WaitMs));
        QCOMPARE(button.list()->topLevelItemCount(), 0);
        QVERIFY(!button.findChild<QLabel*>(QStringLiteral("queryHistoryStatus"))->text().isEmpty());
    }
};

QTEST_MAIN(TestQueryEditor)
#include "tst_queryeditor.moc"
