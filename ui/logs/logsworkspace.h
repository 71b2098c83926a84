#pragma once

#include "backends/loki/lokiclient.h"
#include "journal/journal.h"
#include "logsnapshot.h"
#include "model/timerange.h"
#include "net/connectionprofile.h"
#include "net/latestrequest.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTimer>
#include <QWidget>

#include <array>
#include <functional>
#include <memory>
#include <optional>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QToolButton;

namespace firebreak {
class AppContext;
}
namespace firebreak::analysis {
class TraceIdFinder;
}

namespace firebreak::ui {

class EmptyState;
class LiveTailController;
class LogDetailsPane;
class LogLineDelegate;
class LogListModel;
class LogPipeline;
class LogVolumeHistogram;
class LogVolumeLoader;
class LokiCompletionSource;
class PatternsView;
class QueryEditor;
class QueryHistoryButton;

/// The Logs tab: a LogQL query on a Loki source over the shared time range, up to a million lines in a
/// virtualized list with level colours, highlighted matches and trace links; a volume histogram; honest
/// truncation with paging to older / newer lines; a filter box, dedup and patterns over the loaded lines
/// (on workers, cancellable); line details with context; live tail; pinning lines to the incident.
class LogsWorkspace final : public QWidget
{
    Q_OBJECT
public:
    /// QSettings key of the live tail's bound in lines (default 100,000).
    static QString tailMaxLinesKey();

    explicit LogsWorkspace(AppContext& context, QWidget* parent = nullptr);
    ~LogsWorkspace() override;

    /// Runs `logql` over `range` (another workspace asks: the span's logs); an invalid range means the shared one.
    void runQuery(const QString& logql, const TimeRange& range = {});
    /// Runs the editor's query over the shared range.
    void run();
    /// Shows these lines as a query's answer would (no Loki asked): tests, measurements, files.
    void showLines(LogBatch lines, const QString& title = {});
    /// Patterns first seen at or after `ns` (e.g. the incident's start) are marked new.
    void setNewPatternsSince(qint64 ns);

    LogListModel* model() const { return m_model; }
    QListView* listView() const { return m_list; }
    LogLineDelegate* delegate() const { return m_delegate; }
    LogDetailsPane* detailsPane() const { return m_details; }
    QueryEditor* queryEditor() const { return m_query; }
    /// The problem of the last query, empty when it worked.
    QString errorText() const;
    /// The truncation banner's text, empty when hidden.
    QString truncationText() const;
    QString statsText() const;
    bool isBusy() const;
    /// Selected lines as pin evidence (what pinToIncidentRequested carries).
    journal::Evidence evidenceForSelection() const;

Q_SIGNALS:
    void openTraceRequested(const QString& traceId);
    void pinToIncidentRequested(const firebreak::journal::Evidence& evidence);
    /// The empty state's "Add Loki data source…" was chosen.
    void addSourceRequested();
    /// A query's lines (or its error) reached the list.
    void queryFinished();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct QueryState
    {
        QString profileId;
        QString expr;
        qint64 startNs = 0; // inclusive
        qint64 endNs = 0; // exclusive
        qint64 limit = 0;
        LogDirection direction = LogDirection::Backward;
        TimeRange range;
        // What the loaded lines cover: nothing in [coveredFromNs, coveredToNs) is missing.
        qint64 coveredFromNs = 0;
        qint64 coveredToNs = 0;
        bool olderExist = false;
        bool newerExist = false;
        int requests = 0;
        double queryMs = 0;
    };

    void buildUi();
    void refreshSources();
    std::optional<net::ConnectionProfile> currentProfile() const;
    void startQuery(const QString& expr, const TimeRange& range);
    void takeAnswer(loki::Answer<loki::QueryResult> answer);
    void loadPage(bool older);
    void takePage(bool older, loki::Answer<loki::QueryResult> answer, QSet<QByteArray> known);
    void showError(const QString& message);
    void updateBanner();
    void updateStats();
    void updateHighlights();
    void applyView();
    void scheduleView();
    void showSelectedLine();
    void updateTraceIdFinder();
    void setLive(bool on);
    void onTailLines(const LogBatch& lines);
    void pinSelection();
    void refreshPatterns();
    /// All held lines as one segment (merged on a worker when they are several; the model then shares it).
    void withAllLines(std::function<void(const LogSegment&)> use);
    void minePatterns(const LogSegment& all);
    void clearPatternFilter();
    QSet<QByteArray> boundaryIdentities(qint64 ns) const;

    AppContext& m_context;
    std::shared_ptr<const analysis::TraceIdFinder> m_traceIds;
    QueryState m_state;
    bool m_haveQuery = false;
    bool m_querying = false; // a query or page is asked and not answered
    net::LatestRequest m_request;
    quint64 m_queryJob = 0;
    QElapsedTimer m_queryTimer;
    double m_levelsMs = 0;
    double m_filterMs = 0;
    double m_dedupMs = 0;
    QString m_filterError;
    QTimer m_viewDebounce;
    QTimer m_patternTimer;
    bool m_followTail = true;
    qint64 m_currentId = -1; // the current line across a reset of the rows
    qint32 m_patternFilter = -1;
    QHash<const LogBatch*, qint64> m_patternBases; // line id of line 0 of each batch given to the patterns view
    double m_tailRate = 0;

    QStackedWidget* m_stack = nullptr;
    EmptyState* m_empty = nullptr;
    QComboBox* m_source = nullptr;
    QueryEditor* m_query = nullptr;
    LokiCompletionSource* m_completion = nullptr;
    QueryHistoryButton* m_history = nullptr;
    QPushButton* m_run = nullptr;
    QSpinBox* m_limit = nullptr;
    QComboBox* m_direction = nullptr;
    QToolButton* m_live = nullptr;
    QToolButton* m_pause = nullptr;
    QLabel* m_tailStatus = nullptr;
    LogVolumeHistogram* m_histogram = nullptr;
    LogVolumeLoader* m_volume = nullptr;
    QFrame* m_banner = nullptr;
    QLabel* m_bannerText = nullptr;
    QPushButton* m_loadOlder = nullptr;
    QPushButton* m_loadNewer = nullptr;
    QLabel* m_error = nullptr;
    QLineEdit* m_filter = nullptr;
    QToolButton* m_regex = nullptr;
    QToolButton* m_case = nullptr;
    std::array<QToolButton*, 7> m_levels {};
    QComboBox* m_dedup = nullptr;
    QToolButton* m_wrap = nullptr;
    QToolButton* m_labels = nullptr;
    QPushButton* m_pin = nullptr;
    QToolButton* m_patternChip = nullptr;
    QListView* m_list = nullptr;
    LogListModel* m_model = nullptr;
    LogLineDelegate* m_delegate = nullptr;
    LogPipeline* m_pipeline = nullptr;
    QTabWidget* m_side = nullptr;
    LogDetailsPane* m_details = nullptr;
    PatternsView* m_patterns = nullptr;
    QLabel* m_stats = nullptr;
    LiveTailController* m_tail = nullptr;
};

} // namespace firebreak::ui
