// The Logs workspace as a user drives it, against FakeLoki in this process (tests/servers/loki, the recorded push
// of 88 lines plus 35 "burst" lines, 15 of them at one nanosecond): run a query, filter, dedup, expand a line and
// its context, click a trace link, page past a truncated result, pin lines, live tail with a bound, a dead
// backend. The list's model, pipeline, delegate and details pane alone: tst_loglist.cpp.

#include "analysis/loglevel.h"
#include "common/appcontext.h"
#include "common/emptystate.h"
#include "common/queryeditor.h"
#include "fakeloki.h"
#include "logs/logdetailspane.h"
#include "logs/loglinedelegate.h"
#include "logs/loglistmodel.h"
#include "logs/logsworkspace.h"
#include "logs/logvolumehistogram.h"
#include "logs/patternsview.h"
#include "net/profilestore.h"
#include "testutils.h"

#include <QComboBox>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <optional>

using namespace firebreak;
using namespace firebreak::ui;

namespace {

constexpr int WaitMs = 15000;
// The recorded push (tests/data/loki/request-loki-push.json): 88 lines of env="dev" between these.
constexpr qint64 StartNs = 1795620619972090840;
constexpr qint64 EndNs = 1795621579972090840;

QStringList texts(const LogListModel& model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row).data(LogListModel::TextRole).toString();
    return out;
}

} // namespace

