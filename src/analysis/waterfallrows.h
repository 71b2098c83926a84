#pragma once

#include "tracedocument.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace firebreak::analysis {

/// One line of the waterfall: a span, or the placeholder standing for a parent that is not in the trace.
struct WaterfallRow
{
    std::int32_t span = -1; // -1 for a placeholder
    std::int32_t missingParent = -1; // index into tree.missingParents for a placeholder
    std::int32_t depth = 0; // indentation level
    bool context = false; // shown only because a descendant passed the filters

    bool isPlaceholder() const { return span < 0; }
};

/// What narrows the waterfall. A span is kept when it passes every set condition; kept spans are shown with
/// their ancestors (dimmed, as context) so the tree stays readable.
struct WaterfallFilter
{
    bool matchesOnly = false; // only spans matching the find query
    std::vector<StringPool::Id> services; // empty: every service
    std::int64_t minDurationNs = 0;
    bool errorsOnly = false;
    bool criticalPathOnly = false;

    bool isActive() const
    {
        return matchesOnly || !services.empty() || minDurationNs > 0 || errorsOnly || criticalPathOnly;
    }
};

/// The visible rows of a trace's waterfall given collapsed spans, filters and a find query. Rebuilding is
/// linear in the spans shown plus the spans skipped under collapsed ones, never a tree walk per row.
class WaterfallRows
{
public:
    explicit WaterfallRows(TraceDocumentPtr document = {});

    const TraceDocumentPtr& document() const { return m_document; }
    const std::vector<WaterfallRow>& rows() const { return m_rows; }
    qsizetype rowCount() const { return static_cast<qsizetype>(m_rows.size()); }
    /// The row showing `span`, or -1 when it is hidden (collapsed away or filtered out).
    qsizetype rowOf(qsizetype span) const;

    bool hasChildren(qsizetype span) const;
    bool isCollapsed(qsizetype span) const { return m_collapsed[span]; }
    void setCollapsed(qsizetype span, bool collapsed);
    void toggle(qsizetype span) { setCollapsed(span, !isCollapsed(span)); }
    void setSubtreeCollapsed(qsizetype span, bool collapsed); // the span and every descendant
    void collapseAll();
    void expandAll();
    /// Spans deeper than `depth` hidden: 0 shows the top-level spans only.
    void expandToDepth(int depth);
    /// Expands the ancestors of `span` so it is shown.
    void reveal(qsizetype span);

    const WaterfallFilter& filter() const { return m_filter; }
    void setFilter(WaterfallFilter filter);

    /// Sets the find query: words match span names, services, attribute keys and values, span ids
    /// (case-insensitive substring); `key=value` matches an attribute (or `service`, `name`, `status`, `kind`)
    /// whose value contains `value`. Empty clears. Returns the number of matching spans.
    qsizetype find(const QString& query);
    const QString& findQuery() const { return m_query; }
    bool isMatch(qsizetype span) const { return !m_matches.empty() && m_matches[span]; }
    /// Matching spans in waterfall (pre-)order, shown or not.
    const std::vector<std::int32_t>& matchOrder() const { return m_matchOrder; }

private:
    void rebuild();
    bool passes(std::int32_t span) const;

    TraceDocumentPtr m_document;
    std::vector<bool> m_collapsed;
    std::vector<std::int32_t> m_subtreeSize; // per span, itself included
    std::vector<std::int32_t> m_preorderPosition; // per span
    WaterfallFilter m_filter;
    QString m_query;
    std::vector<bool> m_matches; // per span; empty without a query
    std::vector<std::int32_t> m_matchOrder;
    std::vector<WaterfallRow> m_rows;
    std::vector<std::int32_t> m_rowOfSpan; // -1 when hidden
};

} // namespace firebreak::analysis
