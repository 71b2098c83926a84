#include "spandetailspane.h"

#include "analysis/durationtext.h"
#include "analysis/spanattributesmodel.h"

#include <QAction>
#include <QClipboard>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace firebreak::ui {

using analysis::SpanAttributesModel;

namespace {

QLabel* valueLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    return label;
}

QLabel* captionLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::Disabled, QPalette::WindowText));
    label->setPalette(palette);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

/// A note under the facts: wrapped text with the palette's highlight as a left accent.
QLabel* noteLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setFrameShape(QFrame::StyledPanel);
    label->setMargin(4);
    label->setVisible(false);
    return label;
}

QString statusText(const Trace& trace, qsizetype span)
{
    const StatusCode code = trace.statusCodes[span];
    const QString message = trace.string(trace.statusMessages[span]);
    QString text;
    switch (code) {
    case StatusCode::Error:
        text = SpanDetailsPane::tr("Error");
        break;
    case StatusCode::Ok:
        text = SpanDetailsPane::tr("OK");
        break;
    case StatusCode::Unset:
        text = SpanDetailsPane::tr("Unset");
        break;
    }
    return message.isEmpty() ? text : SpanDetailsPane::tr("%1: %2").arg(text, message);
}

QString kindText(SpanKind kind)
{
    switch (kind) {
    case SpanKind::Unspecified:
        return SpanDetailsPane::tr("unspecified");
    case SpanKind::Internal:
        return SpanDetailsPane::tr("internal");
    case SpanKind::Server:
        return SpanDetailsPane::tr("server");
    case SpanKind::Client:
        return SpanDetailsPane::tr("client");
    case SpanKind::Producer:
        return SpanDetailsPane::tr("producer");
    case SpanKind::Consumer:
        return SpanDetailsPane::tr("consumer");
    }
    return {};
}

/// Group rows ("Span attributes (4)") in bold, so the groups stand out from their keys.
class GroupDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const final
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (static_cast<SpanAttributesModel::RowKind>(index.data(SpanAttributesModel::KindRole).toInt())
            == SpanAttributesModel::RowKind::Group)
            option->font.setBold(true);
    }
};

} // namespace

