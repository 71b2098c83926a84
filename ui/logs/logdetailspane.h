#pragma once

#include "analysis/loglevel.h"
#include "model/logbatch.h"
#include "model/timerange.h"
#include "net/connectionprofile.h"
#include "net/latestrequest.h"

#include <QJsonObject>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace firebreak::analysis {
class TraceIdFinder;
}
namespace firebreak::net {
class HttpClient;
}

namespace firebreak::ui {

class LogLineDelegate;
class LogListModel;

/// One log line expanded: its time to the nanosecond, level, the whole text, every stream label, structured
/// metadata, parsed label and field (JSON or logfmt), its trace ids as links, copy as text or JSON, and on
/// demand its context: the lines just before and after it in the same stream, asked from Loki.
class LogDetailsPane final : public QWidget
{
    Q_OBJECT
public:
    explicit LogDetailsPane(net::HttpClient& http, QWidget* parent = nullptr);
    ~LogDetailsPane() override;

    /// Where "Show context" asks; without one the button is disabled.
    void setProfile(std::optional<net::ConnectionProfile> profile);
    void setTimeDisplay(TimeDisplay display);
    void setTraceIdFinder(std::shared_ptr<const analysis::TraceIdFinder> finder);
    /// Lines asked for on each side by "Show context".
    void setContextLines(int lines) { m_contextLines = std::max(1, lines); }

    /// Shows line `index` of `batch` (copied: the batch may go away).
    void setLine(const LogBatch& batch, qsizetype index, analysis::LogLevel level);
    void clearLine();
    bool hasLine() const { return !m_line.isEmpty(); }

    /// `{"ts_ns": "…", "labels": {…}, "structured_metadata": {…}, "parsed": {…}, "line": "…"}`.
    QJsonObject lineJson() const;
    QString lineText() const;
    /// Asks Loki for the lines around this one in its stream.
    void showContext();

    QTreeWidget* fieldsTree() const { return m_fields; }
    QListView* contextView() const { return m_contextView; }
    LogListModel* contextModel() const { return m_contextModel; }
    /// The trace ids shown as links (text, labels, metadata, fields), lower-case hex.
    QStringList traceIds() const { return m_traceIdList; }

Q_SIGNALS:
    void openTraceRequested(const QString& traceId);
    /// The context answer reached the view (or failed: `error` non-empty).
    void contextLoaded(const QString& error);

private:
    void render();
    void contextAnswer(int side, LogBatch lines, const QString& error);

    net::HttpClient& m_http;
    std::optional<net::ConnectionProfile> m_profile;
    std::shared_ptr<const analysis::TraceIdFinder> m_traceIds;
    TimeDisplay m_display = TimeDisplay::Local;
    LogBatch m_line; // one line
    analysis::LogLevel m_level = analysis::LogLevel::Unknown;
    int m_contextLines = 25;
    QStringList m_traceIdList;

    QLabel* m_header;
    QPlainTextEdit* m_text;
    QTreeWidget* m_fields;
    QLabel* m_links;
    QPushButton* m_copyLine;
    QPushButton* m_copyJson;
    QPushButton* m_context;
    QLabel* m_contextStatus;
    QListView* m_contextView;
    LogListModel* m_contextModel;
    LogLineDelegate* m_contextDelegate;

    net::LatestRequest m_before;
    net::LatestRequest m_after;
    quint64 m_contextJob = 0;
    std::optional<LogBatch> m_beforeLines;
    std::optional<LogBatch> m_afterLines;
    QString m_contextError;
};

} // namespace firebreak::ui
