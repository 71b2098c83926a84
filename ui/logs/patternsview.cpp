#include "patternsview.h"

#include "analysis/patterntablemodel.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QtConcurrent/QtConcurrentRun>
#include <QTimer>
#include <QTimeZone>
#include <QVBoxLayout>

namespace firebreak::ui {

using analysis::PatternTableModel;

namespace {

constexpr qint64 NsPerMs = 1000000;
constexpr int SparklineBuckets = 40;
// Lines keep arriving while a tail runs: mine at most this often, the newest lines each time.
constexpr int MineDelayMs = 150;

/// The counts of a pattern over the range as a filled line.
class SparklineDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::paint(painter, option, QModelIndex()); // background and selection only
        const QList<int> counts = index.data(PatternTableModel::SparklineRole).value<QList<int>>();
        if (counts.isEmpty())
            return;
        const int most = std::max(1, *std::max_element(counts.cbegin(), counts.cend()));
        const QRectF area = QRectF(option.rect).adjusted(3, 3, -3, -3);
        const double step = counts.size() > 1 ? area.width() / static_cast<double>(counts.size() - 1) : 0;
        QPainterPath line;
        for (qsizetype i = 0; i < counts.size(); ++i) {
            const QPointF point(area.left() + step * static_cast<double>(i),
                area.bottom() - area.height() * counts[i] / static_cast<double>(most));
            if (i == 0)
                line.moveTo(point);
            else
                line.lineTo(point);
        }
        QPainterPath filled = line;
        filled.lineTo(area.left() + step * static_cast<double>(counts.size() - 1), area.bottom());
        filled.lineTo(area.left(), area.bottom());
        filled.closeSubpath();
        const bool selected = option.state & QStyle::State_Selected;
        QColor colour = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Highlight);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QColor fill = colour;
        fill.setAlpha(60);
        painter->fillPath(filled, fill);
        painter->setPen(QPen(colour, 1.2));
        painter->drawPath(line);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        return QStyledItemDelegate::sizeHint(option, index).expandedTo(QSize(120, 0));
    }
};

/// The pattern with its placeholders (`<*>`, `<NUM>`, …) dimmed, after a "new" badge for new patterns.
class PatternTextDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::paint(painter, option, QModelIndex());
        const QString text = index.data(PatternTableModel::PatternTextRole).toString();
        const bool isNew = index.data(PatternTableModel::IsNewRole).toBool();
        const bool selected = option.state & QStyle::State_Selected;
        QRect area = option.rect.adjusted(4, 0, -4, 0);
        painter->save();
        painter->setClipRect(option.rect);
        QFont font = option.font;
        if (isNew) {
            QFont badgeFont = font;
            badgeFont.setBold(true);
            badgeFont.setPointSizeF(std::max(6.0, font.pointSizeF() * 0.85));
            const QFontMetrics metrics(badgeFont);
            const QString badge = QCoreApplication::translate("PatternsView", "new");
            const QRect badgeRect(area.left(), area.center().y() - metrics.height() / 2,
                metrics.horizontalAdvance(badge) + 10, metrics.height());
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(Qt::NoPen);
            painter->setBrush(QColor(0xe2, 0x4d, 0x42));
            painter->drawRoundedRect(badgeRect, 4, 4);
            painter->setPen(Qt::white);
            painter->setFont(badgeFont);
            painter->drawText(badgeRect, Qt::AlignCenter, badge);
            area.setLeft(badgeRect.right() + 6);
        }
        font.setFamilies({ QStringLiteral("monospace") });
        font.setStyleHint(QFont::Monospace);
        painter->setFont(font);
        const QFontMetrics metrics(font);
        const QColor normal = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        QColor dim = selected ? normal : option.palette.color(QPalette::PlaceholderText);
        if (selected)
            dim.setAlpha(150);
        static const QRegularExpression placeholder(QStringLiteral("<[A-Za-z_*]*>"));
        int x = area.left();
        const int baseline = area.center().y() + metrics.ascent() / 2 - metrics.descent() / 2;
        qsizetype at = 0;
        const auto draw = [&](QStringView part, const QColor& colour) {
            if (part.isEmpty() || x > area.right())
                return;
            painter->setPen(colour);
            const QString piece = part.toString();
            painter->drawText(x, baseline, piece);
            x += metrics.horizontalAdvance(piece);
        };
        for (auto it = placeholder.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            draw(QStringView(text).sliced(at, match.capturedStart() - at), normal);
            draw(match.capturedView(), dim);
            at = match.capturedEnd();
        }
        draw(QStringView(text).sliced(at), normal);
        painter->restore();
    }
};

