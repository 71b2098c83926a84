// Every parser of Prometheus' HTTP API answers, on the same bytes: any input, valid JSON or not.

#include "backends/prometheus/prometheusparser.h"
#include "fuzzcheck.h"

#include <cmath>
#include <cstdint>

using namespace firebreak;
using namespace firebreak::prometheus;

namespace {

// A value or an error, never both, never neither; an error says what is wrong.
template <typename T> void checkEnvelope(const Parsed<T>& parsed)
{
    FUZZ_CHECK(parsed.ok() != parsed.error.has_value());
    FUZZ_CHECK(!parsed.error || !parsed.error->message.isEmpty());
    FUZZ_CHECK(!parsed.error || parsed.error->kind == ParseError::Kind::Api || parsed.error->errorType.isEmpty());
}

void checkSeries(const Series& series)
{
    FUZZ_CHECK(series.timesMs.size() == series.values.size());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // Not a copy: a parser reading past the end meets the sanitizer, not a terminating zero.
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    const auto query = parseQueryResponse(body);
    checkEnvelope(query);
    if (query.ok()) {
        for (const Series& s : query.value->series)
            checkSeries(s);
        FUZZ_CHECK(query.value->type != ResultType::Scalar || query.value->series.size() == 1);
        FUZZ_CHECK(query.value->type != ResultType::String || query.value->series.empty());
    }
    checkEnvelope(parseStringListResponse(body));
    checkEnvelope(parseSeriesResponse(body));
    checkEnvelope(parseBuildInfoResponse(body));
    checkEnvelope(parseMetadataResponse(body));

    const auto exemplars = parseExemplarsResponse(body);
    checkEnvelope(exemplars);
    if (exemplars.ok()) {
        for (const ExemplarSeries& series : *exemplars.value) {
            for (const Exemplar& e : series.exemplars)
                (void)e.traceId();
        }
    }

    const auto alerts = parseAlertsResponse(body);
    checkEnvelope(alerts);
    if (alerts.ok()) {
        for (const Alert& a : *alerts.value)
            FUZZ_CHECK(!alertStateName(a.state).isEmpty());
    }

    const auto rules = parseRulesResponse(body);
    checkEnvelope(rules);
    if (rules.ok()) {
        for (const RuleGroup& group : *rules.value) {
            FUZZ_CHECK(group.intervalMs >= 0 && group.evaluationSeconds >= 0);
            for (const Rule& r : group.rules) {
                FUZZ_CHECK(!ruleHealthName(r.health).isEmpty());
                FUZZ_CHECK(r.forMs >= 0 && r.keepFiringForMs >= 0 && r.evaluationSeconds >= 0);
                FUZZ_CHECK(r.type == RuleType::Alerting || r.alerts.empty());
            }
        }
    }

    if (const auto error = parseErrorResponse(body)) {
        FUZZ_CHECK(error->kind == ParseError::Kind::Api);
        FUZZ_CHECK(!error->message.isEmpty());
    }

    // The small text parsers, on the same bytes as text.
    const QString text = QString::fromUtf8(body);
    if (const auto value = parseSampleValue(text))
        FUZZ_CHECK(!std::isnan(*value) || text == QLatin1String("NaN"));
    if (const auto ms = parseRfc3339Ms(text)) {
        // Years 0000 to 9999, offsets below a day.
        FUZZ_CHECK(*ms >= -62167219200000 - 86400000 && *ms <= 253402300799999 + 86400000);
    }
    return 0;
}
