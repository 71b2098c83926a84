#include "timelinepanel.h"

#include "evidencepane.h"
#include "timelinedelegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace firebreak::ui {

using journal::TimelineModel;

TimelinePanel::TimelinePanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new TimelineModel(this))
    , m_filter(new journal::TimelineFilterModel(this))
    , m_kind(new QComboBox(this))
    , m_author(new QComboBox(this))
    , m_view(new QTreeView(this))
    , m_detail(new QLabel(this))
    , m_evidence(new EvidencePane(this))
    , m_entry(new QLineEdit(this))
    , m_key(new QPushButton(tr("Mark key"), this))
    , m_correct(new QPushButton(tr("Correct…"), this))
    , m_action(new QPushButton(tr("Action item…"), this))
{
    setObjectName(QStringLiteral("timelinePanel"));
    m_kind->setObjectName(QStringLiteral("timelineKind"));
    m_author->setObjectName(QStringLiteral("timelineAuthor"));
    m_view->setObjectName(QStringLiteral("timelineView"));
    m_entry->setObjectName(QStringLiteral("quickEntry"));
    m_key->setObjectName(QStringLiteral("markKey"));
    m_correct->setObjectName(QStringLiteral("correctEvent"));
    m_action->setObjectName(QStringLiteral("raiseActionItem"));

    m_filter->setSourceModel(m_model);
    m_view->setModel(m_filter);
    m_view->setItemDelegate(new TimelineDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // One line per event and uniform row heights: a timeline of 100,000 events lays out as fast as one
    // of ten. The selected event's full text shows below the list.
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(TimelineModel::TimeColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(TimelineModel::AuthorColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(TimelineModel::KindColumn, QHeaderView::ResizeToContents);
    m_detail->setObjectName(QStringLiteral("timelineDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setVisible(false);

    m_kind->addItem(tr("All kinds"), QString());
    for (auto kind : { EventKind::Note, EventKind::SeverityChanged, EventKind::StatusChanged, EventKind::RoleAssigned,
             EventKind::UpdateSent, EventKind::EvidencePinned, EventKind::ActionItemAdded, EventKind::EventCorrected,
             EventKind::FieldChanged, EventKind::Declared })
        m_kind->addItem(TimelineModel::kindLabel(kind), eventKindKey(kind));
    m_author->addItem(tr("All authors"), QString());

    m_entry->setPlaceholderText(tr("Add a note — Enter saves it to the timeline"));
    m_entry->setClearButtonEnabled(true);

    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Show"), this));
    filters->addWidget(m_kind);
    filters->addWidget(m_author);
    filters->addStretch(1);
    filters->addWidget(m_key);
    filters->addWidget(m_correct);
    filters->addWidget(m_action);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_detail);
    layout->addWidget(m_evidence);
    layout->addWidget(m_entry);

    connect(
        m_kind, &QComboBox::currentIndexChanged, this, [this] { m_filter->setKind(m_kind->currentData().toString()); });
    connect(m_author, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setAuthor(m_author->currentData().toString()); });
    connect(m_entry, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_entry->text().trimmed();
        if (text.isEmpty())
            return;
        m_entry->clear();
        Q_EMIT noteEntered(text);
    });
    connect(m_evidence, &EvidencePane::openRequested, this, &TimelinePanel::evidenceOpenRequested);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        showDetail();
    });
    connect(m_key, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            Q_EMIT keyToggled(selectedEventId(), !current.data(TimelineModel::KeyRole).toBool());
    });
    connect(m_correct, &QPushButton::clicked, this, [this] {
        const QString id = selectedEventId();
        if (id.isEmpty())
            return;
        const QModelIndex current = m_view->currentIndex();
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(this, tr("Correct an event"),
            tr("The original stays in the timeline; this correction is shown with it.\n\nOriginal: %1")
                .arg(current.siblingAtColumn(TimelineModel::TextColumn).data().toString()),
            current.siblingAtColumn(TimelineModel::TextColumn).data().toString(), &ok);
        if (ok && !text.trimmed().isEmpty())
            Q_EMIT correctionEntered(id, text.trimmed());
    });
    connect(m_action, &QPushButton::clicked, this, [this] { Q_EMIT actionItemRequested(selectedEventId()); });
    updateButtons();
}

TimelinePanel::~TimelinePanel() = default;

void TimelinePanel::setIncident(const Incident& incident, const QList<JournalEvent>& events)
{
    const QString selected = selectedEventId();
    const bool atEnd = m_filter->rowCount() == 0 || !m_view->currentIndex().isValid()
        || m_view->currentIndex().row() == m_filter->rowCount() - 1;
    m_model->setIncident(incident, events);
    refreshAuthors();
    if (!selected.isEmpty() && !atEnd)
        selectEvent(selected);
    else
        m_view->scrollToBottom(); // newest last, and the newest is what people look for
    updateButtons();
}

void TimelinePanel::setTimeDisplay(TimeDisplay display)
{
    m_model->setTimeDisplay(display);
}

QString TimelinePanel::selectedEventId() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isRowSelected(current.row(), current.parent()))
        return {};
    return current.data(TimelineModel::EventIdRole).toString();
}

void TimelinePanel::selectEvent(const QString& eventId)
{
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const QModelIndex index = m_filter->index(row, 0);
        if (index.data(TimelineModel::EventIdRole).toString() == eventId) {
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index);
            return;
        }
    }
}

void TimelinePanel::showDetail()
{
    const QModelIndex current = m_view->currentIndex();
    if (selectedEventId().isEmpty()) {
        m_detail->setVisible(false);
        m_evidence->setEvidence({});
        return;
    }
    m_evidence->setEvidence(current.data(TimelineModel::EvidenceRole).toMap());
    m_detail->setText(current.siblingAtColumn(TimelineModel::TextColumn).data(Qt::ToolTipRole).toString());
    m_detail->setVisible(true);
}

void TimelinePanel::updateButtons()
{
    const bool has = !selectedEventId().isEmpty();
    m_key->setEnabled(has);
    m_correct->setEnabled(has);
    if (has)
        m_key->setText(
            m_view->currentIndex().data(TimelineModel::KeyRole).toBool() ? tr("Unmark key") : tr("Mark key"));
}

void TimelinePanel::refreshAuthors()
{
    const QString current = m_author->currentData().toString();
    const QSignalBlocker block(m_author);
    while (m_author->count() > 1)
        m_author->removeItem(1);
    for (const QString& author : m_model->authors())
        m_author->addItem(author, author);
    m_author->setCurrentIndex(std::max(0, m_author->findData(current)));
}

} // namespace firebreak::ui
