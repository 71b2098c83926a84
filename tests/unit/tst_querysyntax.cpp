#include "analysis/querysyntax.h"

#include <QTest>

using namespace firebreak::analysis;
using Kind = CompletionContext::Kind;

Q_DECLARE_METATYPE(firebreak::analysis::QueryLanguage)
Q_DECLARE_METATYPE(firebreak::analysis::CompletionContext::Kind)

namespace {

const char* kindName(TokenKind kind)
{
    switch (kind) {
    case TokenKind::Metric:
        return "Metric";
    case TokenKind::Function:
        return "Function";
    case TokenKind::Keyword:
        return "Keyword";
    case TokenKind::LabelName:
        return "LabelName";
    case TokenKind::LabelValue:
        return "LabelValue";
    case TokenKind::String:
        return "String";
    case TokenKind::Number:
        return "Number";
    case TokenKind::Duration:
        return "Duration";
    case TokenKind::Operator:
        return "Operator";
    case TokenKind::Bracket:
        return "Bracket";
    case TokenKind::Comment:
        return "Comment";
    case TokenKind::Pipe:
        return "Pipe";
    case TokenKind::Parser:
        return "Parser";
    case TokenKind::Identifier:
        return "Identifier";
    case TokenKind::Invalid:
        return "Invalid";
    }
    return "?";
}

/// "Kind(text)" per token, brackets and operators only as their text, so expectations stay readable.
QString render(QueryLanguage language, const QString& text)
{
    QStringList parts;
    for (const QueryToken& t : tokenizeQuery(language, text)) {
        const QString piece = text.mid(t.start, t.length);
        if (t.kind == TokenKind::Bracket || t.kind == TokenKind::Operator || t.kind == TokenKind::Pipe)
            parts << piece;
        else
            parts << QString::fromLatin1(kindName(t.kind)) + u'(' + piece + (t.unterminated ? u"…)" : u")");
    }
    return parts.join(u' ');
}

/// The text without its § and the position of the §: the cursor.
std::pair<QString, int> withCursor(QString text)
{
    const auto at = int(text.indexOf(u'§'));
    text.remove(at, 1);
    return { text, at };
}

} // namespace