class TestLogsWorkspace : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<test::FakeLoki> m_loki;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<LogsWorkspace> m_workspace;

    template <typename T> T* child(const char* name) const
    {
        T* found = m_workspace->findChild<T*>(QString::fromLatin1(name));
        if (!found)
            qWarning("no child %s", name);
        return found;
    }

    void addLokiSource(const QString& url, std::chrono::milliseconds timeout = std::chrono::milliseconds(5000))
    {
        net::ConnectionProfile profile = net::ProfileStore::newProfile(net::BackendKind::Loki);
        profile.name = QStringLiteral("loki-test");
        profile.baseUrl = QUrl(url);
        profile.timeout = timeout;
        QVERIFY(m_context->saveProfiles({ profile }));
    }

    /// Runs `logql` over the fixture's range and waits for the lines (or the error) to reach the list.
    void runAndWait(const QString& logql)
    {
        QSignalSpy finished(m_workspace.get(), &LogsWorkspace::queryFinished);
        m_workspace->runQuery(logql);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, WaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!m_workspace->isBusy(), WaitMs);
    }

    QSet<QByteArray> identities() const
    {
        QSet<QByteArray> out;
        const LogListModel& model = *m_workspace->model();
        for (int row = 0; row < model.rowCount(); ++row) {
            const LogLineRef ref = model.lineAt(row);
            out.insert(ref.batch->identity(*ref.line));
        }
        return out;
    }

    int rowWithText(const QString& part) const
    {
        const LogListModel& model = *m_workspace->model();
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row).data(LogListModel::TextRole).toString().contains(part))
                return row;
        }
        return -1;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_loki.emplace();
        QVERIFY(m_loki->listen());
        m_loki->setMaxEntriesPerQuery(20);
        QCOMPARE(m_loki->push(test::readData(QStringLiteral("loki/request-loki-push.json"))), QString());
        QCOMPARE(m_loki->push(test::readData(QStringLiteral("loki/fake-loki-same-nanosecond.json"))), QString());
        m_context = std::make_unique<AppContext>(
            m_dir.filePath(QStringLiteral("settings.ini")), m_dir.filePath(QStringLiteral("secrets.json")));
        m_context->timeRange().setAbsolute({ StartNs / 1'000'000 - 1000, EndNs / 1'000'000 + 1000 });
        m_context->timeRange().setDisplay(TimeDisplay::Utc);
        m_workspace = std::make_unique<LogsWorkspace>(*m_context);
        m_workspace->resize(1400, 900);
        m_workspace->show();
    }

    void cleanup()
    {
        m_workspace.reset();
        m_context.reset();
        m_loki.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("settings.ini")));
    }

    void withoutALokiSourceShowsTheEmptyState()
    {
        auto* stack = m_workspace->findChild<QStackedWidget*>();
        QVERIFY(stack);
        auto* empty = child<EmptyState>("logsEmptyState");
        QCOMPARE(stack->currentWidget(), empty);
        QSignalSpy add(m_workspace.get(), &LogsWorkspace::addSourceRequested);
        QTest::mouseClick(empty->findChild<QPushButton*>(QStringLiteral("emptyStateAction")), Qt::LeftButton);
        QCOMPARE(add.count(), 1);
        addLokiSource(m_loki->url());
        QTRY_VERIFY(stack->currentWidget() != empty);
    }

    void runsAQueryAndShowsItsLines()
    {
        addLokiSource(m_loki->url());
        runAndWait(QStringLiteral(R"({env="dev"})"));
        QVERIFY2(m_workspace->errorText().isEmpty(), qPrintable(m_workspace->errorText()));
        const LogListModel& model = *m_workspace->model();
        QCOMPARE(model.rowCount(), 88); // past the server's 20 per query: paged
        QVERIFY(m_workspace->truncationText().isEmpty());
        // Newest first, nanoseconds exact.
        const qint64 first = model.index(0).data(LogListModel::TimestampNsRole).toLongLong();
        const qint64 last = model.index(87).data(LogListModel::TimestampNsRole).toLongLong();
        QVERIFY(first > last);
        QCOMPARE(last, qint64(1795620849542387522));
        QCOMPARE(identities().size(), 88);
        // Levels from the stream label.
        const int error = rowWithText(QStringLiteral("payment failed"));
        QVERIFY(error >= 0);
        QCOMPARE(model.index(error).data(LogListModel::LevelRole).toInt(), int(analysis::LogLevel::Error));
        QVERIFY2(m_workspace->statsText().contains(QStringLiteral("88 lines")), qPrintable(m_workspace->statsText()));

        // Oldest first asks again.
        QSignalSpy finished(m_workspace.get(), &LogsWorkspace::queryFinished);
        child<QComboBox>("logsDirection")->setCurrentIndex(1);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1 && !m_workspace->isBusy(), WaitMs);
        QCOMPARE(model.index(0).data(LogListModel::TimestampNsRole).toLongLong(), qint64(1795620849542387522));
        const QImage image = m_workspace->grab().toImage();
        QVERIFY(!image.isNull());
    }

    void filterBoxReducesTheRows()
    {
        addLokiSource(m_loki->url());
        runAndWait(QStringLiteral(R"({env="dev"})"));
        const LogListModel& model = *m_workspace->model();
        QTest::keyClicks(child<QLineEdit>("logsFilter"), QStringLiteral("PAYMENT failed"));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 11, WaitMs); // case-insensitive substring
        for (const QString& text : texts(model))
            QVERIFY(text.contains(QStringLiteral("payment failed")));
        QVERIFY2(m_workspace->statsText().contains(QStringLiteral("88 lines, 11 shown")),
            qPrintable(m_workspace->statsText()));

        child<QToolButton>("logsFilterCase")->click(); // "PAYMENT" no longer matches
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, WaitMs);
        child<QLineEdit>("logsFilter")->clear();
        child<QToolButton>("logsFilterCase")->click();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 88, WaitMs);

        // Levels: hide info → warn and error lines only (6 + 11 + 11).
        child<QToolButton>("logsLevel_info")->click();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 28, WaitMs);
        child<QToolButton>("logsLevel_info")->click();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 88, WaitMs);

        // Regex.
        child<QToolButton>("logsFilterRegex")->click();
        QTest::keyClicks(child<QLineEdit>("logsFilter"), QStringLiteral("status=50[0-9]"));
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0 && model.rowCount() < 88, WaitMs);
        for (const QString& text : texts(model))
            QVERIFY2(text.contains(QStringLiteral("status=50")), qPrintable(text));

        // Dedup with numbers and ids masked: the 11 "payment failed" lines differ only in ids.
        child<QLineEdit>("logsFilter")->clear();
        child<QToolButton>("logsFilterRegex")->click();
        QTest::keyClicks(child<QLineEdit>("logsFilter"), QStringLiteral("payment failed"));
        child<QComboBox>("logsDedup")->setCurrentIndex(2);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, WaitMs);
        QCOMPARE(model.index(0).data(LogListModel::RepeatsRole).toInt(), 11);
    }

    void expandingALineShowsItsFields()
    {
        addLokiSource(m_loki->url());
        runAndWait(QStringLiteral(R"({service="payment"})"));
        auto* list = m_workspace->listView();
        QCOMPARE(m_workspace->model()->rowCount(), 11);
        list->setCurrentIndex(m_workspace->model()->index(0));
        LogDetailsPane* details = m_workspace->detailsPane();
        QVERIFY(details->hasLine());
        QTreeWidget* tree = details->fieldsTree();
        auto value = [tree](const QString& name) {
            const auto items = tree->findItems(name, Qt::MatchExactly | Qt::MatchRecursive, 0);
            return items.isEmpty() ? QStringLiteral("<missing>") : items.first()->text(1);
        };
        QCOMPARE(value(QStringLiteral("service")), QStringLiteral("payment")); // a stream label
        QCOMPARE(value(QStringLiteral("msg")), QStringLiteral("gateway timeout")); // a JSON field
        QCOMPARE(value(QStringLiteral("attempt")), QStringLiteral("2"));
        QVERIFY(!details->traceIds().isEmpty());
        const QJsonObject json = details->lineJson();
        QCOMPARE(json.value(QStringLiteral("labels")).toObject().value(QStringLiteral("service")).toString(),
            QStringLiteral("payment"));
        QVERIFY(json.value(QStringLiteral("ts_ns")).toString().startsWith(QStringLiteral("17956")));

        // logfmt fields, and the context: the lines around it in its stream, itself marked.
        runAndWait(QStringLiteral(R"({service="checkout", level="info"})"));
        QCOMPARE(m_workspace->model()->rowCount(), 30);
        list->setCurrentIndex(m_workspace->model()->index(15));
        QCOMPARE(value(QStringLiteral("order_id")).left(4), QStringLiteral("ord-"));
        QSignalSpy context(details, &LogDetailsPane::contextLoaded);
        details->setContextLines(5);
        details->showContext();
        QTRY_COMPARE_WITH_TIMEOUT(context.count(), 1, WaitMs);
        QCOMPARE(context.at(0).at(0).toString(), QString());
        QCOMPARE(details->contextModel()->rowCount(), 11); // 5 before, itself, 5 after
        const QModelIndex self = details->contextView()->currentIndex();
        QCOMPARE(self.row(), 5);
        QCOMPARE(self.data(LogListModel::TextRole).toString(), details->lineText());
    }

    void clickingATraceLinkOpensTheTrace()
    {
        addLokiSource(m_loki->url());
        runAndWait(QStringLiteral(R"({service="checkout", level="error"})"));
        auto* list = m_workspace->listView();
        const QModelIndex index = m_workspace->model()->index(0);
        const QString text = index.data(LogListModel::TextRole).toString();
        const QString expected = text.mid(text.indexOf(QStringLiteral("trace_id=")) + 9, 32);
        list->scrollTo(index);
        const auto links = m_workspace->delegate()->traceLinks(list->visualRect(index), index);
        QCOMPARE(links.size(), 1);
        QCOMPARE(links.first().second, expected);
        QSignalSpy open(m_workspace.get(), &LogsWorkspace::openTraceRequested);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, links.first().first.center());
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.at(0).at(0).toString(), expected);
        // Elsewhere on the row: no link.
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).topLeft() + QPoint(20, 5));
        QCOMPARE(open.count(), 1);
    }

    void theTraceIdPatternIsASetting()
    {
        // Only JSON's "trace_id": "…" counts: logfmt's trace_id=… is no link any more.
        m_context->settings().setTraceIdPattern(QStringLiteral(R"re("trace_id":\s*"([0-9a-f]{32})")re"));
        addLokiSource(m_loki->url());
        runAndWait(QStringLiteral(R"({service=~"checkout|payment", level="error"})"));
        auto* list = m_workspace->listView();
        const int json = rowWithText(QStringLiteral("\"attempt\""));
        const int logfmt = rowWithText(QStringLiteral("payment failed"));
        QVERIFY(json >= 0 && logfmt >= 0);
        const QModelIndex jsonIndex = m_workspace->model()->index(json);
        const QModelIndex logfmtIndex = m_workspace->model()->index(logfmt);
        QCOMPARE(m_workspace->delegate()->traceLinks(list->visualRect(jsonIndex), jsonIndex).size(), 1);
        QCOMPARE(m_workspace->delegate()->traceLinks(list->visualRect(logfmtIndex), logfmtIndex).size(), 0);
        // A pattern that does not compile falls back to the built-in one.
        m_context->settings().setTraceIdPattern(QStringLiteral("(unclosed"));
        runAndWait(QStringLiteral(R"({service=~"checkout|payment", level="error"})"));
        QCOMPARE(m_workspace->delegate()->traceLinks(list->visualRect(logfmtIndex), logfmtIndex).size(), 1);
    }

    void truncationIsSaidAndLoadOlderGetsTheRest_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("total");
        QTest::newRow("88_lines_by_30") << QStringLiteral(R"({env="dev"})") << 30 << 88;
        // 15 lines of two streams share one nanosecond: pages of 16 cut through them.
        QTest::newRow("same_nanosecond_by_16") << QStringLiteral(R"({job="burst"})") << 16 << 35;
    }

    void truncationIsSaidAndLoadOlderGetsTheRest()
    {
        QFETCH(QString, query);
        QFETCH(int, limit);
        QFETCH(int, total);
        addLokiSource(m_loki->url());
        child<QSpinBox>("logsLimit")->setValue(limit);
        runAndWait(query);
        QCOMPARE(m_workspace->model()->rowCount(), limit);
        QVERIFY2(m_workspace->truncationText().contains(QStringLiteral("Loki's limit cut the result"))
                && m_workspace->truncationText().contains(QStringLiteral("older lines exist")),
            qPrintable(m_workspace->truncationText()));
        auto* older = child<QPushButton>("logsLoadOlder");
        int pages = 0;
        while (!m_workspace->truncationText().isEmpty() && pages < 10) {
            QVERIFY(older->isVisible());
            older->click();
            QTRY_VERIFY_WITH_TIMEOUT(!m_workspace->isBusy(), WaitMs);
            ++pages;
        }
        QVERIFY2(m_workspace->errorText().isEmpty(), qPrintable(m_workspace->errorText()));
        QCOMPARE(m_workspace->model()->rowCount(), total);
        QCOMPARE(identities().size(), total); // every line once
        QVERIFY(pages >= (total - limit + limit - 1) / limit);
        // Still newest first across pages.
        const LogListModel& model = *m_workspace->model();
        for (int row = 1; row < model.rowCount(); ++row) {
            QVERIFY(model.index(row - 1).data(LogListModel::TimestampNsRole).toLongLong()
                >= model.index(row).data(LogListModel::TimestampNsRole).toLongLong());
        }
    }

    void oldestFirstPagesToNewerLines()
    {
        addLokiSource(m_loki->url());
        child<QComboBox>("logsDirection")->setCurrentIndex(1);
        child<QSpinBox>("logsLimit")->setValue(25);
        runAndWait(QStringLiteral(R"({env="dev"})"));
        QCOMPARE(m_workspace->model()->rowCount(), 25);
        QVERIFY2(m_workspace->truncationText().contains(QStringLiteral("newer lines exist")),
            qPrintable(m_workspace->truncationText()));
        QVERIFY(!child<QPushButton>("logsLoadOlder")->isVisibleTo(m_workspace.get()));
        auto* newer = child<QPushButton>("logsLoadNewer");
        for (int pages = 0; !m_workspace->truncationText().isEmpty() && pages < 10; ++pages) {
            newer->click();
            QTRY_VERIFY_WITH_TIMEOUT(!m_workspace->isBusy(), WaitMs);
        }
        QCOMPARE(m_workspace->model()->rowCount(), 88);
        QCOMPARE(identities().size(), 88);
        const LogListModel& model = *m_workspace->model();
        for (int row = 1; row < model.rowCount(); ++row) {
            QVERIFY(model.index(row - 1).data(LogListModel::TimestampNsRole).toLongLong()
                <= model.index(row).data(LogListModel::TimestampNsRole).toLongLong());
        }
    }

    void clickingAPatternFiltersByIt()
    {
        addLokiSource(m_loki->url());
        runAndWait(QStringLiteral(R"({env="dev"})"));
        auto* patterns = m_workspace->findChild<PatternsView*>();
        QVERIFY(patterns);
        QTRY_VERIFY_WITH_TIMEOUT(!patterns->isMining() && patterns->patternOfLine(), WaitMs);
        QVERIFY(!patterns->patterns().empty());
        const analysis::LogPattern pattern = patterns->patterns().front();
        QVERIFY(pattern.count < 88);
        Q_EMIT patterns->patternFilterRequested(pattern.id, pattern.pattern);
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->model()->rowCount(), int(pattern.count), WaitMs);
        auto* chip = child<QToolButton>("logsPatternFilter");
        QVERIFY(chip->isVisibleTo(m_workspace.get()));
        chip->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->model()->rowCount(), 88, WaitMs);
    }

    void pinsSelectedLines()
    {
        addLokiSource(m_loki->url());
        runAndWait(QStringLiteral(R"({service="payment"})"));
        auto* list = m_workspace->listView();
        list->selectionModel()->select(m_workspace->model()->index(0), QItemSelectionModel::Select);
        list->selectionModel()->select(m_workspace->model()->index(2), QItemSelectionModel::Select);
        QSignalSpy pinned(m_workspace.get(), &LogsWorkspace::pinToIncidentRequested);
        child<QPushButton>("logsPin")->click();
        QCOMPARE(pinned.count(), 1);
        const auto evidence = pinned.at(0).at(0).value<journal::Evidence>();
        QCOMPARE(evidence.source, QStringLiteral("loki"));
        QCOMPARE(evidence.query, QStringLiteral(R"({service="payment"})"));
        QCOMPARE(evidence.fromMs, m_context->timeRange().range().fromMs);
        const QJsonObject frozen = QJsonDocument::fromJson(evidence.frozenData).object();
        const QJsonArray lines = frozen.value(QStringLiteral("lines")).toArray();
        QCOMPARE(lines.size(), 2);
        const QJsonObject first = lines.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("ts_ns")).toString(),
            QString::number(m_workspace->model()->index(0).data(LogListModel::TimestampNsRole).toLongLong()));
        QCOMPARE(first.value(QStringLiteral("labels")).toObject().value(QStringLiteral("service")).toString(),
            QStringLiteral("payment"));
        QVERIFY(first.value(QStringLiteral("line")).toString().contains(QStringLiteral("gateway timeout")));
    }

    void liveTailAppendsAndDropsTheOldest()
    {
        m_context->qsettings().setValue(LogsWorkspace::tailMaxLinesKey(), 5);
        addLokiSource(m_loki->url());
        m_workspace->queryEditor()->setQuery(QStringLiteral(R"({job="tail"})"));
        child<QToolButton>("logsLive")->click();
        const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
        for (int i = 0; i < 8; ++i)
            m_loki->add({ { QStringLiteral("job"), QStringLiteral("tail") } }, now + i,
                QByteArray("tail line ") + QByteArray::number(i));
        const LogListModel& model = *m_workspace->model();
        QTRY_COMPARE_WITH_TIMEOUT(model.lineCount() + model.droppedLines(), qint64(8), WaitMs);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.droppedLines(), qint64(3));
        // Oldest at the top, newest at the bottom.
        QCOMPARE(texts(model).constFirst(), QStringLiteral("tail line 3"));
        QCOMPARE(texts(model).constLast(), QStringLiteral("tail line 7"));
        QVERIFY2(child<QLabel>("logsTailStatus")->text().contains(QStringLiteral("3 dropped")),
            qPrintable(child<QLabel>("logsTailStatus")->text()));
        child<QToolButton>("logsLive")->click();
    }

    void liveTailFollowsUnlessScrolledUp()
    {
        addLokiSource(m_loki->url());
        m_workspace->queryEditor()->setQuery(QStringLiteral(R"({job="follow"})"));
        child<QToolButton>("logsLive")->click();
        const LogListModel& model = *m_workspace->model();
        QScrollBar* bar = m_workspace->listView()->verticalScrollBar();
        qint64 ns = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
        auto push = [&](int lines) {
            for (int i = 0; i < lines; ++i)
                m_loki->add({ { QStringLiteral("job"), QStringLiteral("follow") } }, ++ns, QByteArray("follow line"));
        };
        push(200);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 200, WaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > 0 && bar->value() == bar->maximum(), WaitMs); // follows

        bar->setValue(10); // the user scrolls up: the view stays there
        QTRY_VERIFY(child<QLabel>("logsTailStatus")->text().contains(QStringLiteral("scrolled up")));
        push(100);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 300, WaitMs);
        QTest::qWait(100); // a scroll to the bottom would be queued right after the insert: it had its turn
        QCOMPARE(bar->value(), 10);

        bar->setValue(bar->maximum()); // back at the bottom: follows again
        push(100);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 400, WaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(bar->value() == bar->maximum(), WaitMs);
        QListView* list = m_workspace->listView();
        QVERIFY(list->viewport()->rect().contains(list->visualRect(model.index(399)))); // the newest line in sight
        child<QToolButton>("logsLive")->click();
    }

    /// The whole workspace with a query's lines, a selected line's details and highlighted matches; saved as
    /// logs-workspace.png in $FIREBREAK_SCREENSHOT_DIR when set (to look at it).
    void rendersTheWholeWorkspace()
    {
        addLokiSource(m_loki->url());
        child<QSpinBox>("logsLimit")->setValue(60);
        runAndWait(QStringLiteral(R"({env="dev"} |= "trace_id")"));
        child<QToolButton>("logsLabels")->click();
        QTest::keyClicks(child<QLineEdit>("logsFilter"), QStringLiteral("failed"));
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->model()->rowCount() < 60 && !m_workspace->isBusy(), WaitMs);
        child<QLineEdit>("logsFilter")->clear();
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->model()->rowCount(), 60, WaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!m_workspace->isBusy(), WaitMs);
        m_workspace->listView()->setCurrentIndex(m_workspace->model()->index(rowWithText(QStringLiteral("gateway"))));
        QVERIFY(m_workspace->detailsPane()->hasLine());
        QVERIFY(!m_workspace->truncationText().isEmpty());
        auto* histogram = child<LogVolumeHistogram>("logsHistogram");
        QTRY_VERIFY_WITH_TIMEOUT(!histogram->isLoading(), WaitMs);
        // The histogram counts on the server: all 88 matching lines, not only the 60 loaded.
        QVERIFY(!histogram->volume().estimated);
        QCOMPARE(histogram->volume().total(), qint64(88));
        const QImage image = m_workspace->grab().toImage();
        QCOMPARE(image.size(), m_workspace->size() * m_workspace->devicePixelRatio());
        const QString dir = qEnvironmentVariable("FIREBREAK_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(image.save(dir + QStringLiteral("/logs-workspace.png")));
    }

    void aDeadBackendGivesAClearErrorWithoutFreezing_data()
    {
        QTest::addColumn<bool>("silent");
        QTest::newRow("connection_refused") << false;
        // Accepts the connection and never answers: the request runs into the profile's timeout.
        QTest::newRow("server_never_answers") << true;
    }

    void aDeadBackendGivesAClearErrorWithoutFreezing()
    {
        QFETCH(bool, silent);
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const quint16 port = server.serverPort();
        QList<QTcpSocket*> held;
        if (silent)
            connect(&server, &QTcpServer::newConnection, this, [&] { held << server.nextPendingConnection(); });
        else
            server.close();
        addLokiSource(QStringLiteral("http://127.0.0.1:%1").arg(port), std::chrono::milliseconds(800));
        // The GUI thread keeps turning while the request waits and fails: a blocked thread would leave a gap of
        // the timeout (0.8 s, more with retries); a loaded machine leaves far shorter ones.
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0;
        qint64 longestGap = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] {
            longestGap = std::max(longestGap, clock.elapsed() - last);
            last = clock.elapsed();
        });
        ticker.start(20);
        runAndWait(QStringLiteral(R"({env="dev"})"));
        const QString error = m_workspace->errorText();
        QVERIFY2(error.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(error));
        QCOMPARE(m_workspace->model()->rowCount(), 0);
        QVERIFY(!m_workspace->isBusy());
        if (silent)
            QVERIFY2(clock.elapsed() >= 800, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(longestGap < 700, qPrintable(QString::number(longestGap)));
    }
};

QTEST_MAIN(TestLogsWorkspace)
#include "tst_logsworkspace.moc"
