#include "waterfallrows.h"

#include <algorithm>
#include <charconv>

namespace firebreak::analysis {

namespace {

char foldAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool isAscii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

/// Case-insensitive substring test; `needle` is already lower case.
bool containsFolded(std::string_view haystack, const QByteArray& needle, const QString& needleText)
{
    if (needle.isEmpty())
        return true;
    if (!isAscii(haystack)) {
        return QString::fromUtf8(haystack.data(), static_cast<qsizetype>(haystack.size()))
            .contains(needleText, Qt::CaseInsensitive);
    }
    const auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
        [](char a, char b) { return foldAscii(a) == b; });
    return it != haystack.end();
}

bool equalsFolded(std::string_view text, const QByteArray& lowerNeedle)
{
    return text.size() == static_cast<std::size_t>(lowerNeedle.size())
        && std::equal(text.begin(), text.end(), lowerNeedle.begin(), [](char a, char b) { return foldAscii(a) == b; });
}

/// Which interned strings contain the needle: each distinct string is tested once, not once per use.
std::vector<bool> matchingStrings(const StringPool& pool, const QByteArray& needle, const QString& needleText)
{
    std::vector<bool> result(pool.size(), false);
    for (std::size_t id = 0; id < pool.size(); ++id)
        result[id] = containsFolded(pool.view(static_cast<StringPool::Id>(id)), needle, needleText);
    return result;
}

/// The value of a non-string attribute as text, for matching numbers and booleans.
std::string scalarText(const Attribute& attribute)
{
    switch (attribute.type) {
    case ValueType::Int: {
        char buffer[24];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, attribute.intValue()).ptr;
        return std::string(buffer, end);
    }
    case ValueType::Double:
        return QString::number(attribute.doubleValue()).toStdString();
    case ValueType::Bool:
        return attribute.boolValue() ? "true" : "false";
    default:
        return {};
    }
}

bool valueMatches(
    const Attribute& attribute, const std::vector<bool>& strings, const QByteArray& needle, const QString& needleText)
{
    if (attribute.hasStringId())
        return strings[attribute.stringId()];
    return containsFolded(scalarText(attribute), needle, needleText);
}

} // namespace

WaterfallRows::WaterfallRows(TraceDocumentPtr document)
    : m_document(std::move(document))
{
    if (!m_document)
        return;
    const Trace& trace = m_document->trace;
    const TraceTree& tree = m_document->tree;
    const qsizetype n = trace.spanCount();
    m_collapsed.assign(static_cast<std::size_t>(n), false);
    m_subtreeSize.assign(static_cast<std::size_t>(n), 1);
    m_preorderPosition.assign(static_cast<std::size_t>(n), 0);
    for (std::size_t pos = 0; pos < tree.preorder.size(); ++pos)
        m_preorderPosition[tree.preorder[pos]] = static_cast<std::int32_t>(pos);
    // Children follow their parent in pre-order: summing backwards gives every subtree's size.
    for (auto it = tree.preorder.rbegin(); it != tree.preorder.rend(); ++it) {
        if (const std::int32_t parent = trace.parents[*it]; parent >= 0)
            m_subtreeSize[parent] += m_subtreeSize[*it];
    }
    rebuild();
}

qsizetype WaterfallRows::rowOf(qsizetype span) const
{
    return span >= 0 && span < static_cast<qsizetype>(m_rowOfSpan.size()) ? m_rowOfSpan[span] : -1;
}

bool WaterfallRows::hasChildren(qsizetype span) const
{
    return m_subtreeSize[span] > 1;
}

void WaterfallRows::setCollapsed(qsizetype span, bool collapsed)
{
    if (m_collapsed[span] == collapsed || !hasChildren(span))
        return;
    m_collapsed[span] = collapsed;
    rebuild();
}

void WaterfallRows::setSubtreeCollapsed(qsizetype span, bool collapsed)
{
    const std::vector<std::int32_t>& preorder = m_document->tree.preorder;
    const std::int32_t begin = m_preorderPosition[span];
    for (std::int32_t pos = begin; pos < begin + m_subtreeSize[span]; ++pos)
        m_collapsed[preorder[pos]] = collapsed && hasChildren(preorder[pos]);
    rebuild();
}

void WaterfallRows::collapseAll()
{
    for (std::size_t span = 0; span < m_collapsed.size(); ++span)
        m_collapsed[span] = hasChildren(static_cast<qsizetype>(span));
    rebuild();
}

void WaterfallRows::expandAll()
{
    std::fill(m_collapsed.begin(), m_collapsed.end(), false);
    rebuild();
}

void WaterfallRows::expandToDepth(int depth)
{
    const TraceTree& tree = m_document->tree;
    for (std::size_t span = 0; span < m_collapsed.size(); ++span)
        m_collapsed[span] = tree.depth[span] >= depth && hasChildren(static_cast<qsizetype>(span));
    rebuild();
}

void WaterfallRows::reveal(qsizetype span)
{
    bool changed = false;
    for (std::int32_t parent = m_document->trace.parents[span]; parent >= 0;
         parent = m_document->trace.parents[parent]) {
        changed = changed || m_collapsed[parent];
        m_collapsed[parent] = false;
    }
    if (changed)
        rebuild();
}

void WaterfallRows::setFilter(WaterfallFilter filter)
{
    std::sort(filter.services.begin(), filter.services.end());
    m_filter = std::move(filter);
    rebuild();
}