SpanDetailsPane::SpanDetailsPane(QWidget* parent)
    : QWidget(parent)
    , m_model(new SpanAttributesModel(this))
    , m_filter(new analysis::SpanAttributesFilterModel(this))
    , m_pages(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("spanDetailsPane"));
    m_filter->setSourceModel(m_model);

    auto* empty = new QLabel(tr("Select a span to see its attributes, events and links."), m_pages);
    empty->setObjectName(QStringLiteral("spanDetailsEmpty"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setMargin(24);
    QPalette emptyPalette = empty->palette();
    emptyPalette.setColor(QPalette::WindowText, emptyPalette.color(QPalette::Disabled, QPalette::WindowText));
    empty->setPalette(emptyPalette);
    m_pages->addWidget(empty);

    auto* content = new QWidget(m_pages);
    m_name = valueLabel(content, QStringLiteral("spanName"));
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.25);
    nameFont.setBold(true);
    m_name->setFont(nameFont);

    auto* facts = new QGridLayout;
    facts->setHorizontalSpacing(12);
    facts->setVerticalSpacing(4);
    facts->setColumnStretch(1, 1);
    int row = 0;
    const auto addFact = [&](const QString& caption, QLabel*& value, const QString& objectName) {
        value = valueLabel(content, objectName);
        facts->addWidget(captionLabel(caption, content), row, 0);
        facts->addWidget(value, row, 1, 1, 2);
        ++row;
    };
    addFact(tr("Service"), m_service, QStringLiteral("spanService"));
    addFact(tr("Kind"), m_kind, QStringLiteral("spanKind"));
    addFact(tr("Status"), m_status, QStringLiteral("spanStatus"));
    const auto addId = [&](const QString& caption, QLabel*& value, const QString& objectName,
                           const QString& buttonName) -> QToolButton* {
        value = valueLabel(content, objectName);
        value->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        auto* button = new QToolButton(content);
        button->setObjectName(buttonName);
        button->setText(tr("Copied"));
        const int width = button->sizeHint().width();
        button->setText(tr("Copy"));
        button->setMinimumWidth(std::max(width, button->sizeHint().width()));
        button->setAutoRaise(true);
        button->setToolTip(tr("Copy %1").arg(caption));
        facts->addWidget(captionLabel(caption, content), row, 0, Qt::AlignVCenter);
        facts->addWidget(value, row, 1, Qt::AlignVCenter);
        facts->addWidget(button, row, 2);
        ++row;
        return button;
    };
    m_copySpanId = addId(tr("Span ID"), m_spanId, QStringLiteral("spanId"), QStringLiteral("copySpanId"));
    m_copyParentId = addId(tr("Parent ID"), m_parentId, QStringLiteral("parentId"), QStringLiteral("copyParentId"));
    m_copyTraceId = addId(tr("Trace ID"), m_traceId, QStringLiteral("traceId"), QStringLiteral("copyTraceId"));
    addFact(tr("Start"), m_start, QStringLiteral("spanStart"));
    addFact(tr("Duration"), m_duration, QStringLiteral("spanDuration"));
    addFact(tr("Self time"), m_selfTime, QStringLiteral("spanSelfTime"));

    m_criticalPath = noteLabel(content, QStringLiteral("spanCriticalPath"));
    m_skew = noteLabel(content, QStringLiteral("spanSkew"));

    m_search = new QLineEdit(content);
    m_search->setObjectName(QStringLiteral("attributeFilter"));
    m_search->setPlaceholderText(tr("Filter attributes, events, links…"));
    m_search->setClearButtonEnabled(true);
    m_copyJsonButton = new QToolButton(content);
    m_copyJsonButton->setObjectName(QStringLiteral("copySpanJson"));
    m_copyJsonButton->setText(tr("Copied"));
    const int jsonWidth = m_copyJsonButton->sizeHint().width();
    m_copyJsonButton->setText(tr("Copy as JSON"));
    m_copyJsonButton->setMinimumWidth(std::max(jsonWidth, m_copyJsonButton->sizeHint().width()));
    m_copyJsonButton->setToolTip(tr("Copy the span with all its attributes, events and links as JSON"));

    m_tree = new QTreeView(content);
    m_tree->setObjectName(QStringLiteral("spanAttributes"));
    m_tree->setModel(m_filter);
    m_tree->setItemDelegate(new GroupDelegate(m_tree));
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(SpanAttributesModel::KeyColumn, QHeaderView::Interactive);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_copyValue = new QAction(tr("Copy value"), m_tree);
    m_copyValue->setObjectName(QStringLiteral("copyValue"));
    m_copyValue->setShortcut(QKeySequence::Copy);
    m_copyValue->setShortcutContext(Qt::WidgetShortcut);
    m_copyKeyValue = new QAction(tr("Copy key=value"), m_tree);
    m_copyKeyValue->setObjectName(QStringLiteral("copyKeyValue"));
    m_copyJson = new QAction(tr("Copy all as JSON"), m_tree);
    m_copyJson->setObjectName(QStringLiteral("copyAllJson"));
    m_tree->addActions({ m_copyValue, m_copyKeyValue, m_copyJson });

    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_copyJsonButton);

    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(8);
    layout->addWidget(m_name);
    layout->addLayout(facts);
    layout->addWidget(m_criticalPath);
    layout->addWidget(m_skew);
    layout->addLayout(searchRow);
    layout->addWidget(m_tree, 1);
    m_pages->addWidget(content);

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_pages);

    connect(m_copySpanId, &QToolButton::clicked, this, [this] { copyFromButton(m_copySpanId, m_spanId->text()); });
    connect(m_copyTraceId, &QToolButton::clicked, this, [this] { copyFromButton(m_copyTraceId, m_traceId->text()); });
    connect(m_copyParentId, &QToolButton::clicked, this, [this] {
        if (m_document && m_span >= 0)
            copyFromButton(m_copyParentId, spanIdToHex(m_document->trace.parentSpanIds[m_span]));
    });
    connect(m_copyJsonButton, &QToolButton::clicked, this, [this] {
        copyFromButton(
            m_copyJsonButton, QString::fromUtf8(QJsonDocument(m_model->toJson()).toJson(QJsonDocument::Indented)));
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setFilterFixedString(text);
        m_tree->expandAll();
        spanGroupRows();
    });
    connect(m_copyValue, &QAction::triggered, this, [this] { copyCurrent(false); });
    connect(m_copyKeyValue, &QAction::triggered, this, [this] { copyCurrent(true); });
    connect(m_copyJson, &QAction::triggered, this, &SpanDetailsPane::copyJson);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &SpanDetailsPane::updateCopyActions);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &SpanDetailsPane::updateCopyActions);

    showSpan();
}

