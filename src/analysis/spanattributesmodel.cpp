#include "spanattributesmodel.h"

#include "durationtext.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace firebreak::analysis {

namespace {

QJsonValue jsonValue(const Trace& trace, const Attribute& attribute)
{
    switch (attribute.type) {
    case ValueType::Empty:
        return QJsonValue::Null;
    case ValueType::Int:
        return QJsonValue(static_cast<qint64>(attribute.intValue()));
    case ValueType::Double:
        // JSON has no NaN or infinity: keep them readable as text.
        return std::isfinite(attribute.doubleValue()) ? QJsonValue(attribute.doubleValue())
                                                      : QJsonValue(trace.valueText(attribute));
    case ValueType::Bool:
        return QJsonValue(attribute.boolValue());
    case ValueType::Array:
    case ValueType::KeyValueList: {
        const std::string_view text = trace.view(attribute.stringId());
        const QJsonDocument parsed
            = QJsonDocument::fromJson(QByteArray::fromRawData(text.data(), static_cast<qsizetype>(text.size())));
        if (parsed.isArray())
            return parsed.array();
        if (parsed.isObject())
            return parsed.object();
        return trace.valueText(attribute);
    }
    case ValueType::String:
    case ValueType::Bytes:
        return trace.valueText(attribute);
    }
    return QJsonValue::Null;
}

QJsonObject jsonAttributes(const Trace& trace, IndexRange range)
{
    QJsonObject object;
    for (const Attribute& attribute : trace.attributesIn(range))
        object.insert(trace.string(attribute.key), jsonValue(trace, attribute));
    return object;
}

} // namespace

SpanAttributesModel::SpanAttributesModel(QObject* parent)
    : QAbstractItemModel(parent)
{ }

SpanAttributesModel::~SpanAttributesModel() = default;

int SpanAttributesModel::addNode(int parent, RowKind kind, QString key, QString value)
{
    const auto index = static_cast<int>(m_nodes.size());
    Node node;
    node.parent = parent;
    node.kind = kind;
    node.key = std::move(key);
    node.value = std::move(value);
    std::vector<int>& siblings = parent >= 0 ? m_nodes[parent].children : m_top;
    node.row = static_cast<int>(siblings.size());
    siblings.push_back(index);
    m_nodes.push_back(std::move(node));
    return index;
}

void SpanAttributesModel::addAttributes(int parent, IndexRange range, bool sorted)
{
    const Trace& trace = m_document->trace;
    std::vector<const Attribute*> attributes;
    for (const Attribute& attribute : trace.attributesIn(range))
        attributes.push_back(&attribute);
    if (sorted) {
        std::stable_sort(attributes.begin(), attributes.end(),
            [&trace](const Attribute* a, const Attribute* b) { return trace.view(a->key) < trace.view(b->key); });
    }
    for (const Attribute* attribute : attributes)
        addNode(parent, RowKind::Attribute, trace.string(attribute->key), trace.valueText(*attribute));
}