qsizetype WaterfallRows::find(const QString& query)
{
    m_query = query.trimmed();
    m_matches.clear();
    m_matchOrder.clear();
    if (!m_document || m_query.isEmpty()) {
        if (m_filter.matchesOnly)
            rebuild();
        return 0;
    }
    const Trace& trace = m_document->trace;
    const qsizetype n = trace.spanCount();
    m_matches.assign(static_cast<std::size_t>(n), false);

    const qsizetype equals = m_query.indexOf(u'=');
    const bool keyed = equals > 0;
    const QString keyText = keyed ? m_query.left(equals).trimmed().toLower() : QString();
    const QString valueText = (keyed ? m_query.mid(equals + 1).trimmed() : m_query).toLower();
    const QByteArray key = keyText.toUtf8();
    const QByteArray needle = valueText.toUtf8();
    const std::vector<bool> strings = matchingStrings(trace.strings, needle, valueText);

    if (!keyed) {
        std::vector<bool> resourceMatches(trace.resources.size(), false);
        for (std::size_t r = 0; r < trace.resources.size(); ++r) {
            for (const Attribute& attribute : trace.attributesIn(trace.resources[r].attributes))
                resourceMatches[r] = resourceMatches[r] || valueMatches(attribute, strings, needle, valueText);
        }
        for (qsizetype span = 0; span < n; ++span) {
            bool match = strings[trace.names[span]] || strings[trace.services[span]]
                || resourceMatches[trace.resourceIndices[span]]
                || containsFolded(spanIdToHex(trace.spanIds[span]).toStdString(), needle, valueText);
            for (const Attribute& attribute : trace.spanAttributes(span)) {
                if (match)
                    break;
                match = strings[attribute.key] || valueMatches(attribute, strings, needle, valueText);
            }
            m_matches[span] = match;
        }
    } else {
        for (qsizetype span = 0; span < n; ++span) {
            bool match = false;
            if (key == "service")
                match = strings[trace.services[span]];
            else if (key == "name")
                match = strings[trace.names[span]];
            else if (key == "status")
                match = statusCodeName(trace.statusCodes[span]).contains(valueText);
            else if (key == "kind")
                match = spanKindName(trace.kinds[span]).contains(valueText);
            const auto keyedMatch = [&](const Attribute& attribute) {
                return equalsFolded(trace.view(attribute.key), key)
                    && valueMatches(attribute, strings, needle, valueText);
            };
            const auto spanAttributes = trace.spanAttributes(span);
            match = match || std::any_of(spanAttributes.begin(), spanAttributes.end(), keyedMatch);
            if (!match) {
                const auto resource = trace.attributesIn(trace.resources[trace.resourceIndices[span]].attributes);
                match = std::any_of(resource.begin(), resource.end(), keyedMatch);
            }
            m_matches[span] = match;
        }
    }
    for (const std::int32_t span : m_document->tree.preorder) {
        if (m_matches[span])
            m_matchOrder.push_back(span);
    }
    if (m_filter.matchesOnly)
        rebuild();
    return static_cast<qsizetype>(m_matchOrder.size());
}

bool WaterfallRows::passes(std::int32_t span) const
{
    const Trace& trace = m_document->trace;
    if (m_filter.matchesOnly && !isMatch(span))
        return false;
    if (!m_filter.services.empty()
        && !std::binary_search(m_filter.services.begin(), m_filter.services.end(), trace.services[span]))
        return false;
    if (trace.durationNs(span) < m_filter.minDurationNs)
        return false;
    if (m_filter.errorsOnly && trace.statusCodes[span] != StatusCode::Error)
        return false;
    if (m_filter.criticalPathOnly && !m_document->criticalPath.contains(span))
        return false;
    return true;
}

void WaterfallRows::rebuild()
{
    m_rows.clear();
    if (!m_document)
        return;
    const Trace& trace = m_document->trace;
    const TraceTree& tree = m_document->tree;
    const qsizetype n = trace.spanCount();
    m_rowOfSpan.assign(static_cast<std::size_t>(n), -1);

    // With a filter: kept spans and their ancestors; the ancestors are context.
    std::vector<std::uint8_t> shown; // 0 hidden, 1 context, 2 kept
    const bool filtering = m_filter.isActive();
    if (filtering) {
        shown.assign(static_cast<std::size_t>(n), 0);
        for (std::int32_t span = 0; span < n; ++span) {
            if (!passes(span))
                continue;
            shown[span] = 2;
            for (std::int32_t parent = trace.parents[span]; parent >= 0 && shown[parent] == 0;
                 parent = trace.parents[parent])
                shown[parent] = 1;
        }
    }

    const auto emitSubtree = [&](std::int32_t top, std::int32_t depthOffset) {
        const std::int32_t begin = m_preorderPosition[top];
        const std::int32_t end = begin + m_subtreeSize[top];
        for (std::int32_t pos = begin; pos < end;) {
            const std::int32_t span = tree.preorder[pos];
            if (filtering && shown[span] == 0) {
                pos += m_subtreeSize[span]; // nothing below a hidden span is kept either
                continue;
            }
            m_rowOfSpan[span] = static_cast<std::int32_t>(m_rows.size());
            m_rows.push_back({ span, -1, tree.depth[span] + depthOffset, filtering && shown[span] == 1 });
            pos += m_collapsed[span] ? m_subtreeSize[span] : 1;
        }
    };
    for (const std::int32_t root : tree.roots)
        emitSubtree(root, 0);
    for (std::size_t m = 0; m < tree.missingParents.size(); ++m) {
        const std::size_t before = m_rows.size();
        m_rows.push_back({ -1, static_cast<std::int32_t>(m), 0, false });
        for (const std::int32_t orphan : tree.missingParents[m].orphans)
            emitSubtree(orphan, 1);
        if (m_rows.size() == before + 1)
            m_rows.pop_back(); // every orphan filtered out: no empty placeholder
    }
}

} // namespace firebreak::analysis