/// Sorts by the model's SortRole (numbers as numbers).
class PatternSortProxy final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override
    {
        const QVariant a = left.data(PatternTableModel::SortRole);
        const QVariant b = right.data(PatternTableModel::SortRole);
        if (a.typeId() == QMetaType::QString)
            return a.toString() < b.toString();
        return a.toLongLong() < b.toLongLong();
    }
};

} // namespace

PatternsView::PatternsView(QWidget* parent)
    : QWidget(parent)
    , m_model(new PatternTableModel(this))
    , m_proxy(new PatternSortProxy(this))
    , m_table(new QTableView(this))
    , m_newSinceEdit(new QDateTimeEdit(this))
    , m_sort(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_mineTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("patternsView"));
    m_proxy->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("patternsTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setItemDelegateForColumn(PatternTableModel::TrendColumn, new SparklineDelegate(m_table));
    m_table->setItemDelegateForColumn(PatternTableModel::PatternColumn, new PatternTextDelegate(m_table));
    m_table->setColumnWidth(PatternTableModel::TrendColumn, 130);
    m_table->setColumnWidth(PatternTableModel::FirstSeenColumn, 150);
    m_table->setColumnWidth(PatternTableModel::LastSeenColumn, 150);
    m_table->sortByColumn(PatternTableModel::CountColumn, Qt::DescendingOrder);
    m_table->setToolTip(tr("Click a pattern to show only its lines"));

    m_newSinceEdit->setObjectName(QStringLiteral("patternsNewSince"));
    m_newSinceEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_newSinceEdit->setCalendarPopup(true);
    m_newSinceEdit->setToolTip(tr("Patterns first seen at or after this moment are marked new"));
    m_sort->setObjectName(QStringLiteral("patternsSort"));
    m_sort->addItem(tr("Most lines first"));
    m_sort->addItem(tr("Newest first"));
    m_summary->setObjectName(QStringLiteral("patternsSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    auto* newSinceLabel = new QLabel(tr("New since"), this);
    newSinceLabel->setBuddy(m_newSinceEdit);
    bar->addWidget(newSinceLabel);
    bar->addWidget(m_newSinceEdit);
    bar->addSpacing(12);
    bar->addWidget(m_sort);
    bar->addSpacing(12);
    bar->addWidget(m_summary, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    m_mineTimer->setSingleShot(true);
    m_mineTimer->setInterval(MineDelayMs);
    connect(m_mineTimer, &QTimer::timeout, this, &PatternsView::startMining);
    connect(m_newSinceEdit, &QDateTimeEdit::dateTimeChanged, this, [this](const QDateTime& when) {
        if (m_syncing)
            return;
        m_newSinceChosen = true;
        applyNewSince(when.toMSecsSinceEpoch() * NsPerMs);
    });
    connect(m_sort, &QComboBox::currentIndexChanged, this, &PatternsView::sortBy);
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder) {
        const QSignalBlocker blocker(m_sort);
        m_sort->setCurrentIndex(column == PatternTableModel::FirstSeenColumn ? 1 : 0);
    });
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex& index) {
        if (!index.isValid())
            return;
        Q_EMIT patternFilterRequested(index.data(PatternTableModel::PatternIdRole).toInt(),
            index.data(PatternTableModel::PatternTextRole).toString());
    });
    setTimeDisplay(TimeDisplay::Local);
    updateSummary();
}

PatternsView::~PatternsView()
{
    if (m_cancel)
        m_cancel->store(true);
}

void PatternsView::setLines(std::shared_ptr<const LogBatch> lines, qint64 fromNs, qint64 toNs)
{
    if (m_cancel)
        m_cancel->store(true); // the mining under way is of lines no longer shown
    m_pending = lines ? std::move(lines) : std::make_shared<const LogBatch>();
    m_fromNs = fromNs;
    m_toNs = std::max(toNs, fromNs + 1);
    if (!m_newSinceChosen)
        applyNewSince(fromNs + (m_toNs - fromNs) / 2);
    m_mining = true;
    updateSummary();
    if (!m_mineTimer->isActive())
        m_mineTimer->start();
}