void SpanAttributesModel::setSpan(TraceDocumentPtr document, qsizetype span)
{
    beginResetModel();
    m_nodes.clear();
    m_top.clear();
    m_document = std::move(document);
    m_span = m_document && span >= 0 && span < m_document->trace.spanCount() ? span : -1;
    if (m_span < 0)
        m_document.reset();
    if (m_document) {
        const Trace& trace = m_document->trace;
        const IndexRange spanRange = trace.attributeRanges[m_span];
        const int spanGroup
            = addNode(-1, RowKind::Group, tr("Span attributes (%n)", nullptr, static_cast<int>(spanRange.size())), {});
        addAttributes(spanGroup, spanRange, true);

        const TraceResource& resource = trace.resources[trace.resourceIndices[m_span]];
        if (resource.attributes.size() > 0) {
            const int group = addNode(-1, RowKind::Group,
                tr("Resource attributes (%n)", nullptr, static_cast<int>(resource.attributes.size())), {});
            addAttributes(group, resource.attributes, true);
        }

        const TraceScope& scope = trace.scopes[trace.scopeIndices[m_span]];
        if (scope.name != StringPool::Empty || scope.version != StringPool::Empty || scope.attributes.size() > 0) {
            const int group = addNode(-1, RowKind::Group, tr("Scope"), {});
            addNode(group, RowKind::Attribute, tr("name"), trace.string(scope.name));
            if (scope.version != StringPool::Empty)
                addNode(group, RowKind::Attribute, tr("version"), trace.string(scope.version));
            addAttributes(group, scope.attributes, true);
        }

        const auto events = trace.spanEvents(m_span);
        if (!events.empty()) {
            const int group
                = addNode(-1, RowKind::Group, tr("Events (%n)", nullptr, static_cast<int>(events.size())), {});
            std::vector<const SpanEvent*> ordered;
            for (const SpanEvent& event : events)
                ordered.push_back(&event);
            std::stable_sort(ordered.begin(), ordered.end(),
                [](const SpanEvent* a, const SpanEvent* b) { return a->timeNs < b->timeNs; });
            for (const SpanEvent* event : ordered) {
                const int row = addNode(group, RowKind::Event,
                    formatSignedDurationNs(event->timeNs - trace.startNs[m_span]), trace.string(event->name));
                addAttributes(row, event->attributes, false);
            }
        }

        const auto links = trace.spanLinks(m_span);
        if (!links.empty()) {
            const int group
                = addNode(-1, RowKind::Group, tr("Links (%n)", nullptr, static_cast<int>(links.size())), {});
            int number = 0;
            for (const SpanLink& link : links) {
                const int row = addNode(group, RowKind::Link, tr("Link %1").arg(++number),
                    link.traceId.toHex() + QStringLiteral(" / ") + spanIdToHex(link.spanId));
                addNode(row, RowKind::Attribute, tr("trace id"), link.traceId.toHex());
                addNode(row, RowKind::Attribute, tr("span id"), spanIdToHex(link.spanId));
                if (link.traceState != StringPool::Empty)
                    addNode(row, RowKind::Attribute, tr("trace state"), trace.string(link.traceState));
                addAttributes(row, link.attributes, false);
            }
        }
    }
    endResetModel();
}

QJsonObject SpanAttributesModel::toJson() const
{
    if (!m_document)
        return {};
    const Trace& trace = m_document->trace;
    const qsizetype span = m_span;
    QJsonObject object;
    object.insert(QStringLiteral("traceId"), trace.traceIds[span].toHex());
    object.insert(QStringLiteral("spanId"), spanIdToHex(trace.spanIds[span]));
    if (trace.parentSpanIds[span] != 0)
        object.insert(QStringLiteral("parentSpanId"), spanIdToHex(trace.parentSpanIds[span]));
    object.insert(QStringLiteral("name"), trace.string(trace.names[span]));
    object.insert(QStringLiteral("service"), trace.string(trace.services[span]));
    object.insert(QStringLiteral("kind"), spanKindName(trace.kinds[span]));
    QJsonObject status { { QStringLiteral("code"), statusCodeName(trace.statusCodes[span]) } };
    if (trace.statusMessages[span] != StringPool::Empty)
        status.insert(QStringLiteral("message"), trace.string(trace.statusMessages[span]));
    object.insert(QStringLiteral("status"), status);
    // Nanosecond times exceed a double's exact range: strings, as OTLP JSON writes them.
    object.insert(QStringLiteral("startTimeUnixNano"), QString::number(trace.startNs[span]));
    object.insert(QStringLiteral("endTimeUnixNano"), QString::number(trace.endNs[span]));
    object.insert(QStringLiteral("durationNs"), QJsonValue(static_cast<qint64>(trace.durationNs(span))));
    object.insert(QStringLiteral("attributes"), jsonAttributes(trace, trace.attributeRanges[span]));
    object.insert(
        QStringLiteral("resource"), jsonAttributes(trace, trace.resources[trace.resourceIndices[span]].attributes));
    const TraceScope& scope = trace.scopes[trace.scopeIndices[span]];
    QJsonObject scopeObject { { QStringLiteral("name"), trace.string(scope.name) } };
    if (scope.version != StringPool::Empty)
        scopeObject.insert(QStringLiteral("version"), trace.string(scope.version));
    if (scope.attributes.size() > 0)
        scopeObject.insert(QStringLiteral("attributes"), jsonAttributes(trace, scope.attributes));
    object.insert(QStringLiteral("scope"), scopeObject);
    QJsonArray events;
    for (const SpanEvent& event : trace.spanEvents(span)) {
        events.append(QJsonObject {
            { QStringLiteral("timeUnixNano"), QString::number(event.timeNs) },
            { QStringLiteral("name"), trace.string(event.name) },
            { QStringLiteral("attributes"), jsonAttributes(trace, event.attributes) },
        });
    }
    if (!events.isEmpty())
        object.insert(QStringLiteral("events"), events);
    QJsonArray links;
    for (const SpanLink& link : trace.spanLinks(span)) {
        QJsonObject linkObject {
            { QStringLiteral("traceId"), link.traceId.toHex() },
            { QStringLiteral("spanId"), spanIdToHex(link.spanId) },
            { QStringLiteral("attributes"), jsonAttributes(trace, link.attributes) },
        };
        if (link.traceState != StringPool::Empty)
            linkObject.insert(QStringLiteral("traceState"), trace.string(link.traceState));
        links.append(linkObject);
    }
    if (!links.isEmpty())
        object.insert(QStringLiteral("links"), links);
    return object;
}

