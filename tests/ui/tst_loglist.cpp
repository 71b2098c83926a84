// The Logs workspace's list on its own: LogListModel (segments, batched inserts, the bound, filtered rows,
// compaction), LogPipeline (levels, filter, dedup and appends on workers, in order), LogLineDelegate (painting,
// trace-link geometry) and LogDetailsPane (fields, copy as JSON, context from FakeLoki).

#include "analysis/loglevel.h"
#include "analysis/traceidfinder.h"
#include "fakeloki.h"
#include "logs/logdetailspane.h"
#include "logs/loglinedelegate.h"
#include "logs/loglistmodel.h"
#include "logs/logpipeline.h"
#include "net/httpclient.h"
#include "testutils.h"

#include <QAbstractItemModelTester>
#include <QImage>
#include <QJsonObject>
#include <QListView>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace firebreak;
using namespace firebreak::ui;

namespace {

constexpr int WaitMs = 15000;

LogBatch makeBatch(const QList<QByteArray>& texts, qint64 firstNs = 1000, const QString& level = QStringLiteral("info"))
{
    LogBatch batch;
    const qint32 stream
        = batch.addStream({ { QStringLiteral("app"), QStringLiteral("test") }, { QStringLiteral("level"), level } });
    for (qsizetype i = 0; i < texts.size(); ++i)
        batch.append(firstNs + i, stream, texts.at(i));
    return batch;
}

std::shared_ptr<const LogLevels> levelsOf(const LogBatch& batch)
{
    return std::make_shared<const LogLevels>(analysis::detectLevels(batch));
}

QStringList texts(const LogListModel& model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row).data(LogListModel::TextRole).toString();
    return out;
}

} // namespace