SpanDetailsPane::~SpanDetailsPane() = default;

void SpanDetailsPane::setSpan(analysis::TraceDocumentPtr document, qsizetype span)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_document = span >= 0 ? std::move(document) : nullptr;
    m_span = m_document && span < m_document->trace.spanCount() ? span : -1;
    if (m_span < 0)
        m_document.reset();
    m_model->setSpan(m_document, m_span);
    showSpan();
}

void SpanDetailsPane::setTimeDisplay(TimeDisplay display)
{
    if (display == m_display)
        return;
    m_display = display;
    showSpan();
}

void SpanDetailsPane::showSpan()
{
    if (!m_document) {
        m_pages->setCurrentIndex(0);
        updateCopyActions();
        return;
    }
    // First: a hidden tree measures no rows for the key column.
    m_pages->setCurrentIndex(1);
    const analysis::TraceDocument& document = *m_document;
    const Trace& trace = document.trace;
    const qsizetype span = m_span;

    m_name->setText(trace.string(trace.names[span]));
    m_service->setText(trace.string(trace.services[span]));
    m_kind->setText(kindText(trace.kinds[span]));
    m_status->setText(statusText(trace, span));
    QPalette statusPalette = palette();
    if (trace.statusCodes[span] == StatusCode::Error) {
        const bool dark = statusPalette.color(QPalette::Base).lightness() < 128;
        statusPalette.setColor(QPalette::WindowText, dark ? QColor(0xf2, 0x8b, 0x82) : QColor(0xb3, 0x26, 0x1e));
    }
    m_status->setPalette(statusPalette);

    m_spanId->setText(spanIdToHex(trace.spanIds[span]));
    const SpanId parentId = trace.parentSpanIds[span];
    if (parentId == 0)
        m_parentId->setText(tr("none (root span)"));
    else if (trace.isOrphan(span))
        m_parentId->setText(tr("%1 (not in this trace)").arg(spanIdToHex(parentId)));
    else
        m_parentId->setText(spanIdToHex(parentId));
    m_copyParentId->setEnabled(parentId != 0);
    m_traceId->setText(trace.traceIds[span].toHex());

    const std::int64_t startNs = trace.startNs[span];
    m_start->setText(
        tr("%1 (%2 into the trace)")
            .arg(analysis::formatTimestampNs(startNs, m_display),
                analysis::formatSignedDurationNs(document.tree.startNs(trace, span) - trace.startTimeNs())));
    const std::int64_t duration = trace.durationNs(span);
    m_duration->setText(analysis::formatDurationNs(duration));
    m_duration->setToolTip(analysis::formatExactNs(duration));
    const std::int64_t self = span < static_cast<qsizetype>(document.selfNs.size()) ? document.selfNs[span] : 0;
    m_selfTime->setText(duration > 0
            ? tr("%1 (%2 % of the span)")
                  .arg(analysis::formatDurationNs(self),
                      QString::number(100.0 * static_cast<double>(self) / static_cast<double>(duration), 'f', 1))
            : analysis::formatDurationNs(self));
    m_selfTime->setToolTip(analysis::formatExactNs(self));

    const analysis::CriticalPath& path = document.criticalPath;
    if (path.contains(span)) {
        std::int64_t onPath = 0;
        const auto it = std::find(path.spans.begin(), path.spans.end(), static_cast<std::int32_t>(span));
        if (it != path.spans.end())
            onPath = path.timeOnPathNs[static_cast<std::size_t>(it - path.spans.begin())];
        m_criticalPath->setText(tr("On the critical path: %1 of its %2")
                                    .arg(analysis::formatDurationNs(onPath), analysis::formatDurationNs(duration)));
        m_criticalPath->setVisible(true);
    } else {
        m_criticalPath->setVisible(false);
    }
    const std::int64_t skew = span < document.tree.spanCount() ? document.tree.skewNs[span] : 0;
    if (skew != 0) {
        m_skew->setText(tr("Shifted by %1 to correct clock skew against its parent (Jaeger's rule)")
                            .arg(analysis::formatSignedDurationNs(skew)));
        m_skew->setVisible(true);
    } else {
        m_skew->setVisible(false);
    }

    m_tree->expandAll();
    spanGroupRows();
    m_tree->resizeColumnToContents(SpanAttributesModel::KeyColumn);
    m_keyWidth = m_tree->columnWidth(SpanAttributesModel::KeyColumn);
    fitKeyColumn();
    updateCopyActions();
}

