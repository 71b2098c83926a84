#pragma once

#include "tracedocument.h"

#include <QAbstractItemModel>
#include <QJsonObject>
#include <QSortFilterProxyModel>

#include <vector>

namespace firebreak::analysis {

/// Everything attached to one span, as a two-level tree for the details pane: groups (span attributes,
/// resource attributes, scope, events, links) holding key/value rows; events and links hold their own
/// attributes. Keys are sorted within a group; events keep their time order.
class SpanAttributesModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        KeyColumn,
        ValueColumn,
        ColumnCount,
    };
    enum class RowKind
    {
        Group,
        Attribute,
        Event,
        Link,
    };
    enum Roles
    {
        KindRole = Qt::UserRole + 1, // RowKind as int
        KeyRole, // the key without decoration
        ValueRole, // the value as text
    };

    explicit SpanAttributesModel(QObject* parent = nullptr);
    ~SpanAttributesModel() override;

    /// `span` -1 (or a null document) empties the model.
    void setSpan(TraceDocumentPtr document, qsizetype span);
    TraceDocumentPtr document() const { return m_document; }
    qsizetype span() const { return m_span; }
    using QAbstractItemModel::span; // the span (cell extent) of an index, not hidden by the getter above

    /// The span with all it carries, typed values kept (numbers stay numbers, arrays and maps stay JSON).
    QJsonObject toJson() const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const final;
    QModelIndex parent(const QModelIndex& child) const final;
    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const final;

private:
    struct Node
    {
        int parent = -1; // node index
        int row = 0; // position under the parent
        RowKind kind = RowKind::Attribute;
        QString key;
        QString value;
        std::vector<int> children;
    };

    int addNode(int parent, RowKind kind, QString key, QString value);
    void addAttributes(int parent, IndexRange range, bool sorted);
    const Node* nodeOf(const QModelIndex& index) const;

    TraceDocumentPtr m_document;
    qsizetype m_span = -1;
    std::vector<Node> m_nodes;
    std::vector<int> m_top;
};

/// Keeps the rows whose key or value contains the text (case-insensitive), with their group; the attributes
/// of a matching event or link stay visible with it.
class SpanAttributesFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit SpanAttributesFilterModel(QObject* parent = nullptr);
    ~SpanAttributesFilterModel() override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const final;
};

} // namespace firebreak::analysis
