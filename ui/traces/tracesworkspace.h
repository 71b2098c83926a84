#pragma once

#include "analysis/tracedocument.h"
#include "analysis/waterfallrows.h"
#include "journal/journal.h"
#include "net/connectionprofile.h"

#include <QWidget>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTabWidget;
class QToolButton;

namespace firebreak {
class AppContext;
}

namespace firebreak::ui {

class SpanDetailsPane;
class TraceDiffView;
class TraceMinimap;
class TraceSearchPanel;
class TraceStatisticsView;
class WaterfallView;

/// Where the span-of-interest context travels when a span asks for its logs, metrics or a pin.
struct SpanReference
{
    QString traceId; // 32 hex
    QString spanId; // 16 hex
    QString service;
    QString operation;
    std::int64_t startNs = 0;
    std::int64_t endNs = 0;
};

/// The Traces tab: open a trace from a file (menu, drop) or from Tempo by id, see it as a waterfall with a
/// minimap, find and filters, span details, statistics, comparison with a second trace, and TraceQL search.
class TracesWorkspace final : public QWidget
{
    Q_OBJECT
public:
    explicit TracesWorkspace(AppContext& context, QWidget* parent = nullptr);
    ~TracesWorkspace() override;

    /// Loads a .pb / .json trace file on a worker; the window stays responsive.
    void openFile(const QString& path);
    /// Asks the first Tempo data source for this trace id.
    void openTraceId(const QString& traceId);
    /// Loads a second trace (a file, or an id from Tempo) and compares the open one with it (the Compare tab).
    void compareWithFile(const QString& path);
    void compareWithTraceId(const QString& traceId);
    /// Shows an already loaded trace (tests, other workspaces).
    void showDocument(analysis::TraceDocumentPtr document);

    analysis::TraceDocumentPtr document() const { return m_document; }
    WaterfallView* waterfall() const { return m_view; }
    analysis::WaterfallRows* rows() const { return m_rows.get(); }
    /// The problem of the last load, empty when it worked.
    QString loadError() const;

Q_SIGNALS:
    void documentLoaded();
    void loadFailed(const QString& message);
    void logsForSpanRequested(const firebreak::ui::SpanReference& span);
    void metricsForServiceRequested(const firebreak::ui::SpanReference& span);
    /// The span as evidence: its trace id to fetch it again, its range, its fields and attributes frozen.
    void pinToIncidentRequested(const firebreak::journal::Evidence& evidence);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void chooseFile();
    void chooseComparison();
    void showComparison(analysis::TraceDocumentPtr document);
    /// Runs `load` on the thread pool; the newest job of `jobs` hands its document to `use`, errors name `what`.
    void loadInBackground(std::function<analysis::TraceDocumentResult()> load, const QString& what, quint64& jobs,
        std::function<void(analysis::TraceDocumentPtr)> use);
    void fetchFromTempo(const QString& traceId, quint64& jobs, std::function<void(analysis::TraceDocumentPtr)> use);
    void updateSearchProfile();
    void showError(const QString& message);
    void applyFilter();
    void runFind();
    void stepMatch(int direction);
    void updateSummary();
    void updateMatchLabel();
    SpanReference referenceFor(qsizetype span) const;
    journal::Evidence evidenceFor(qsizetype span) const;
    std::optional<net::ConnectionProfile> tempoProfile() const;

    AppContext& m_context;
    analysis::TraceDocumentPtr m_document;
    analysis::TraceDocumentPtr m_comparison; // B of the Compare tab
    std::unique_ptr<analysis::WaterfallRows> m_rows;
    quint64 m_loadJob = 0;
    quint64 m_compareJob = 0;
    qsizetype m_currentMatch = -1;

    QLineEdit* m_traceId;
    QLineEdit* m_find;
    QLabel* m_matchLabel;
    QCheckBox* m_matchesOnly;
    QComboBox* m_service;
    QSpinBox* m_minDurationMs;
    QCheckBox* m_errorsOnly;
    QCheckBox* m_criticalOnly;
    QCheckBox* m_showCritical;
    QLabel* m_summary;
    QLabel* m_error;
    QTabWidget* m_tabs;
    WaterfallView* m_view;
    TraceMinimap* m_minimap;
    SpanDetailsPane* m_details;
    TraceStatisticsView* m_statistics;
    TraceDiffView* m_diff;
    TraceSearchPanel* m_search;
};

} // namespace firebreak::ui

Q_DECLARE_METATYPE(firebreak::ui::SpanReference)
