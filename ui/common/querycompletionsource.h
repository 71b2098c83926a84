#pragma once

#include "analysis/querysyntax.h"
#include "net/connectionprofile.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <optional>

namespace firebreak {
class AppContext;
}

namespace firebreak::ui {

/// One candidate in the completion popup.
struct CompletionItem
{
    enum class Kind
    {
        Metric,
        Function,
        Keyword,
        Label,
        Value,
        Field
    };
    Kind kind = Kind::Metric;
    QString text; ///< what is inserted (a label value unquoted; the editor quotes it)
    QString detail; ///< short, right of the name: "counter", "function", "parsed field"
    QString help; ///< a sentence: a metric's HELP, a function's description
};

/// Where the query editor gets its candidates: names from the server, cached per data source, fetched
/// asynchronously so typing never waits. Subclasses know one backend.
class QueryCompletionSource : public QObject
{
    Q_OBJECT
public:
    using Deliver = std::function<void(const QList<CompletionItem>& items)>;

    QueryCompletionSource(AppContext& context, net::BackendKind kind, QObject* parent = nullptr);
    ~QueryCompletionSource() override;

    virtual analysis::QueryLanguage language() const = 0;

    /// Every candidate for `completion` (not filtered by its prefix: the editor filters as the user types).
    /// `deliver` runs once on the GUI thread, right away when the answer is cached, and never after `receiver` is
    /// gone. When the server fails, it gets what is known without it (functions, keywords) and error() says why.
    virtual void complete(const analysis::CompletionContext& completion, QObject* receiver, Deliver deliver) = 0;

    /// The data source asked: the one with this id; by default (empty) the first of the backend's kind.
    void setProfileId(const QString& id);
    QString profileId() const { return m_profileId; }
    /// The profile in use, if there is one.
    std::optional<net::ConnectionProfile> profile() const;
    /// The last failure of a server request, empty after a success.
    QString error() const { return m_error; }
    /// Forgets everything fetched (the next completion asks the server again).
    void clearCache();

Q_SIGNALS:
    /// A server request failed; the message names the server.
    void failed(const QString& message);

protected:
    /// A value fetched once per key, shared by every caller that asks while it is on its way.
    struct Pending
    {
        bool done = false;
        QDateTime fetchedAt;
        QList<CompletionItem> items;
        QList<std::pair<QPointer<QObject>, Deliver>> waiting;
    };

    /// Runs `deliver` with the cached answer for `key` (fresh for five minutes), else queues it and calls `fetch`
    /// once, which must eventually call finish(key, …).
    void cached(const QString& key, QObject* receiver, Deliver deliver, const std::function<void()>& fetch);
    void finish(const QString& key, const QList<CompletionItem>& items, const QString& error = {});
    /// finish() with a server's list of label names or values (either backend): on `error`, the error; else an
    /// item per name, internal labels (`__name__` …) left out of label lists.
    void finishNames(const QString& key, const std::optional<QStringList>& names, const QString& error,
        CompletionItem::Kind kind, const QString& detail);
    /// A cached answer (done and fresh), without fetching.
    const QList<CompletionItem>* peek(const QString& key) const;
    /// The key prefix of the profile in use, so switching sources never mixes answers.
    QString profileKey() const;

    AppContext& m_context;

private:
    net::BackendKind m_kind;
    QString m_profileId;
    QString m_error;
    QHash<QString, std::shared_ptr<Pending>> m_cache;
};

/// Completion for PromQL from one Prometheus: metric names (`__name__` values) with type and HELP from
/// /api/v1/metadata, functions, label names and values scoped by the selector being edited.
class PrometheusCompletionSource final : public QueryCompletionSource
{
    Q_OBJECT
public:
    PrometheusCompletionSource(AppContext& context, QObject* parent = nullptr);

    analysis::QueryLanguage language() const override { return analysis::QueryLanguage::PromQL; }
    void complete(const analysis::CompletionContext& completion, QObject* receiver, Deliver deliver) override;

private:
    void metricNames(QObject* receiver, Deliver deliver);
    void labelNames(const QString& selector, QObject* receiver, Deliver deliver);
    void labelValues(const QString& label, const QString& selector, QObject* receiver, Deliver deliver);
};

/// Completion for LogQL from one Loki: stream labels and values scoped by the selector, functions, pipeline
/// stages, and the fields a parser extracts (found by running the selector with the parser on ~50 lines).
class LokiCompletionSource final : public QueryCompletionSource
{
    Q_OBJECT
public:
    LokiCompletionSource(AppContext& context, QObject* parent = nullptr);

    analysis::QueryLanguage language() const override { return analysis::QueryLanguage::LogQL; }
    void complete(const analysis::CompletionContext& completion, QObject* receiver, Deliver deliver) override;

    /// Lines read to find parsed fields.
    static constexpr int SampleLines = 50;

private:
    void labelNames(QObject* receiver, Deliver deliver);
    void labelValues(const QString& label, const QString& selector, QObject* receiver, Deliver deliver);
    /// Fields (and their values, keyed "field\x1fvalue") of a sample of `pipeline`'s lines.
    void sample(const QString& pipeline, QObject* receiver, Deliver deliver);
};

} // namespace firebreak::ui
