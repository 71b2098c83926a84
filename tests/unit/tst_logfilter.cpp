#include "analysis/logfilter.h"

#include <QTest>

#include <thread>

using namespace firebreak;
using namespace firebreak::analysis;

namespace {

LogBatch makeBatch(const QList<QByteArray>& lines)
{
    LogBatch batch;
    const qint32 stream = batch.addStream({ { QStringLiteral("app"), QStringLiteral("shop") } });
    qint64 ns = 1795620849000000000;
    for (const QByteArray& line : lines)
        batch.append(ns++, stream, line);
    return batch;
}

std::vector<qint32> rowsOf(
    const LogBatch& batch, const LogFilterSpec& spec, const std::vector<qint32>* patterns = nullptr)
{
    const LogFilterResult result = filterLines(batch, detectLevels(batch), spec, nullptr, patterns);
    if (!result.error.isEmpty())
        qWarning("%s", qPrintable(result.error));
    return result.rows;
}

LogFilterSpec text(const QString& t, bool regex = false, bool caseSensitive = false)
{
    LogFilterSpec spec;
    spec.text = t;
    spec.regex = regex;
    spec.caseSensitive = caseSensitive;
    return spec;
}

const QList<QByteArray> ShopLines {
    "level=info msg=\"GET /api/cart\" status=200 duration=12ms", // 0
    "level=warn msg=\"slow query\" table=orders duration=1.5s", // 1
    "level=error msg=\"Payment declined\" order=42 trace_id=4bf92f3577b34da6a3ce929d0e0e4736", // 2
    "{\"level\":\"ERROR\",\"message\":\"payment gateway timeout\",\"order\":43}", // 3
    "level=debug msg=\"cache hit\" key=cart:7", // 4
    "Straße gesperrt: STRASSE Zürich ZÜRICH", // 5
    "E1125 10:03:50.742387 1 main.go:42] PAYMENT failed", // 6
};

} // namespace

class TestLogFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void substring()
    {
        const LogBatch batch = makeBatch(ShopLines);
        QCOMPARE(rowsOf(batch, text(QStringLiteral("payment"))), (std::vector<qint32> { 2, 3, 6 }));
        QCOMPARE(rowsOf(batch, text(QStringLiteral("payment"), false, true)), (std::vector<qint32> { 3 }));
        QCOMPARE(rowsOf(batch, text(QStringLiteral("Payment"), false, true)), (std::vector<qint32> { 2 }));
        QCOMPARE(rowsOf(batch, text(QStringLiteral("duration="))), (std::vector<qint32> { 0, 1 }));
        QCOMPARE(rowsOf(batch, text(QStringLiteral("Z"))), (std::vector<qint32> { 5 })); // one letter, both cases
        QCOMPARE(rowsOf(batch, text(QStringLiteral(":"))), (std::vector<qint32> { 3, 4, 5, 6 }));
        QCOMPARE(rowsOf(batch, text(QStringLiteral("nothing like this"))), std::vector<qint32> {});
        QCOMPARE(rowsOf(batch, text({})).size(), std::size_t(7)); // no text: everything
        // Non-ASCII needle, case-insensitive: Unicode simple folding (ü = Ü), no multi-character folds.
        QCOMPARE(rowsOf(batch, text(QStringLiteral("zürich"))), (std::vector<qint32> { 5 }));
        QCOMPARE(rowsOf(batch, text(QStringLiteral("straße"))), (std::vector<qint32> { 5 }));
        QCOMPARE(rowsOf(batch, text(QStringLiteral("STRAßE"))), (std::vector<qint32> { 5 }));
        QCOMPARE(rowsOf(batch, text(QStringLiteral("zürich gesperrt"))), std::vector<qint32> {});
        // Regex metacharacters in a substring are literal.
        QCOMPARE(rowsOf(makeBatch({ "a.c", "abc", "(x)" }), text(QStringLiteral("a.c"))), (std::vector<qint32> { 0 }));
        QCOMPARE(rowsOf(makeBatch({ "a.c", "abc", "(x)" }), text(QStringLiteral("(X)"))), (std::vector<qint32> { 2 }));
    }

    // The vector path compares 16 positions at a time: needles at every offset of lines of every length.
    void substringAtEveryOffset()
    {
        const QByteArray needle = "TimeOut";
        for (int length = 0; length < 70; ++length) {
            for (int at = 0; at + needle.size() <= length; ++at) {
                QByteArray line(length, 'x');
                line.replace(at, needle.size(), needle);
                LineMatcher exact(text(QString::fromLatin1(needle), false, true));
                LineMatcher folded(text(QStringLiteral("timeout")));
                QVERIFY2(exact.matches(line), line.constData());
                QVERIFY2(folded.matches(line), line.constData());
                line[at + needle.size() - 1] = 'T'; // "TimeOuT": the last byte differs from the exact needle
                QVERIFY2(!exact.matches(line), line.constData());
                QVERIFY2(folded.matches(line), line.constData());
                line[at] = 'u';
                QVERIFY2(!folded.matches(line), line.constData());
            }
        }
        // Bytes that fold onto letters with |0x20 only when they are letters: '@' is not '`'.
        QVERIFY(!LineMatcher(text(QStringLiteral("`a"))).matches("x@a........................"));
        QVERIFY(LineMatcher(text(QStringLiteral("@A"))).matches("x@a........................"));
    }

    void regex()
    {
        const LogBatch batch = makeBatch(ShopLines);
        QCOMPARE(rowsOf(batch, text(QStringLiteral("order=4[23]"), true)), (std::vector<qint32> { 2 }));
        QCOMPARE(rowsOf(batch, text(QStringLiteral("\"order\":\\d+"), true)), (std::vector<qint32> { 3 }));
        QCOMPARE(rowsOf(batch, text(QStringLiteral("duration=\\d+(ms|s)"), true)), (std::vector<qint32> { 0 }));
        QCOMPARE(rowsOf(batch, text(QStringLiteral("^level=(warn|error)"), true)), (std::vector<qint32> { 1, 2 }));
        QCOMPARE(rowsOf(batch, text(QStringLiteral("PAYMENT"), true)), (std::vector<qint32> { 2, 3, 6 }));
        QCOMPARE(rowsOf(batch, text(QStringLiteral("PAYMENT"), true, true)), (std::vector<qint32> { 6 }));
        QCOMPARE(rowsOf(batch, text(QStringLiteral("zürich$"), true)), (std::vector<qint32> { 5 }));
        QCOMPARE(rowsOf(batch, text(QStringLiteral("[0-9a-f]{32}"), true)), (std::vector<qint32> { 2 }));

        LogFilterSpec broken = text(QStringLiteral("status=(5"), true);
        const LogFilterResult result = filterLines(batch, {}, broken);
        QVERIFY(result.rows.empty());
        QVERIFY2(result.error.contains(QStringLiteral("missing )")), qPrintable(result.error));
        LineMatcher matcher(broken);
        QVERIFY(!matcher.isValid());
        QVERIFY(!matcher.matches("status=(5"));
        // RE2 has no backreferences (as Loki): refused, not silently wrong.
        QVERIFY(!LineMatcher(text(QStringLiteral("(a)\\1"), true)).isValid());
    }

    // RE2's prefilter skips lines without the literals a regex needs: the answers must be the regex's own.
    void regexPrefilter()
    {
        const LogBatch batch = makeBatch({ "upstream timeout trace_id=1", "connection refused traceid=2",
            "timeout without the other", "trace_id=3 then timeout", "TIMEOUT TRACE_ID", "error x", "ERROR y", "Fatal",
            "FATAL", "ZÜRICH", "MÜNCHEN", "zurich" });
        const QString needsBoth = QStringLiteral("(timeout|refused).*trace_?id");
        QCOMPARE(rowsOf(batch, text(needsBoth, true)), (std::vector<qint32> { 0, 1, 4 }));
        QCOMPARE(rowsOf(batch, text(needsBoth, true, true)), (std::vector<qint32> { 0, 1 }));
        QCOMPARE(rowsOf(batch, text(QStringLiteral("ERROR|FATAL"), true, true)), (std::vector<qint32> { 6, 8 }));
        QCOMPARE(rowsOf(batch, text(QStringLiteral("ERROR|FATAL"), true)), (std::vector<qint32> { 5, 6, 7, 8 }));
        QCOMPARE(rowsOf(batch, text(QStringLiteral("zürich|münchen"), true)), (std::vector<qint32> { 9, 10 }));
        // No literal to require: every line goes to the regex.
        QCOMPARE(rowsOf(batch, text(QStringLiteral("^\\w+ \\w+$"), true)), (std::vector<qint32> { 4, 5, 6 }));
        QCOMPARE(LineMatcher(text(needsBoth, true)).matchRanges(QByteArrayView("a timeout b trace_id c")).size(),
            std::size_t(1));
    }

    void levelsAndPatterns()
    {
        const LogBatch batch = makeBatch(ShopLines);
        LogFilterSpec spec;
        spec.levelMask = logLevelBit(LogLevel::Error) | logLevelBit(LogLevel::Fatal);
        QCOMPARE(rowsOf(batch, spec), (std::vector<qint32> { 2, 3, 6 }));
        spec.levelMask = logLevelBit(LogLevel::Unknown);
        QCOMPARE(rowsOf(batch, spec), (std::vector<qint32> { 5 }));
        spec.levelMask = logLevelBit(LogLevel::Error);
        spec.text = QStringLiteral("gateway");
        QCOMPARE(rowsOf(batch, spec), (std::vector<qint32> { 3 }));
        // Lines beyond the levels given count as Unknown.
        spec = LogFilterSpec();
        spec.levelMask = logLevelBit(LogLevel::Unknown);
        QCOMPARE(
            filterLines(batch, { LogLevel::Info, LogLevel::Info }, spec).rows, (std::vector<qint32> { 2, 3, 4, 5, 6 }));

        const std::vector<qint32> patterns { 0, 1, 1, 2, 0, 3, 1 };
        spec = LogFilterSpec();
        spec.pattern = 1;
        QCOMPARE(rowsOf(batch, spec, &patterns), (std::vector<qint32> { 1, 2, 6 }));
        spec.text = QStringLiteral("payment");
        QCOMPARE(rowsOf(batch, spec, &patterns), (std::vector<qint32> { 2, 6 }));
        const LogFilterResult noPatterns = filterLines(batch, {}, spec);
        QVERIFY(!noPatterns.error.isEmpty());
    }

    // Many chunks on the pool: the rows come back in batch order, exactly the matching ones.
    void parallelAndOrdered()
    {
        LogBatch batch;
        const qint32 stream = batch.addStream({});
        constexpr qint32 Count = 200000;
        for (qint32 i = 0; i < Count; ++i) {
            const QByteArray line = "level=info msg=\"request done\" id=" + QByteArray::number(i)
                + (i % 7 == 0 ? " status=503" : " status=200");
            batch.append(i, stream, line);
        }
        const auto levels = detectLevels(batch);
        for (const bool regex : { false, true }) {
            LogFilterSpec spec = text(regex ? QStringLiteral("status=50\\d") : QStringLiteral("STATUS=503"), regex);
            const LogFilterResult result = filterLines(batch, levels, spec);
            QCOMPARE(qsizetype(result.rows.size()), qsizetype((Count + 6) / 7));
            for (std::size_t k = 0; k < result.rows.size(); ++k)
                QCOMPARE(result.rows[k], qint32(k * 7));
        }
    }

    void cancel()
    {
        LogBatch batch;
        const qint32 stream = batch.addStream({});
        for (qint32 i = 0; i < 50000; ++i)
            batch.append(i, stream, "level=info msg=x");
        std::atomic_bool cancelled { true };
        const LogFilterResult result = filterLines(batch, {}, text(QStringLiteral("x")), &cancelled);
        QVERIFY(result.cancelled);
        QVERIFY(result.rows.empty());
        cancelled = false;
        QCOMPARE(filterLines(batch, {}, text(QStringLiteral("x")), &cancelled).rows.size(), std::size_t(50000));
    }

    void highlightRanges()
    {
        LineMatcher substring(text(QStringLiteral("ab")));
        const auto bytes = substring.matchRanges(QByteArrayView("xABabab"));
        QCOMPARE(bytes.size(), std::size_t(3));
        QCOMPARE(bytes[0], (std::pair<qsizetype, qsizetype>(1, 2)));
        QCOMPARE(bytes[2], (std::pair<qsizetype, qsizetype>(5, 2)));
        // Searching on from every match's end, through the vector blocks and the last one.
        for (int length = 60; length < 100; ++length) {
            QByteArray line(length, '.');
            const std::vector<qsizetype> at { 3, 40, length - 9, length - 2 };
            for (const qsizetype a : at)
                line.replace(a, 2, "Ab");
            const auto found = LineMatcher(text(QStringLiteral("aB"))).matchRanges(QByteArrayView(line));
            QCOMPARE(found.size(), at.size());
            for (std::size_t k = 0; k < at.size(); ++k)
                QCOMPARE(found[k].first, at[k]);
        }
        // Overlapping occurrences are not counted twice.
        QCOMPARE(LineMatcher(text(QStringLiteral("aa"))).matchRanges(QByteArrayView("aaaa")).size(), std::size_t(2));

        // UTF-16 positions: "é" is 2 bytes but 1 unit, "😀" 4 bytes but 2 units.
        LineMatcher regex(text(QStringLiteral("\\d+ms"), true));
        const auto units = regex.matchRanges(QStringView(u"é😀 took 12ms, then 7ms"));
        QCOMPARE(units.size(), 2);
        QCOMPARE(units[0], (QPair<qsizetype, qsizetype>(9, 4)));
        QCOMPARE(units[1], (QPair<qsizetype, qsizetype>(20, 3)));
        // Empty matches are skipped and do not loop forever.
        QVERIFY(LineMatcher(text(QStringLiteral("x*"), true)).matchRanges(QByteArrayView("aé b")).empty());
        QCOMPARE(
            LineMatcher(text(QStringLiteral("x*"), true)).matchRanges(QByteArrayView("axxb")).size(), std::size_t(1));
        QVERIFY(LineMatcher(LogFilterSpec()).matchesEverything());
    }
};

QTEST_GUILESS_MAIN(TestLogFilter)
#include "tst_logfilter.moc"