class TestQuerySyntax : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokens_data()
    {
        QTest::addColumn<QueryLanguage>("language");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expected");

        QTest::newRow("promql rate by le")
            << QueryLanguage::PromQL
            << QStringLiteral(
                   "sum by (le) (rate(http_request_duration_seconds_bucket{job=\"api\", code=~\"5..\"}[5m]))")
            << QStringLiteral("Function(sum) Keyword(by) ( LabelName(le) ) ( Function(rate) ( "
                              "Metric(http_request_duration_seconds_bucket) { LabelName(job) = LabelValue(\"api\") , "
                              "LabelName(code) =~ LabelValue(\"5..\") } [ Duration(5m) ] ) )");
        QTest::newRow("promql histogram_quantile")
            << QueryLanguage::PromQL
            << QStringLiteral("histogram_quantile(0.99, sum(rate(x_bucket[5m])) by (le, service)) > bool 0.5")
            << QStringLiteral("Function(histogram_quantile) ( Number(0.99) , Function(sum) ( Function(rate) ( "
                              "Metric(x_bucket) [ Duration(5m) ] ) ) Keyword(by) ( LabelName(le) , "
                              "LabelName(service) ) ) > Keyword(bool) Number(0.5)");
        QTest::newRow("promql offset and @")
            << QueryLanguage::PromQL
            << QStringLiteral("rate(x[5m] offset 1h30m) / rate(x[5m] @ end()) - x @ 1609746000")
            << QStringLiteral("Function(rate) ( Metric(x) [ Duration(5m) ] Keyword(offset) Duration(1h30m) ) / "
                              "Function(rate) ( Metric(x) [ Duration(5m) ] @ Function(end) ( ) ) - Metric(x) @ "
                              "Number(1609746000)");
        QTest::newRow("promql subquery, numbers, recording rule name")
            << QueryLanguage::PromQL << QStringLiteral("max_over_time(job:rate5m[1h:30s]) * 1e3 + 0x1F - Inf")
            << QStringLiteral("Function(max_over_time) ( Metric(job:rate5m) [ Duration(1h) : Duration(30s) ] ) * "
                              "Number(1e3) + Number(0x1F) - Number(Inf)");
        QTest::newRow("promql comment") << QueryLanguage::PromQL << QStringLiteral("up # is it up?\n  == 1")
                                        << QStringLiteral("Metric(up) Comment(# is it up?) == Number(1)");
        QTest::newRow("promql escapes")
            << QueryLanguage::PromQL
            << QStringLiteral("x{path=\"a\\\"b}\", raw=`c\\`} + label_replace(y, \"d\", \"$1\", \"e\", \"(.*)\")")
            << QStringLiteral("Metric(x) { LabelName(path) = LabelValue(\"a\\\"b}\") , LabelName(raw) = "
                              "LabelValue(`c\\`) } + Function(label_replace) ( Metric(y) , String(\"d\") , "
                              "String(\"$1\") , String(\"e\") , String(\"(.*)\") )");
        QTest::newRow("promql unterminated string")
            << QueryLanguage::PromQL << QStringLiteral("up{job=\"api")
            << QStringLiteral("Metric(up) { LabelName(job) = LabelValue(\"api…)");
        QTest::newRow("promql unterminated ends at the line")
            << QueryLanguage::PromQL << QStringLiteral("up{job=\"api\n} + 1")
            << QStringLiteral("Metric(up) { LabelName(job) = LabelValue(\"api…) } + Number(1)");
        QTest::newRow("promql on group_left")
            << QueryLanguage::PromQL << QStringLiteral("a * on (instance) group_left (name) b unless c")
            << QStringLiteral("Metric(a) * Keyword(on) ( LabelName(instance) ) Keyword(group_left) ( LabelName(name) "
                              ") Metric(b) Keyword(unless) Metric(c)");
        QTest::newRow("promql invalid") << QueryLanguage::PromQL << QStringLiteral("up $ 1")
                                        << QStringLiteral("Metric(up) Invalid($) Number(1)");

        QTest::newRow("logql pipeline")
            << QueryLanguage::LogQL
            << QStringLiteral("{app=\"checkout\"} |= \"error\" | json | level=\"error\" | line_format \"{{.msg}}\"")
            << QStringLiteral("{ LabelName(app) = LabelValue(\"checkout\") } |= String(\"error\") | Parser(json) | "
                              "LabelName(level) = LabelValue(\"error\") | Keyword(line_format) String(\"{{.msg}}\")");
        QTest::newRow("logql metric query")
            << QueryLanguage::LogQL << QStringLiteral("sum by (level) (count_over_time({app=\"x\"} | logfmt [1m]))")
            << QStringLiteral("Function(sum) Keyword(by) ( LabelName(level) ) ( Function(count_over_time) ( { "
                              "LabelName(app) = LabelValue(\"x\") } | Parser(logfmt) [ Duration(1m) ] ) )");
        QTest::newRow("logql filters and sizes")
            << QueryLanguage::LogQL
            << QStringLiteral("{a=\"b\"} != \"debug\" |~ `\\d+` | logfmt --strict | size > 20MB and duration >= 1.5s "
                              "or status != \"200\"")
            << QStringLiteral("{ LabelName(a) = LabelValue(\"b\") } != String(\"debug\") |~ String(`\\d+`) | "
                              "Parser(logfmt) Keyword(--strict) | LabelName(size) > Number(20MB) Keyword(and) "
                              "LabelName(duration) >= Duration(1.5s) Keyword(or) LabelName(status) != "
                              "LabelValue(\"200\")");
        QTest::newRow("logql unwrap and comparison after the range")
            << QueryLanguage::LogQL
            << QStringLiteral("quantile_over_time(0.99, {a=\"b\"} | json | unwrap duration(latency) [5m]) != 0")
            << QStringLiteral("Function(quantile_over_time) ( Number(0.99) , { LabelName(a) = LabelValue(\"b\") } | "
                              "Parser(json) | Keyword(unwrap) Function(duration) ( LabelName(latency) ) [ "
                              "Duration(5m) ] ) != Number(0)");
        QTest::newRow("logql comment")
            << QueryLanguage::LogQL << QStringLiteral("{a=\"b\"} # only b\n|= \"x\"")
            << QStringLiteral("{ LabelName(a) = LabelValue(\"b\") } Comment(# only b) |= String(\"x\")");
    }

    void tokens()
    {
        QFETCH(QueryLanguage, language);
        QFETCH(QString, query);
        QFETCH(QString, expected);
        QCOMPARE(render(language, query), expected);
    }

    void tokensCoverEverythingButSpace()
    {
        const QString query = QStringLiteral(
            "sum by (level) (count_over_time({app=\"x\", env=~\"prod|stg\"} |= \"a\" | json | x > 1 [1m])) / 2");
        const QList<QueryToken> tokens = tokenizeQuery(QueryLanguage::LogQL, query);
        qsizetype at = 0;
        for (const QueryToken& t : tokens) {
            QVERIFY(t.length > 0);
            QVERIFY(t.start >= at);
            for (qsizetype i = at; i < t.start; ++i)
                QVERIFY(query.at(i).isSpace());
            at = t.end();
        }
        QCOMPARE(at, query.size());
        // Depth: the selector's contents are one level inside count_over_time's parenthesis.
        const auto brace = std::find_if(
            tokens.begin(), tokens.end(), [&](const QueryToken& t) { return query.at(t.start) == u'{'; });
        QCOMPARE(brace->depth, 2);
        QCOMPARE((brace + 1)->depth, 3);
    }

    void completion_data()
    {
        QTest::addColumn<QueryLanguage>("language");
        QTest::addColumn<QString>("query");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("pipeline");

        const auto P = QueryLanguage::PromQL;
        const auto L = QueryLanguage::LogQL;
        const QString none;
        QTest::newRow("empty") << P << QStringLiteral("§") << Kind::MetricName << none << none << none << none << none;
        QTest::newRow("metric in rate") << P << QStringLiteral("rate(http_req§") << Kind::MetricName
                                        << QStringLiteral("http_req") << none << none << none << none;
        QTest::newRow("after a binary keyword")
            << P << QStringLiteral("up and §") << Kind::MetricName << none << none << none << none << none;
        QTest::newRow("second argument") << P << QStringLiteral("histogram_quantile(0.99, §") << Kind::MetricName
                                         << none << none << none << none << none;
        QTest::newRow("after a metric") << P << QStringLiteral("up §") << Kind::None << none << none << none << none
                                        << none;
        QTest::newRow("in a range") << P << QStringLiteral("rate(x[5§") << Kind::None << none << none << none << none
                                    << none;
        QTest::newRow("in a comment") << P << QStringLiteral("up # comm§") << Kind::None << none << none << none << none
                                      << none;
        QTest::newRow("after offset") << P << QStringLiteral("x offset §") << Kind::None << none << none << none << none
                                      << none;
        QTest::newRow("label name") << P << QStringLiteral("http_requests_total{§}") << Kind::LabelName << none
                                    << QStringLiteral("http_requests_total") << QStringLiteral("http_requests_total")
                                    << none << none;
        QTest::newRow("second label name")
            << P << QStringLiteral("http_requests_total{job=\"api\", co§}") << Kind::LabelName << QStringLiteral("co")
            << QStringLiteral("http_requests_total") << QStringLiteral("http_requests_total{job=\"api\"}") << none
            << none;
        QTest::newRow("label value in quotes")
            << P << QStringLiteral("http_requests_total{job=\"a§\"}") << Kind::LabelValue << QStringLiteral("a")
            << QStringLiteral("http_requests_total") << QStringLiteral("http_requests_total") << QStringLiteral("job")
            << none;
        QTest::newRow("label value with other matchers")
            << P << QStringLiteral("up{job=~\"api\", instance!=\"§\"}") << Kind::LabelValue << none
            << QStringLiteral("up") << QStringLiteral("up{job=~\"api\"}") << QStringLiteral("instance") << none;
        QTest::newRow("label value before quotes")
            << P << QStringLiteral("up{job=§}") << Kind::LabelValue << none << QStringLiteral("up")
            << QStringLiteral("up") << QStringLiteral("job") << none;
        QTest::newRow("label value escaped")
            << P << QStringLiteral("up{path=\"a\\\"b§") << Kind::LabelValue << QStringLiteral("a\"b")
            << QStringLiteral("up") << QStringLiteral("up") << QStringLiteral("path") << none;
        QTest::newRow("after a label name")
            << P << QStringLiteral("up{job §}") << Kind::None << none << none << none << none << none;
        QTest::newRow("grouping before the selector")
            << P << QStringLiteral("sum by (j§) (rate(http_requests_total{job=\"api\"}[5m]))") << Kind::LabelName
            << QStringLiteral("j") << QStringLiteral("http_requests_total")
            << QStringLiteral("http_requests_total{job=\"api\"}") << none << none;
        QTest::newRow("grouping after") << P << QStringLiteral("sum(rate(x[5m])) by (le, §)") << Kind::LabelName << none
                                        << QStringLiteral("x") << QStringLiteral("x") << none << none;
        QTest::newRow("after a grouping") << P << QStringLiteral("a * on (x) group_left §") << Kind::MetricName << none
                                          << none << none << none << none;

        QTest::newRow("logql function") << L << QStringLiteral("cou§") << Kind::Function << QStringLiteral("cou")
                                        << none << none << none << none;
        QTest::newRow("logql label name")
            << L << QStringLiteral("{§}") << Kind::LabelName << none << none << none << none << none;
        QTest::newRow("logql second label name")
            << L << QStringLiteral("{app=\"checkout\", §}") << Kind::LabelName << none << none
            << QStringLiteral("{app=\"checkout\"}") << none << none;
        QTest::newRow("logql label value") << L << QStringLiteral("{app=\"§\"}") << Kind::LabelValue << none << none
                                           << none << QStringLiteral("app") << none;
        QTest::newRow("logql label value scoped")
            << L << QStringLiteral("{app=\"checkout\", level=\"e§\"}") << Kind::LabelValue << QStringLiteral("e")
            << none << QStringLiteral("{app=\"checkout\"}") << QStringLiteral("level") << none;
        QTest::newRow("logql stage without parser")
            << L << QStringLiteral("{app=\"checkout\"} | §") << Kind::LabelName << none << none
            << QStringLiteral("{app=\"checkout\"}") << none << none;
        QTest::newRow("logql field after json")
            << L << QStringLiteral("{app=\"checkout\"} | json | §") << Kind::ParsedField << none << none
            << QStringLiteral("{app=\"checkout\"}") << none << QStringLiteral("{app=\"checkout\"} | json");
        QTest::newRow("logql field typed after logfmt")
            << L << QStringLiteral("{app=\"checkout\"} |= \"error\" | logfmt | lev§ | line_format \"x\"")
            << Kind::ParsedField << QStringLiteral("lev") << none << QStringLiteral("{app=\"checkout\"}") << none
            << QStringLiteral("{app=\"checkout\"} |= \"error\" | logfmt");
        QTest::newRow("logql field value") << L << QStringLiteral("{app=\"checkout\"} | json | level=\"§\"")
                                           << Kind::LabelValue << none << none << QStringLiteral("{app=\"checkout\"}")
                                           << QStringLiteral("level") << QStringLiteral("{app=\"checkout\"} | json");
        QTest::newRow("logql unwrap") << L << QStringLiteral("{app=\"x\"} | json | unwrap §") << Kind::ParsedField
                                      << none << none << QStringLiteral("{app=\"x\"}") << none
                                      << QStringLiteral("{app=\"x\"} | json");
        QTest::newRow("logql grouping with parser")
            << L << QStringLiteral("sum by (§) (count_over_time({app=\"x\"} | logfmt [1m]))") << Kind::ParsedField
            << none << none << QStringLiteral("{app=\"x\"}") << none << QStringLiteral("{app=\"x\"} | logfmt");
        QTest::newRow("logql grouping without parser")
            << L << QStringLiteral("sum by (§) (count_over_time({app=\"x\"}[1m]))") << Kind::LabelName << none << none
            << QStringLiteral("{app=\"x\"}") << none << none;
        QTest::newRow("logql line filter string")
            << L << QStringLiteral("{app=\"x\"} |= \"err§\"") << Kind::None << none << none << none << none << none;
        QTest::newRow("logql template") << L << QStringLiteral("{app=\"x\"} | json | line_format \"{{.§") << Kind::None
                                        << none << none << none << none << none;
    }

    void completion()
    {
        QFETCH(QueryLanguage, language);
        QFETCH(QString, query);
        QFETCH(Kind, kind);
        QFETCH(QString, prefix);
        QFETCH(QString, metric);
        QFETCH(QString, selector);
        QFETCH(QString, label);
        QFETCH(QString, pipeline);
        const auto [text, cursor] = withCursor(query);
        const CompletionContext c = completionContextAt(language, text, cursor);
        QCOMPARE(c.kind, kind);
        if (kind == Kind::None)
            return;
        QCOMPARE(c.prefix, prefix);
        QCOMPARE(c.metric, metric);
        QCOMPARE(c.selector, selector);
        QCOMPARE(c.label, label);
        QCOMPARE(c.pipeline, pipeline);
        QVERIFY(c.replaceFrom <= cursor);
        QVERIFY(c.replaceTo >= cursor);
    }

    void completionReplaces()
    {
        // Mid-word: the whole name is replaced.
        {
            const auto [text, cursor] = withCursor(QStringLiteral("rate(http_re§quests_total[5m])"));
            const CompletionContext c = completionContextAt(QueryLanguage::PromQL, text, cursor);
            QCOMPARE(c.kind, Kind::MetricName);
            QCOMPARE(text.mid(c.replaceFrom, c.replaceTo - c.replaceFrom), QStringLiteral("http_requests_total"));
        }
        // A closed value: its text between the quotes.
        {
            const auto [text, cursor] = withCursor(QStringLiteral("up{job=\"a§pi\", x=\"y\"}"));
            const CompletionContext c = completionContextAt(QueryLanguage::PromQL, text, cursor);
            QCOMPARE(c.kind, Kind::LabelValue);
            QCOMPARE(text.mid(c.replaceFrom, c.replaceTo - c.replaceFrom), QStringLiteral("api"));
            QVERIFY(!c.needsClosingQuote);
            QVERIFY(!c.needsQuotes);
            QCOMPARE(c.selector, QStringLiteral("up{x=\"y\"}"));
        }
        // An open value needs its closing quote; no value yet needs both.
        {
            const auto [text, cursor] = withCursor(QStringLiteral("up{job=\"a§"));
            const CompletionContext c = completionContextAt(QueryLanguage::PromQL, text, cursor);
            QVERIFY(c.needsClosingQuote);
            QCOMPARE(c.replaceFrom, 8);
            QCOMPARE(c.replaceTo, 9);
        }
        {
            const auto [text, cursor] = withCursor(QStringLiteral("up{job!~§}"));
            const CompletionContext c = completionContextAt(QueryLanguage::PromQL, text, cursor);
            QCOMPARE(c.kind, Kind::LabelValue);
            QVERIFY(c.needsQuotes);
            QCOMPARE(c.replaceFrom, cursor);
        }
        // A new pipeline stage offers parsers and keywords too.
        {
            const auto [text, cursor] = withCursor(QStringLiteral("{a=\"b\"} | j§"));
            const CompletionContext c = completionContextAt(QueryLanguage::LogQL, text, cursor);
            QVERIFY(c.stageStart);
            QVERIFY(c.inPipeline);
            QCOMPARE(c.prefix, QStringLiteral("j"));
        }
        // Out-of-range cursors are clamped.
        QCOMPARE(completionContextAt(QueryLanguage::PromQL, QStringLiteral("up"), 99).kind, Kind::MetricName);
        QCOMPARE(completionContextAt(QueryLanguage::PromQL, QStringLiteral("up"), -3).kind, Kind::MetricName);
    }

    void brackets()
    {
        const QString q = QStringLiteral("sum(rate(x{a=\"(}\"}[5m])) # (unbalanced in a comment");
        QCOMPARE(matchingBracket(q, 3), int(q.indexOf(u" #")) - 1);
        QCOMPARE(matchingBracket(q, int(q.indexOf(u" #")) - 1), 3);
        QCOMPARE(matchingBracket(q, 8), int(q.indexOf(u']')) + 1);
        QCOMPARE(matchingBracket(q, 10), int(q.indexOf(u"}[")));
        QCOMPARE(matchingBracket(q, int(q.indexOf(u'['))), int(q.indexOf(u']')));
        QCOMPARE(matchingBracket(q, int(q.indexOf(u"(}"))), -1); // inside a string
        QCOMPARE(matchingBracket(q, int(q.lastIndexOf(u'('))), -1); // inside a comment
        QCOMPARE(matchingBracket(q, 0), -1); // not a bracket
        QCOMPARE(matchingBracket(q, -1), -1);
        QCOMPARE(matchingBracket(q, 999), -1);
        QCOMPARE(matchingBracket(QStringLiteral("rate(x[5m]"), 4), -1); // unbalanced
        QCOMPARE(matchingBracket(QStringLiteral("(a))"), 3), -1);
        const QString logql = QStringLiteral("{a=\"b\"} | line_format \"{{.x}}\"");
        QCOMPARE(matchingBracket(logql, 0, QueryLanguage::LogQL), 6);
    }

    void names()
    {
        const QStringList prom = promqlFunctionNames();
        QVERIFY(prom.contains(QStringLiteral("histogram_quantile")));
        QVERIFY(prom.contains(QStringLiteral("sum")));
        QVERIFY(std::is_sorted(prom.begin(), prom.end()));
        QVERIFY(logqlFunctionNames().contains(QStringLiteral("count_over_time")));
        QVERIFY(logqlStageKeywords().contains(QStringLiteral("line_format")));
        QVERIFY(!functionDescription(QueryLanguage::PromQL, QStringLiteral("rate")).isEmpty());
        QVERIFY(functionDescription(QueryLanguage::PromQL, QStringLiteral("nope")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestQuerySyntax)
#include "tst_querysyntax.moc"
