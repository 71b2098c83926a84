#pragma once

#include "analysis/logvolume.h"
#include "net/connectionprofile.h"
#include "net/latestrequest.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

namespace firebreak {
class AppContext;
}

namespace firebreak::ui {

class LogVolumeHistogram;

/// Fills a LogVolumeHistogram for a log query: asks Loki `sum by (level) (count_over_time(…))` over the range,
/// and when Loki cannot answer (a metric query, a refusal, an error, no Loki source) counts the lines the query
/// loaded instead, marked as an estimate with the reason. A newer load() cancels the older one.
class LogVolumeLoader final : public QObject
{
    Q_OBJECT
public:
    explicit LogVolumeLoader(AppContext& context, QObject* parent = nullptr);
    ~LogVolumeLoader() override;

    /// The histogram to drive (loading, the volume, why it is an estimate); may be null.
    void setHistogram(LogVolumeHistogram* histogram);

    /// Counts `logql` over [fromNs, toNs] on the Loki source `profileId` (the first Loki source when empty), in
    /// at most `maxBuckets` buckets (0: as many as the histogram's width fits). Forgets the previous query's lines.
    void load(const QString& profileId, const QString& logql, qint64 fromNs, qint64 toNs, int maxBuckets = 0);
    void load(
        const net::ConnectionProfile& profile, const QString& logql, qint64 fromNs, qint64 toNs, int maxBuckets = 0);
    /// The lines the query loaded, with their levels (detected here, off the GUI thread, when null): what is
    /// counted when Loki cannot count. Call after load() and again whenever they change (older/newer pages, a
    /// tail); while an estimate is shown it is counted again.
    void setLoadedLines(
        std::shared_ptr<const LogBatch> lines, std::shared_ptr<const std::vector<analysis::LogLevel>> levels = {});
    void cancel();

    bool isLoading() const { return m_loading; }
    bool isEstimated() const { return m_state == State::Estimated; }
    const analysis::LogVolume& volume() const { return m_volume; }
    QString fallbackReason() const { return m_reason; }
    analysis::VolumeGrid grid() const { return m_grid; }
    /// The metric query sent to Loki for the last load(); empty when none could be made.
    QString volumeQuery() const { return m_query; }

Q_SIGNALS:
    void loadingChanged(bool loading);
    /// A volume from Loki, or an estimate from the loaded lines (`volume.estimated`).
    void volumeReady(const firebreak::analysis::LogVolume& volume);
    /// Loki could not count: `reason` says why; an estimate from the loaded lines follows.
    void fellBack(const QString& reason);

private:
    enum class State
    {
        Idle,
        Asking,
        FromServer,
        Estimated,
    };

    void fallBack(const QString& reason);
    void countLines();
    void deliver(const analysis::LogVolume& volume);
    void setLoading(bool loading);

    AppContext& m_context;
    QPointer<LogVolumeHistogram> m_histogram;
    net::LatestRequest m_request;
    State m_state = State::Idle;
    quint64 m_job = 0;
    analysis::VolumeGrid m_grid;
    QString m_query;
    QString m_reason;
    analysis::LogVolume m_volume;
    std::shared_ptr<const LogBatch> m_lines;
    std::shared_ptr<const std::vector<analysis::LogLevel>> m_levels;
    bool m_counting = false;
    bool m_countAgain = false;
    bool m_loading = false;
};

} // namespace firebreak::ui