const SpanAttributesModel::Node* SpanAttributesModel::nodeOf(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return &m_nodes[index.internalId()];
}

QModelIndex SpanAttributesModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const std::vector<int>& siblings = parent.isValid() ? nodeOf(parent)->children : m_top;
    if (row >= static_cast<int>(siblings.size()) || (parent.isValid() && parent.column() != 0))
        return {};
    return createIndex(row, column, static_cast<quintptr>(siblings[row]));
}

QModelIndex SpanAttributesModel::parent(const QModelIndex& child) const
{
    const Node* node = nodeOf(child);
    if (!node || node->parent < 0)
        return {};
    return createIndex(m_nodes[node->parent].row, 0, static_cast<quintptr>(node->parent));
}

int SpanAttributesModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_top.size());
    if (parent.column() != 0)
        return 0;
    return static_cast<int>(nodeOf(parent)->children.size());
}

int SpanAttributesModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant SpanAttributesModel::data(const QModelIndex& index, int role) const
{
    const Node* node = nodeOf(index);
    if (!node)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == KeyColumn)
            return node->key;
        // One line per row: newlines of long values would break the row height.
        return QString(node->value).replace(u'\n', QChar(0x21b5));
    case Qt::ToolTipRole:
        return index.column() == ValueColumn && !node->value.isEmpty() ? node->value : QVariant();
    case KindRole:
        return static_cast<int>(node->kind);
    case KeyRole:
        return node->key;
    case ValueRole:
        return node->value;
    default:
        return {};
    }
}

QVariant SpanAttributesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == KeyColumn ? tr("Key") : tr("Value");
}

SpanAttributesFilterModel::SpanAttributesFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(-1);
}

SpanAttributesFilterModel::~SpanAttributesFilterModel() = default;

bool SpanAttributesFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent))
        return true;
    for (QModelIndex ancestor = sourceParent; ancestor.isValid(); ancestor = ancestor.parent()) {
        const auto kind
            = static_cast<SpanAttributesModel::RowKind>(ancestor.data(SpanAttributesModel::KindRole).toInt());
        if ((kind == SpanAttributesModel::RowKind::Event || kind == SpanAttributesModel::RowKind::Link)
            && QSortFilterProxyModel::filterAcceptsRow(ancestor.row(), ancestor.parent()))
            return true;
    }
    return false;
}

} // namespace firebreak::analysis
