#pragma once

#include "analysis/loglevel.h"
#include "model/timerange.h"

#include <QFont>
#include <QStyledItemDelegate>

#include <memory>
#include <vector>

class QTextLayout;

namespace firebreak::analysis {
class LineMatcher;
class TraceIdFinder;
} // namespace firebreak::analysis

namespace firebreak::ui {

/// Paints one log line per row: a level bar, the time (nanoseconds kept in the model, milliseconds or
/// microseconds shown, local or UTC), a repeat badge for deduplicated rows, the stream's labels on demand and
/// the text with the query's and the filter's matches highlighted and trace ids as links. One line per row at
/// a fixed height (uniform rows) unless wrapping is on. Reads the row through LogListModel's roles only.
class LogLineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum class TimePrecision
    {
        Milliseconds,
        Microseconds,
    };

    explicit LogLineDelegate(QObject* parent = nullptr);
    ~LogLineDelegate() override;

    void setTimeDisplay(TimeDisplay display) { m_display = display; }
    void setTimePrecision(TimePrecision precision) { m_precision = precision; }
    void setShowLabels(bool show) { m_showLabels = show; }
    bool showLabels() const { return m_showLabels; }
    void setWrap(bool wrap) { m_wrap = wrap; }
    bool wrap() const { return m_wrap; }
    /// Matches to highlight (the query's line filters, the filter box); each is used on the GUI thread only.
    void setHighlights(std::vector<std::shared_ptr<const analysis::LineMatcher>> matchers);
    void setTraceIdFinder(std::shared_ptr<const analysis::TraceIdFinder> finder);
    QFont font() const { return m_font; }

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
        const QModelIndex& index) override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
        const QModelIndex& index) override;

    /// The trace ids in the row's text and where they are drawn when the row occupies `rowRect`.
    QList<QPair<QRect, QString>> traceLinks(const QRect& rowRect, const QModelIndex& index) const;
    /// The trace id drawn at `pos`, or empty.
    QString traceLinkAt(const QRect& rowRect, const QModelIndex& index, const QPoint& pos) const;
    /// Row height of an unwrapped line.
    int lineHeight() const;

    /// "2026-11-25 16:24:05.123" (or ….123456) in the zone of `display`.
    static QString formatTimestamp(qint64 ns, TimeDisplay display, TimePrecision precision);

Q_SIGNALS:
    void traceIdClicked(const QString& traceId);

private:
    struct Row;
    Row layoutRow(const QRect& rowRect, const QModelIndex& index) const;

    QFont m_font;
    TimeDisplay m_display = TimeDisplay::Local;
    TimePrecision m_precision = TimePrecision::Milliseconds;
    bool m_showLabels = false;
    bool m_wrap = false;
    std::vector<std::shared_ptr<const analysis::LineMatcher>> m_highlights;
    std::shared_ptr<const analysis::TraceIdFinder> m_traceIds;
};

} // namespace firebreak::ui