class TestLogList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // --- the model and the pipeline on their own ---

    void modelInsertsInBatchesAndDropsTheOldest()
    {
        LogListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const LogBatch first = makeBatch({ "a0", "a1", "a2" });
        model.setLines(std::make_shared<const LogBatch>(first), levelsOf(first));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0).data(LogListModel::TimestampNsRole).toLongLong(), qint64(1000));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QList<QByteArray> many;
        for (int i = 0; i < 500; ++i)
            many << QByteArray("b") + QByteArray::number(i);
        const LogBatch second = makeBatch(many, 2000);
        model.appendLines(std::make_shared<const LogBatch>(second), levelsOf(second));
        QCOMPARE(inserted.count(), 1); // one insert for 500 lines
        QCOMPARE(inserted.at(0).at(1).toInt(), 3);
        QCOMPARE(inserted.at(0).at(2).toInt(), 502);
        QCOMPARE(model.rowCount(), 503);

        model.setMaxLines(100);
        const LogBatch third = makeBatch({ "c0", "c1" }, 3000);
        model.appendLines(std::make_shared<const LogBatch>(third), levelsOf(third));
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(removed.count(), 1); // one removal for the 405 dropped
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.droppedLines(), qint64(405));
        QCOMPARE(model.index(0).data(LogListModel::TextRole).toString(), QStringLiteral("b402"));
        QCOMPARE(model.index(99).data(LogListModel::TextRole).toString(), QStringLiteral("c1"));
        QCOMPARE(model.segmentCount(), 2); // the first segment went whole

        // A filtered view: rows are ids; appends add only the shown lines; compaction changes nothing visible.
        model.setRows({ model.idAt(0), model.idAt(50), model.idAt(99) }, { 1, 4, 1 });
        QCOMPARE(texts(model), QStringList({ QStringLiteral("b402"), QStringLiteral("b452"), QStringLiteral("c1") }));
        QCOMPARE(model.index(1).data(LogListModel::RepeatsRole).toInt(), 4);
        const LogBatch fourth = makeBatch({ "d0", "d1", "d2" }, 4000);
        const std::vector<qint32> shown { 1 };
        model.appendLines(std::make_shared<const LogBatch>(fourth), levelsOf(fourth), &shown);
        QCOMPARE(model.rowCount(), 3); // b402 dropped (bound 100), d1 added
        QCOMPARE(model.index(2).data(LogListModel::TextRole).toString(), QStringLiteral("d1"));
        const QStringList before = texts(model);
        model.replaceSegments(model.snapshot().merged());
        QCOMPARE(model.segmentCount(), 1);
        QCOMPARE(texts(model), before);
        QCOMPARE(model.snapshot().merged().batch->size(), qsizetype(100));
        model.showAllLines();
        QCOMPARE(model.rowCount(), 100);
    }

    void pipelineFiltersDedupsAndKeepsOrder()
    {
        LogListModel model;
        LogPipeline pipeline(model);
        QSignalSpy idle(&pipeline, &LogPipeline::idle);
        pipeline.load(makeBatch(
            { "GET /a took 12 ms", "GET /b took 13 ms", "ERROR db down", "GET /a took 12 ms", "GET /c took 99 ms" }));
        QTRY_VERIFY_WITH_TIMEOUT(!pipeline.isBusy(), WaitMs);
        QCOMPARE(model.rowCount(), 5);

        LogView view;
        view.filter.text = QStringLiteral("get /A");
        pipeline.setView(view);
        QTRY_VERIFY_WITH_TIMEOUT(!pipeline.isBusy(), WaitMs);
        QCOMPARE(
            texts(model), QStringList({ QStringLiteral("GET /a took 12 ms"), QStringLiteral("GET /a took 12 ms") }));

        view.filter.text.clear();
        view.dedup = analysis::DedupMode::Masked;
        pipeline.setView(view);
        QTRY_VERIFY_WITH_TIMEOUT(!pipeline.isBusy(), WaitMs);
        QVERIFY(model.rowCount() < 5);
        int total = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            total += model.index(row).data(LogListModel::RepeatsRole).toInt();
        QCOMPARE(total, 5); // every line counted once

        // Appends while a view is in effect: filtered with it; a broken regex leaves the rows and says why.
        view.dedup = analysis::DedupMode::None;
        view.filter.text = QStringLiteral("ERROR");
        pipeline.setView(view);
        pipeline.append(makeBatch({ "ERROR again", "fine" }, 5000));
        QTRY_VERIFY_WITH_TIMEOUT(!pipeline.isBusy(), WaitMs);
        QCOMPARE(texts(model), QStringList({ QStringLiteral("ERROR db down"), QStringLiteral("ERROR again") }));
        QSignalSpy applied(&pipeline, &LogPipeline::viewApplied);
        view.filter.text = QStringLiteral("(unclosed");
        view.filter.regex = true;
        pipeline.setView(view);
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, WaitMs);
        QVERIFY(!applied.at(0).at(2).toString().isEmpty());
        QCOMPARE(model.rowCount(), 2);
    }

    void delegatePaintsAndPlacesTraceLinks()
    {
        LogListModel model;
        const LogBatch batch
            = makeBatch({ "level=error msg=\"boom\" trace_id=4bf92f3577b34da6a3ce929d0e0e4736 x=1", "no id here",
                            "traceparent 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" },
                1795620849742387522);
        model.setLines(std::make_shared<const LogBatch>(batch), levelsOf(batch));
        LogLineDelegate delegate;
        delegate.setTraceIdFinder(std::make_shared<const analysis::TraceIdFinder>());
        QListView view;
        view.setModel(&model);
        view.setItemDelegate(&delegate);
        view.setUniformItemSizes(true);
        view.resize(1200, 300);
        view.show();
        QCOMPARE(view.visualRect(model.index(1)).height(), delegate.lineHeight());

        const QRect row0 = view.visualRect(model.index(0));
        const auto links = delegate.traceLinks(row0, model.index(0));
        QCOMPARE(links.size(), 1);
        QCOMPARE(links.first().second, QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
        QVERIFY(row0.contains(links.first().first));
        QVERIFY(links.first().first.width() > 100); // 32 characters
        QCOMPARE(delegate.traceLinkAt(row0, model.index(0), links.first().first.center()),
            QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
        QVERIFY(delegate.traceLinks(view.visualRect(model.index(1)), model.index(1)).isEmpty());
        QCOMPARE(delegate.traceLinks(view.visualRect(model.index(2)), model.index(2)).value(0).second,
            QStringLiteral("0af7651916cd43dd8448eb211c80319c"));

        QSignalSpy clicked(&delegate, &LogLineDelegate::traceIdClicked);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, links.first().first.center());
        QCOMPARE(clicked.count(), 1);

        // Times to the nanosecond's millisecond or microsecond, in the chosen zone.
        QCOMPARE(LogLineDelegate::formatTimestamp(
                     1795620849742387522, TimeDisplay::Utc, LogLineDelegate::TimePrecision::Milliseconds),
            QStringLiteral("2026-11-25 15:34:09.742"));
        QCOMPARE(LogLineDelegate::formatTimestamp(
                     1795620849742387522, TimeDisplay::Utc, LogLineDelegate::TimePrecision::Microseconds),
            QStringLiteral("2026-11-25 15:34:09.742387"));

        // Wrapping: a long line takes several rows' height.
        const LogBatch longLine = makeBatch({ QByteArray(2000, 'x') });
        model.setLines(std::make_shared<const LogBatch>(longLine), levelsOf(longLine));
        delegate.setWrap(true);
        QStyleOptionViewItem option;
        option.widget = &view;
        QVERIFY(delegate.sizeHint(option, model.index(0)).height() > 5 * delegate.lineHeight());
        delegate.setWrap(false);
        QCOMPARE(delegate.sizeHint(option, model.index(0)).height(), delegate.lineHeight());
        const QImage image = view.grab().toImage();
        QVERIFY(!image.isNull());
    }

    void detailsPaneShowsFieldsAndContext()
    {
        test::FakeLoki loki;
        QVERIFY(loki.listen());
        QCOMPARE(loki.push(test::readData(QStringLiteral("loki/request-loki-push.json"))), QString());
        net::HttpClient http;
        LogDetailsPane pane(http);
        LogBatch batch;
        const qint32 stream = batch.addStream({ { QStringLiteral("service"), QStringLiteral("checkout") },
            { QStringLiteral("level"), QStringLiteral("warn") }, { QStringLiteral("env"), QStringLiteral("dev") } });
        LogLineExtra extra;
        extra.structuredMetadata.insert(QStringLiteral("traceID"), QStringLiteral("0abc0000000000000000000000000005"));
        batch.append(1795620951742387522, stream,
            "level=warn msg=\"slow cart query\" order_id=ord-1018 trace_id=0abc0000000000000000000000000005 db_ms=305",
            extra);
        pane.setTraceIdFinder(std::make_shared<const analysis::TraceIdFinder>());
        pane.setLine(batch, 0, analysis::LogLevel::Warn);
        auto value = [&pane](const QString& name) {
            const auto items = pane.fieldsTree()->findItems(name, Qt::MatchExactly | Qt::MatchRecursive, 0);
            return items.isEmpty() ? QStringLiteral("<missing>") : items.first()->text(1);
        };
        QCOMPARE(value(QStringLiteral("service")), QStringLiteral("checkout"));
        QCOMPARE(value(QStringLiteral("db_ms")), QStringLiteral("305"));
        QCOMPARE(value(QStringLiteral("msg")), QStringLiteral("slow cart query"));
        QCOMPARE(value(QStringLiteral("traceID")), QStringLiteral("0abc0000000000000000000000000005"));
        QCOMPARE(pane.traceIds(), QStringList({ QStringLiteral("0abc0000000000000000000000000005") }));
        const QJsonObject json = pane.lineJson();
        QCOMPARE(json.value(QStringLiteral("ts_ns")).toString(), QStringLiteral("1795620951742387522"));
        QCOMPARE(
            json.value(QStringLiteral("structured_metadata")).toObject().value(QStringLiteral("traceID")).toString(),
            QStringLiteral("0abc0000000000000000000000000005"));
        QVERIFY(pane.lineText().startsWith(QStringLiteral("level=warn")));

        // Context: the stream {env="dev", level="warn", service="checkout"} holds 6 lines; this is the second.
        net::ConnectionProfile profile;
        profile.id = QStringLiteral("loki");
        profile.name = QStringLiteral("loki-test");
        profile.kind = net::BackendKind::Loki;
        profile.baseUrl = QUrl(loki.url());
        pane.setProfile(profile);
        QSignalSpy loaded(&pane, &LogDetailsPane::contextLoaded);
        pane.setContextLines(3);
        pane.showContext();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, WaitMs);
        QCOMPARE(loaded.at(0).at(0).toString(), QString());
        QCOMPARE(pane.contextModel()->rowCount(), 5); // 1 before, itself, 3 after
        QCOMPARE(pane.contextView()->currentIndex().row(), 1);
        QCOMPARE(pane.contextView()->currentIndex().data(LogListModel::TimestampNsRole).toLongLong(),
            qint64(1795620951742387522));

        // A dead source: the context says why.
        profile.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
        pane.setProfile(profile);
        pane.showContext();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, WaitMs);
        QVERIFY(!loaded.at(1).at(0).toString().isEmpty());
    }
};

QTEST_MAIN(TestLogList)
#include "tst_loglist.moc"