void SpanDetailsPane::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitKeyColumn();
}

void SpanDetailsPane::fitKeyColumn()
{
    // Keys as wide as the longest, but a very long key must not push the values out of sight.
    const int limit = std::max(140, m_tree->viewport()->width() * 55 / 100);
    m_tree->setColumnWidth(SpanAttributesModel::KeyColumn, std::min(m_keyWidth + 8, limit));
}

void SpanDetailsPane::spanGroupRows()
{
    // The group titles are headings: across both columns.
    for (int row = 0; row < m_filter->rowCount(); ++row)
        m_tree->setFirstColumnSpanned(row, {}, true);
}

void SpanDetailsPane::copy(const QString& text)
{
    QGuiApplication::clipboard()->setText(text);
    Q_EMIT copied(text);
}

void SpanDetailsPane::copyFromButton(QToolButton* button, const QString& text)
{
    copy(text);
    const QString label = button->text();
    if (label == tr("Copied"))
        return;
    button->setText(tr("Copied"));
    QTimer::singleShot(1500, button, [button, label] { button->setText(label); });
}

void SpanDetailsPane::updateCopyActions()
{
    const QModelIndex current = m_tree->currentIndex();
    const auto kind = static_cast<SpanAttributesModel::RowKind>(current.data(SpanAttributesModel::KindRole).toInt());
    const bool hasValue = current.isValid() && kind != SpanAttributesModel::RowKind::Group;
    m_copyValue->setEnabled(hasValue);
    m_copyKeyValue->setEnabled(current.isValid());
    m_copyJson->setEnabled(m_document != nullptr);
}

void SpanDetailsPane::copyCurrent(bool withKey)
{
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(SpanAttributesModel::KeyColumn);
    if (!current.isValid())
        return;
    const auto kind = static_cast<SpanAttributesModel::RowKind>(current.data(SpanAttributesModel::KindRole).toInt());
    const auto line = [](const QModelIndex& index) -> QString {
        return index.data(SpanAttributesModel::KeyRole).toString() + u'='
            + index.data(SpanAttributesModel::ValueRole).toString();
    };
    if (!withKey) {
        if (kind != SpanAttributesModel::RowKind::Group)
            copy(current.data(SpanAttributesModel::ValueRole).toString());
        return;
    }
    if (kind == SpanAttributesModel::RowKind::Attribute) {
        copy(line(current));
        return;
    }
    // A group, event or link: every attribute row it shows, one per line.
    QStringList lines;
    const int rows = m_filter->rowCount(current);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex child = m_filter->index(row, 0, current);
        if (static_cast<SpanAttributesModel::RowKind>(child.data(SpanAttributesModel::KindRole).toInt())
            == SpanAttributesModel::RowKind::Attribute)
            lines << line(child);
        else // an event ("+85 ms exception") or a link ("<trace id> / <span id>")
            lines << child.data(SpanAttributesModel::KeyRole).toString() + u' '
                    + child.data(SpanAttributesModel::ValueRole).toString();
    }
    copy(lines.join(u'\n'));
}

void SpanDetailsPane::copyJson()
{
    if (m_document)
        copy(QString::fromUtf8(QJsonDocument(m_model->toJson()).toJson(QJsonDocument::Indented)));
}

} // namespace firebreak::ui
