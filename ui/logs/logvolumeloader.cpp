#include "logvolumeloader.h"

#include "backends/loki/lokiclient.h"
#include "common/appcontext.h"
#include "logvolumehistogram.h"

#include <QtConcurrent/QtConcurrentRun>

namespace firebreak::ui {

namespace {

constexpr qint64 NsPerMs = 1000000;
constexpr int DefaultBuckets = 100;

} // namespace

LogVolumeLoader::LogVolumeLoader(AppContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
{ }

LogVolumeLoader::~LogVolumeLoader() = default;

void LogVolumeLoader::setHistogram(LogVolumeHistogram* histogram)
{
    m_histogram = histogram;
}

void LogVolumeLoader::load(const QString& profileId, const QString& logql, qint64 fromNs, qint64 toNs, int maxBuckets)
{
    for (const net::ConnectionProfile& profile : m_context.profiles()) {
        if (profile.kind == net::BackendKind::Loki && (profileId.isEmpty() || profile.id == profileId))
            return load(profile, logql, fromNs, toNs, maxBuckets);
    }
    cancel();
    ++m_job;
    const int buckets
        = maxBuckets > 0 ? maxBuckets : (m_histogram ? m_histogram->preferredBucketCount() : DefaultBuckets);
    m_grid = analysis::volumeGrid(fromNs, toNs, buckets);
    m_query.clear();
    m_lines.reset();
    m_levels.reset();
    fallBack(profileId.isEmpty() ? tr("no Loki source is set up") : tr("the Loki source is gone"));
}

void LogVolumeLoader::load(
    const net::ConnectionProfile& profile, const QString& logql, qint64 fromNs, qint64 toNs, int maxBuckets)
{
    cancel();
    const quint64 job = ++m_job;
    const int buckets
        = maxBuckets > 0 ? maxBuckets : (m_histogram ? m_histogram->preferredBucketCount() : DefaultBuckets);
    m_grid = analysis::volumeGrid(fromNs, toNs, buckets);
    m_lines.reset();
    m_levels.reset();
    m_reason.clear();
    const std::optional<QString> query = analysis::volumeQuery(logql, m_grid.stepNs);
    m_query = query.value_or(QString());
    if (!query) {
        fallBack(tr("only a log query's lines can be counted"));
        return;
    }
    m_state = State::Asking;
    setLoading(true);
    loki::RangeQuery range;
    range.expr = *query;
    range.startNs = m_grid.queryStartNs();
    range.endNs = m_grid.queryEndNs();
    range.stepMs = m_grid.stepNs / NsPerMs;
    loki::LokiClient client(m_context.http(), profile);
    m_request.replace(client.queryRange(range, this, [this, job](loki::Answer<loki::QueryResult> answer) {
        if (job != m_job)
            return;
        if (!answer.ok()) {
            fallBack(answer.error->message);
            return;
        }
        if (answer.value->type != loki::ResultType::Matrix) {
            fallBack(
                tr("Loki answered the count with a %1, not a matrix").arg(loki::resultTypeName(answer.value->type)));
            return;
        }
        m_state = State::FromServer;
        deliver(analysis::volumeFromMatrix(answer.value->series, m_grid));
    }));
}

void LogVolumeLoader::setLoadedLines(
    std::shared_ptr<const LogBatch> lines, std::shared_ptr<const std::vector<analysis::LogLevel>> levels)
{
    m_lines = std::move(lines);
    m_levels = std::move(levels);
    if (m_state == State::Estimated)
        countLines();
}

void LogVolumeLoader::cancel()
{
    m_request.cancel();
    ++m_job;
    m_state = State::Idle;
    m_counting = false;
    m_countAgain = false;
    setLoading(false);
}

void LogVolumeLoader::fallBack(const QString& reason)
{
    m_state = State::Estimated;
    m_reason = reason;
    Q_EMIT fellBack(reason);
    if (m_histogram)
        m_histogram->setFallbackReason(reason);
    countLines();
}

void LogVolumeLoader::countLines()
{
    if (m_counting) {
        m_countAgain = true; // the newest lines are counted when the running count ends
        return;
    }
    m_counting = true;
    m_countAgain = false;
    setLoading(true);
    const quint64 job = m_job;
    auto lines = m_lines ? m_lines : std::make_shared<const LogBatch>();
    auto levels = m_levels;
    const analysis::VolumeGrid grid = m_grid;
    QtConcurrent::run([lines, levels, grid] {
        const std::vector<analysis::LogLevel> detected
            = levels ? std::vector<analysis::LogLevel> {} : analysis::detectLevels(*lines);
        return analysis::volumeFromLines(
            *lines, levels ? *levels : detected, grid.fromNs, grid.toNs, static_cast<int>(grid.bucketCount()));
    }).then(this, [this, job](analysis::LogVolume volume) {
        if (job != m_job)
            return;
        m_counting = false;
        if (m_countAgain) {
            countLines();
            return;
        }
        deliver(volume);
    });
}

void LogVolumeLoader::deliver(const analysis::LogVolume& volume)
{
    m_volume = volume;
    setLoading(false);
    if (m_histogram) {
        m_histogram->setVolume(volume);
        if (volume.estimated)
            m_histogram->setFallbackReason(m_reason);
    }
    Q_EMIT volumeReady(volume);
}

void LogVolumeLoader::setLoading(bool loading)
{
    if (m_histogram)
        m_histogram->setLoading(loading);
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

} // namespace firebreak::ui
