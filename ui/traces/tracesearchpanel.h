#pragma once

#include "backends/tempo/tempoclient.h"
#include "backends/tempo/traceqlcompletion.h"
#include "net/latestrequest.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QWidget>

#include <optional>

class QCompleter;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QStringListModel;
class QTableView;

namespace firebreak {
class TimeRangeController;
}

namespace firebreak::tempo {
class SearchResultsModel;
}

namespace firebreak::ui {

/// Finds traces in Tempo: a TraceQL query with completion of tag names and values, a minimum duration and a
/// limit over the shared time range; results fill the table as the stream delivers them. A new search cancels
/// the one under way; double-clicking a result asks for that trace to be opened.
class TraceSearchPanel final : public QWidget
{
    Q_OBJECT
public:
    TraceSearchPanel(net::HttpClient& http, TimeRangeController& timeRange, QWidget* parent = nullptr);
    ~TraceSearchPanel() override;

    void setProfile(const net::ConnectionProfile& profile);
    void clearProfile();
    bool hasProfile() const { return m_client.has_value(); }

    void setQuery(const QString& traceql);
    QString query() const;
    /// Starts a search with what the form holds (cancelling one under way).
    void search();
    void cancel();
    bool isSearching() const { return m_stream != nullptr; }

    tempo::SearchResultsModel* resultsModel() const { return m_results; }

Q_SIGNALS:
    void openTraceRequested(const QString& traceIdHex);
    /// A search ended: with its results, an error, or cancelled.
    void searchFinished(bool ok);

private:
    void finish(quint64 job, tempo::Answer<tempo::SearchResult> answer);
    void setStatus(const QString& text, bool error = false);
    void updateButtons();
    void updateCompletion();
    void showCompletions(const QStringList& candidates);
    void insertCompletion(const QString& completion);
    void loadTagNames();
    void loadValues(const QString& tag);

    net::HttpClient& m_http;
    TimeRangeController& m_timeRange;
    std::optional<tempo::TempoClient> m_client;
    std::shared_ptr<tempo::SearchStream> m_stream;
    quint64 m_job = 0;
    bool m_searched = false; // a search ran: a new time range repeats it
    QElapsedTimer m_clock;

    QStringList m_tagNames;
    bool m_tagsLoaded = false;
    net::LatestRequest m_tagRequest;
    QHash<QString, QStringList> m_values; // tag -> TraceQL literals
    QString m_valuesTag; // the tag whose values are being fetched
    net::LatestRequest m_valueRequest;
    tempo::TraceQLCompletion m_completion; // what the open popup would replace

    QLineEdit* m_query;
    QSpinBox* m_minDuration;
    QSpinBox* m_limit;
    QPushButton* m_searchButton;
    QPushButton* m_cancelButton;
    QTableView* m_table;
    QLabel* m_status;
    tempo::SearchResultsModel* m_results;
    QSortFilterProxyModel* m_sorted;
    QCompleter* m_completer;
    QStringListModel* m_completions;
};

} // namespace firebreak::ui
