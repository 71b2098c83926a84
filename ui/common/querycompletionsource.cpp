#include "querycompletionsource.h"

#include "backends/loki/lokiclient.h"
#include "backends/prometheus/prometheusclient.h"
#include "common/appcontext.h"

#include <QSet>

#include <algorithm>

namespace firebreak::ui {

using analysis::CompletionContext;
using analysis::QueryLanguage;

namespace {

constexpr qint64 FreshForSeconds = 5 * 60;
constexpr qint64 NsPerMs = 1'000'000;

CompletionItem item(CompletionItem::Kind kind, const QString& text, const QString& detail, const QString& help = {})
{
    CompletionItem i;
    i.kind = kind;
    i.text = text;
    i.detail = detail;
    i.help = help;
    return i;
}

QList<CompletionItem> functionItems(QueryLanguage language)
{
    QList<CompletionItem> items;
    const QStringList names
        = language == QueryLanguage::PromQL ? analysis::promqlFunctionNames() : analysis::logqlFunctionNames();
    for (const QString& name : names) {
        items.append(item(CompletionItem::Kind::Function, name, QueryCompletionSource::tr("function"),
            analysis::functionDescription(language, name)));
    }
    return items;
}

QList<CompletionItem> stageItems()
{
    static const QSet<QString> parsers = { QStringLiteral("json"), QStringLiteral("logfmt"), QStringLiteral("pattern"),
        QStringLiteral("regexp"), QStringLiteral("unpack") };
    QList<CompletionItem> items;
    for (const QString& name : analysis::logqlStageKeywords()) {
        items.append(item(CompletionItem::Kind::Keyword, name,
            parsers.contains(name) ? QueryCompletionSource::tr("parser") : QueryCompletionSource::tr("stage"),
            analysis::functionDescription(QueryLanguage::LogQL, name)));
    }
    return items;
}

/// Calls `deliver` with `before` followed by what the server gave.
QueryCompletionSource::Deliver prepend(QList<CompletionItem> before, QueryCompletionSource::Deliver deliver)
{
    return [before = std::move(before), deliver = std::move(deliver)](
               const QList<CompletionItem>& items) { deliver(before + items); };
}

std::pair<qint64, qint64> rangeMs(AppContext& context)
{
    const TimeRange range = context.timeRange().range();
    return { range.fromMs, range.toMs };
}

bool hidden(const QString& label)
{
    // __name__, __error__, __error_details__, __stream_shard__: Loki's and Prometheus' internal labels.
    return label.startsWith(u"__");
}

} // namespace

// ---- QueryCompletionSource ------------------------------------------------------------------------------------

QueryCompletionSource::QueryCompletionSource(AppContext& context, net::BackendKind kind, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_kind(kind)
{ }

QueryCompletionSource::~QueryCompletionSource() = default;

void QueryCompletionSource::setProfileId(const QString& id)
{
    m_profileId = id;
}

std::optional<net::ConnectionProfile> QueryCompletionSource::profile() const
{
    for (const net::ConnectionProfile& p : m_context.profiles()) {
        if (p.kind == m_kind && (m_profileId.isEmpty() || p.id == m_profileId))
            return p;
    }
    return std::nullopt;
}

void QueryCompletionSource::clearCache()
{
    // Callers waiting for an answer still get it: only the finished entries go.
    for (auto it = m_cache.begin(); it != m_cache.end();) {
        if (it.value()->done)
            it = m_cache.erase(it);
        else
            ++it;
    }
}

QString QueryCompletionSource::profileKey() const
{
    const auto p = profile();
    return p ? p->id + u'\x1e' + p->baseUrl.toString() + u'\x1e' : QString();
}

const QList<CompletionItem>* QueryCompletionSource::peek(const QString& key) const
{
    const auto it = m_cache.constFind(profileKey() + key);
    if (it == m_cache.constEnd() || !it.value()->done
        || it.value()->fetchedAt.secsTo(QDateTime::currentDateTimeUtc()) > FreshForSeconds)
        return nullptr;
    return &it.value()->items;
}

void QueryCompletionSource::cached(
    const QString& key, QObject* receiver, Deliver deliver, const std::function<void()>& fetch)
{
    const QString fullKey = profileKey() + key;
    auto it = m_cache.find(fullKey);
    if (it != m_cache.end() && it.value()->done
        && it.value()->fetchedAt.secsTo(QDateTime::currentDateTimeUtc()) <= FreshForSeconds) {
        deliver(it.value()->items);
        return;
    }
    if (it != m_cache.end() && !it.value()->done) {
        it.value()->waiting.append({ QPointer<QObject>(receiver), std::move(deliver) });
        return;
    }
    auto pending = std::make_shared<Pending>();
    pending->waiting.append({ QPointer<QObject>(receiver), std::move(deliver) });
    m_cache.insert(fullKey, pending);
    fetch();
}

void QueryCompletionSource::finish(const QString& key, const QList<CompletionItem>& items, const QString& error)
{
    const QString fullKey = profileKey() + key;
    const auto it = m_cache.find(fullKey);
    if (it == m_cache.end())
        return;
    const std::shared_ptr<Pending> pending = it.value();
    pending->done = true;
    pending->fetchedAt = QDateTime::currentDateTimeUtc();
    pending->items = items;
    m_error = error;
    // A failure is not remembered: the next completion asks again.
    if (!error.isEmpty())
        m_cache.erase(it);
    const auto waiting = std::exchange(pending->waiting, {});
    for (const auto& [receiver, deliver] : waiting) {
        if (receiver)
            deliver(items);
    }
    if (!error.isEmpty())
        Q_EMIT failed(error);
}

void QueryCompletionSource::finishNames(const QString& key, const std::optional<QStringList>& names,
    const QString& error, CompletionItem::Kind kind, const QString& detail)
{
    if (!names) {
        finish(key, {}, error);
        return;
    }
    QList<CompletionItem> items;
    for (const QString& name : *names) {
        if (kind != CompletionItem::Kind::Label || !hidden(name))
            items.append(item(kind, name, detail));
    }
    finish(key, items);
}

// ---- Prometheus -----------------------------------------------------------------------------------------------

PrometheusCompletionSource::PrometheusCompletionSource(AppContext& context, QObject* parent)
    : QueryCompletionSource(context, net::BackendKind::Prometheus, parent)
{ }

void PrometheusCompletionSource::complete(const CompletionContext& completion, QObject* receiver, Deliver deliver)
{
    switch (completion.kind) {
    case CompletionContext::Kind::MetricName:
        metricNames(receiver, prepend(functionItems(QueryLanguage::PromQL), std::move(deliver)));
        return;
    case CompletionContext::Kind::Function:
        deliver(functionItems(QueryLanguage::PromQL));
        return;
    case CompletionContext::Kind::LabelName:
    case CompletionContext::Kind::ParsedField:
        labelNames(completion.selector, receiver, std::move(deliver));
        return;
    case CompletionContext::Kind::LabelValue:
        labelValues(completion.label, completion.selector, receiver, std::move(deliver));
        return;
    case CompletionContext::Kind::None:
        break;
    }
    deliver({});
}

void PrometheusCompletionSource::metricNames(QObject* receiver, Deliver deliver)
{
    const auto p = profile();
    if (!p) {
        deliver({});
        return;
    }
    const QString key = QStringLiteral("metrics");
    cached(key, receiver, std::move(deliver), [this, key, p] {
        // Names and metadata in parallel; the list is made when both have answered.
        struct Join
        {
            std::optional<prometheus::Answer<QStringList>> names;
            std::optional<prometheus::Answer<prometheus::MetadataMap>> metadata;
        };
        auto join = std::make_shared<Join>();
        const QString server = p->name.isEmpty() ? p->baseUrl.toString() : p->name;
        auto complete = [this, key, join] {
            if (!join->names || !join->metadata)
                return;
            if (!join->names->ok()) {
                finish(key, {}, join->names->error ? join->names->error->message : tr("No answer."));
                return;
            }
            const prometheus::MetadataMap metadata
                = join->metadata->ok() ? *join->metadata->value : prometheus::MetadataMap();
            QList<CompletionItem> items;
            items.reserve(join->names->value->size());
            for (const QString& name : *join->names->value) {
                const auto it = metadata.constFind(name);
                if (it != metadata.constEnd() && !it->isEmpty())
                    items.append(item(CompletionItem::Kind::Metric, name, it->first().type, it->first().help));
                else
                    items.append(item(CompletionItem::Kind::Metric, name, tr("metric")));
            }
            finish(key, items);
        };
        prometheus::PrometheusClient client(m_context.http(), *p);
        const auto [from, to] = rangeMs(m_context);
        client.labelValues(
            QStringLiteral("__name__"), {}, from, to, this, [join, complete](prometheus::Answer<QStringList> answer) {
                join->names = std::move(answer);
                complete();
            });
        client.metadata({}, std::nullopt, this, [join, complete](prometheus::Answer<prometheus::MetadataMap> answer) {
            join->metadata = std::move(answer);
            complete();
        });
    });
}

void PrometheusCompletionSource::labelNames(const QString& selector, QObject* receiver, Deliver deliver)
{
    const auto p = profile();
    if (!p) {
        deliver({});
        return;
    }
    const QString key = QStringLiteral("labels\x1f") + selector;
    cached(key, receiver, std::move(deliver), [this, key, p, selector] {
        prometheus::PrometheusClient client(m_context.http(), *p);
        const auto [from, to] = rangeMs(m_context);
        const QStringList matchers = selector.isEmpty() ? QStringList() : QStringList { selector };
        client.labels(matchers, from, to, this, [this, key](prometheus::Answer<QStringList> answer) {
            finishNames(key, answer.value, answer.ok() ? QString() : answer.error->message, CompletionItem::Kind::Label,
                tr("label"));
        });
    });
}

void PrometheusCompletionSource::labelValues(
    const QString& label, const QString& selector, QObject* receiver, Deliver deliver)
{
    const auto p = profile();
    if (!p || label.isEmpty()) {
        deliver({});
        return;
    }
    const QString key = QStringLiteral("values\x1f") + label + u'\x1f' + selector;
    cached(key, receiver, std::move(deliver), [this, key, p, label, selector] {
        prometheus::PrometheusClient client(m_context.http(), *p);
        const auto [from, to] = rangeMs(m_context);
        const QStringList matchers = selector.isEmpty() ? QStringList() : QStringList { selector };
        client.labelValues(label, matchers, from, to, this, [this, key, label](prometheus::Answer<QStringList> answer) {
            finishNames(
                key, answer.value, answer.ok() ? QString() : answer.error->message, CompletionItem::Kind::Value, label);
        });
    });
}

// ---- Loki -----------------------------------------------------------------------------------------------------

LokiCompletionSource::LokiCompletionSource(AppContext& context, QObject* parent)
    : QueryCompletionSource(context, net::BackendKind::Loki, parent)
{ }

void LokiCompletionSource::complete(const CompletionContext& completion, QObject* receiver, Deliver deliver)
{
    const QList<CompletionItem> stages = completion.stageStart ? stageItems() : QList<CompletionItem>();
    switch (completion.kind) {
    case CompletionContext::Kind::MetricName:
    case CompletionContext::Kind::Function:
        deliver(functionItems(QueryLanguage::LogQL));
        return;
    case CompletionContext::Kind::LabelName:
        if (completion.inPipeline) {
            labelNames(receiver, prepend(stages, std::move(deliver)));
            return;
        }
        if (!completion.selector.isEmpty()) {
            // Only the labels of streams the other matchers select.
            sample(completion.selector, receiver, [deliver = std::move(deliver)](const QList<CompletionItem>& items) {
                QList<CompletionItem> labels;
                for (const CompletionItem& i : items) {
                    if (i.kind == CompletionItem::Kind::Label)
                        labels.append(i);
                }
                deliver(labels);
            });
            return;
        }
        labelNames(receiver, std::move(deliver));
        return;
    case CompletionContext::Kind::ParsedField:
        sample(
            completion.pipeline, receiver, [stages, deliver = std::move(deliver)](const QList<CompletionItem>& items) {
                QList<CompletionItem> fields = stages;
                for (const CompletionItem& i : items) {
                    if (i.kind != CompletionItem::Kind::Value)
                        fields.append(i);
                }
                deliver(fields);
            });
        return;
    case CompletionContext::Kind::LabelValue:
        if (completion.inPipeline && !completion.pipeline.isEmpty()) {
            sample(completion.pipeline, receiver,
                [label = completion.label, deliver = std::move(deliver)](const QList<CompletionItem>& items) {
                    QList<CompletionItem> values;
                    for (const CompletionItem& i : items) {
                        if (i.kind == CompletionItem::Kind::Value && i.detail == label)
                            values.append(i);
                    }
                    deliver(values);
                });
            return;
        }
        labelValues(completion.label, completion.selector, receiver, std::move(deliver));
        return;
    case CompletionContext::Kind::None:
        break;
    }
    deliver({});
}

void LokiCompletionSource::labelNames(QObject* receiver, Deliver deliver)
{
    const auto p = profile();
    if (!p) {
        deliver({});
        return;
    }
    const QString key = QStringLiteral("labels");
    cached(key, receiver, std::move(deliver), [this, key, p] {
        loki::LokiClient client(m_context.http(), *p);
        const auto [from, to] = rangeMs(m_context);
        client.labels(from * NsPerMs, to * NsPerMs, this, [this, key](loki::Answer<QStringList> answer) {
            finishNames(key, answer.value, answer.ok() ? QString() : answer.error->message, CompletionItem::Kind::Label,
                tr("stream label"));
        });
    });
}

void LokiCompletionSource::labelValues(
    const QString& label, const QString& selector, QObject* receiver, Deliver deliver)
{
    const auto p = profile();
    if (!p || label.isEmpty()) {
        deliver({});
        return;
    }
    const QString key = QStringLiteral("values\x1f") + label + u'\x1f' + selector;
    cached(key, receiver, std::move(deliver), [this, key, p, label, selector] {
        loki::LokiClient client(m_context.http(), *p);
        const auto [from, to] = rangeMs(m_context);
        client.labelValues(
            label, selector, from * NsPerMs, to * NsPerMs, this, [this, key, label](loki::Answer<QStringList> answer) {
                finishNames(key, answer.value, answer.ok() ? QString() : answer.error->message,
                    CompletionItem::Kind::Value, label);
            });
    });
}

void LokiCompletionSource::sample(const QString& pipeline, QObject* receiver, Deliver deliver)
{
    const auto p = profile();
    if (!p || pipeline.isEmpty()) {
        deliver({});
        return;
    }
    const QString key = QStringLiteral("sample\x1f") + pipeline;
    cached(key, receiver, std::move(deliver), [this, key, p, pipeline] {
        loki::LokiClient client(m_context.http(), *p);
        // Loki 3 then tells parsed labels from stream labels; Loki 2.9 folds them into the stream's labels.
        client.setCategorizeLabels(true);
        const auto [from, to] = rangeMs(m_context);
        loki::RangeQuery query;
        query.expr = pipeline;
        query.startNs = from * NsPerMs;
        query.endNs = to * NsPerMs;
        query.limit = SampleLines;
        query.direction = LogDirection::Backward;
        // Stream label names already known mark the rest as parsed.
        QSet<QString> streamLabels;
        if (const QList<CompletionItem>* known = peek(QStringLiteral("labels"))) {
            for (const CompletionItem& i : *known)
                streamLabels.insert(i.text);
        }
        client.queryRange(query, this, [this, key, streamLabels](loki::Answer<loki::QueryResult> answer) {
            if (!answer.ok()) {
                finish(key, {}, answer.error->message);
                return;
            }
            // name -> parsed?, and the values seen per name (at most 100 each).
            QMap<QString, bool> names;
            QMap<QString, QStringList> values;
            auto add = [&](const LogLabels& labels, bool parsed) {
                for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
                    if (hidden(it.key()))
                        continue;
                    bool& isParsed = names[it.key()];
                    isParsed = isParsed || parsed;
                    QStringList& seen = values[it.key()];
                    if (seen.size() < 100 && !seen.contains(it.value()))
                        seen.append(it.value());
                }
            };
            const LogBatch& logs = answer.value->logs;
            for (const LogLine& line : logs.lines()) {
                add(logs.streamLabels(line.stream), false);
                const LogLineExtra& extra = logs.extra(line);
                add(extra.parsed, true);
                add(extra.structuredMetadata, false);
            }
            QList<CompletionItem> items;
            for (auto it = names.cbegin(); it != names.cend(); ++it) {
                const bool parsed = it.value() || (!streamLabels.isEmpty() && !streamLabels.contains(it.key()));
                items.append(item(parsed ? CompletionItem::Kind::Field : CompletionItem::Kind::Label, it.key(),
                    parsed ? tr("parsed field") : tr("stream label")));
            }
            for (auto it = values.cbegin(); it != values.cend(); ++it) {
                for (const QString& value : it.value())
                    items.append(item(CompletionItem::Kind::Value, value, it.key()));
            }
            finish(key, items);
        });
    });
}

} // namespace firebreak::ui