void PatternsView::startMining()
{
    if (!m_pending)
        return;
    auto lines = std::move(m_pending);
    m_pending.reset();
    const quint64 job = ++m_job;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const auto cancel = m_cancel;
    const qint64 fromNs = m_fromNs;
    const qint64 toNs = m_toNs;
    QtConcurrent::run([lines, fromNs, toNs, cancel] {
        return std::make_shared<const analysis::PatternResult>(
            analysis::minePatterns(*lines, fromNs, toNs, SparklineBuckets, cancel.get()));
    }).then(this, [this, job, lines, cancel](std::shared_ptr<const analysis::PatternResult> result) {
        if (job != m_job || cancel->load() || result->cancelled)
            return; // newer lines came meanwhile; their mining reports
        showResult(std::move(result), lines);
    });
}

void PatternsView::showResult(
    std::shared_ptr<const analysis::PatternResult> result, std::shared_ptr<const LogBatch> lines)
{
    m_mining = static_cast<bool>(m_pending);
    m_result = std::move(result);
    m_minedLines = std::move(lines);
    m_model->setPatterns(m_result);
    m_model->setNewSince(m_newSinceNs);
    updateSummary();
    Q_EMIT patternsReady(static_cast<int>(m_result->patterns.size()));
}

void PatternsView::setNewSince(qint64 ns)
{
    m_newSinceChosen = true;
    applyNewSince(ns);
}

void PatternsView::applyNewSince(qint64 ns)
{
    m_newSinceNs = ns;
    {
        const QScopedValueRollback<bool> syncing(m_syncing, true);
        m_newSinceEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(
            ns / NsPerMs, m_display == TimeDisplay::Utc ? QTimeZone::utc() : QTimeZone::systemTimeZone()));
    }
    m_model->setNewSince(ns);
    updateSummary();
}

void PatternsView::setTimeDisplay(TimeDisplay display)
{
    m_display = display;
    m_model->setTimeDisplay(display);
    const QScopedValueRollback<bool> syncing(m_syncing, true);
    m_newSinceEdit->setTimeSpec(display == TimeDisplay::Utc ? Qt::UTC : Qt::LocalTime);
    m_newSinceEdit->setDateTime(QDateTime::fromMSecsSinceEpoch(
        m_newSinceNs / NsPerMs, display == TimeDisplay::Utc ? QTimeZone::utc() : QTimeZone::systemTimeZone()));
}

void PatternsView::clear()
{
    if (m_cancel)
        m_cancel->store(true);
    ++m_job;
    m_mineTimer->stop();
    m_pending.reset();
    m_mining = false;
    m_result.reset();
    m_minedLines.reset();
    m_model->setPatterns({});
    updateSummary();
}

std::shared_ptr<const std::vector<qint32>> PatternsView::patternOfLine() const
{
    if (!m_result)
        return {};
    // Shares ownership with the result, so the vector lives as long as either does.
    return std::shared_ptr<const std::vector<qint32>>(m_result, &m_result->patternOfLine);
}

const std::vector<analysis::LogPattern>& PatternsView::patterns() const
{
    return m_model->patterns();
}

void PatternsView::sortBy(int choice)
{
    if (choice == 1)
        m_table->sortByColumn(PatternTableModel::FirstSeenColumn, Qt::DescendingOrder);
    else
        m_table->sortByColumn(PatternTableModel::CountColumn, Qt::DescendingOrder);
}

void PatternsView::updateSummary()
{
    const QLocale locale;
    QString text;
    if (m_result) {
        text = tr("%n pattern(s) in %1 lines", nullptr, static_cast<int>(m_result->patterns.size()))
                   .arg(locale.toString(m_model->totalLines()));
        const int fresh = m_model->newPatternCount();
        if (fresh > 0)
            text += tr(", %n new", nullptr, fresh);
    }
    if (m_mining)
        text += (text.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("mining…");
    m_summary->setText(text);
}

} // namespace firebreak::ui
