#include "timelinemodel.h"

#include <QVariantMap>

namespace firebreak::journal {

TimelineModel::TimelineModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

TimelineModel::~TimelineModel() = default;

void TimelineModel::setIncident(const Incident& incident, const QList<JournalEvent>& events)
{
    beginResetModel();
    m_events = events;
    m_key = incident.keyEvents;
    m_corrections.clear();
    for (const JournalEvent& event : events) {
        if (event.kind == EventKind::EventCorrected)
            m_corrections.insert(event.payload.value(QStringLiteral("target")).toString(),
                event.payload.value(QStringLiteral("text")).toString());
    }
    endResetModel();
}

void TimelineModel::setTimeDisplay(TimeDisplay display)
{
    m_display = display;
    if (!m_events.isEmpty())
        Q_EMIT dataChanged(index(0, TimeColumn), index(rowCount() - 1, TimeColumn));
}

QStringList TimelineModel::authors() const
{
    QStringList list;
    for (const JournalEvent& event : m_events) {
        if (!list.contains(event.author))
            list << event.author;
    }
    list.sort(Qt::CaseInsensitive);
    return list;
}

QString TimelineModel::kindLabel(EventKind kind)
{
    switch (kind) {
    case EventKind::Declared:
        return tr("Declared");
    case EventKind::FieldChanged:
        return tr("Edited");
    case EventKind::SeverityChanged:
        return tr("Severity");
    case EventKind::StatusChanged:
        return tr("Status");
    case EventKind::RoleAssigned:
        return tr("Role");
    case EventKind::Note:
        return tr("Note");
    case EventKind::EvidencePinned:
        return tr("Evidence");
    case EventKind::UpdateSent:
        return tr("Update sent");
    case EventKind::ActionItemAdded:
        return tr("Action item");
    case EventKind::ActionItemUpdated:
        return tr("Action item");
    case EventKind::PostmortemEdited:
        return tr("Postmortem");
    case EventKind::EventCorrected:
        return tr("Correction");
    case EventKind::KeyMarked:
        return tr("Key event");
    }
    return {};
}

QString TimelineModel::describe(const JournalEvent& event)
{
    const QJsonObject& p = event.payload;
    const auto v = [&p](const char* key) { return p.value(QLatin1String(key)).toString(); };
    switch (event.kind) {
    case EventKind::Declared:
        return tr("%1 declared: %2%3")
            .arg(v("severity"), v("title"),
                v("commander").isEmpty() ? QString() : tr(" (commander %1)").arg(v("commander")));
    case EventKind::FieldChanged: {
        const QJsonValue value = p.value(QStringLiteral("value"));
        QString text = value.isArray() ? value.toVariant().toStringList().join(QStringLiteral(", ")) : value.toString();
        if (v("field") == QLatin1String("started"))
            text = value.isNull() ? tr("unknown")
                                  : formatTime(static_cast<qint64>(value.toDouble()), TimeDisplay::Utc, true);
        return tr("%1 set to: %2").arg(v("field"), text);
    }
    case EventKind::SeverityChanged:
        return v("reason").isEmpty() ? tr("Severity %1 → %2").arg(v("from"), v("to"))
                                     : tr("Severity %1 → %2 (%3)").arg(v("from"), v("to"), v("reason"));
    case EventKind::StatusChanged: {
        const auto label = [](const QString& key) {
            const auto status = statusFromKey(key);
            return status ? statusLabel(*status) : key;
        };
        return tr("Status %1 → %2").arg(label(v("from")), label(v("to")));
    }
    case EventKind::RoleAssigned:
        if (v("person").isEmpty())
            return tr("%1 released by %2").arg(v("role"), v("previous"));
        return v("previous").isEmpty() ? tr("%1 is now %2").arg(v("person"), v("role"))
                                       : tr("%1 handed %2 to %3").arg(v("previous"), v("role"), v("person"));
    case EventKind::Note:
        return v("text");
    case EventKind::EvidencePinned:
        return tr("%1 [%2] %3 — %4 to %5")
            .arg(v("title"), v("source"), v("query"),
                formatTime(static_cast<qint64>(p.value(QStringLiteral("from_ms")).toDouble()), TimeDisplay::Utc),
                formatTime(static_cast<qint64>(p.value(QStringLiteral("to_ms")).toDouble()), TimeDisplay::Utc, true));
    case EventKind::UpdateSent:
        return tr("To %1: %2").arg(v("audience"), v("text"));
    case EventKind::ActionItemAdded:
        return v("owner").isEmpty() ? v("text") : tr("%1 (owner %2)").arg(v("text"), v("owner"));
    case EventKind::ActionItemUpdated:
        return tr("Action item now %1").arg(v("status").isEmpty() ? tr("changed") : v("status"));
    case EventKind::PostmortemEdited:
        return tr("Postmortem draft saved (%n characters)", nullptr, static_cast<int>(v("markdown").size()));
    case EventKind::EventCorrected:
        return tr("Correction: %1").arg(v("text"));
    case EventKind::KeyMarked:
        return p.value(QStringLiteral("key")).toBool(true) ? tr("Marked an event as key") : tr("Unmarked a key event");
    }
    return {};
}

QString TimelineModel::fullText(int row) const
{
    const JournalEvent& event = m_events.at(row);
    QString text = describe(event);
    if (m_key.contains(event.id))
        text = QStringLiteral("★ ") + text;
    const QString correction = m_corrections.value(event.id);
    if (!correction.isEmpty())
        text += u'\n' + tr("corrected: %1").arg(correction);
    return text;
}

int TimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int TimelineModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JournalEvent& event = m_events.at(index.row());
    switch (role) {
    case EventIdRole:
        return event.id;
    case KindRole:
        return static_cast<int>(event.kind);
    case KindKeyRole:
        return eventKindKey(event.kind);
    case AuthorRole:
        return event.author;
    case TimeRole:
        return event.timeMs;
    case KeyRole:
        return m_key.contains(event.id);
    case CorrectionRole:
        return m_corrections.value(event.id);
    case EvidenceRole: {
        if (event.kind != EventKind::EvidencePinned)
            return {};
        const QJsonObject& p = event.payload;
        return QVariantMap { { QStringLiteral("title"), p.value(QStringLiteral("title")).toString() },
            { QStringLiteral("source"), p.value(QStringLiteral("source")).toString() },
            { QStringLiteral("query"), p.value(QStringLiteral("query")).toString() },
            { QStringLiteral("from_ms"), static_cast<qint64>(p.value(QStringLiteral("from_ms")).toDouble()) },
            { QStringLiteral("to_ms"), static_cast<qint64>(p.value(QStringLiteral("to_ms")).toDouble()) },
            { QStringLiteral("thumbnail"),
                QByteArray::fromBase64(p.value(QStringLiteral("thumbnail_png")).toString().toLatin1()) },
            { QStringLiteral("data"), QByteArray::fromBase64(p.value(QStringLiteral("data")).toString().toLatin1()) } };
    }
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return formatTime(event.timeMs, m_display);
        case AuthorColumn:
            return event.author;
        case KindColumn:
            return kindLabel(event.kind);
        case TextColumn: {
            // One line in the list (rows have one height, so long timelines stay fast); the full text
            // is the tool tip and the detail below the list.
            QString text = fullText(index.row());
            text.replace(u'\n', QStringLiteral(" ⏎ "));
            return text;
        }
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == TextColumn)
            return fullText(index.row());
        return tr("%1 by %2 (device %3)").arg(kindLabel(event.kind), event.author, event.deviceId);
    default:
        return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case AuthorColumn:
        return tr("Author");
    case KindColumn:
        return tr("Kind");
    case TextColumn:
        return tr("What happened");
    default:
        return {};
    }
}

TimelineFilterModel::TimelineFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{ }

TimelineFilterModel::~TimelineFilterModel() = default;

void TimelineFilterModel::setKind(const QString& kindKey)
{
    m_kind = kindKey;
    invalidateFilter();
}

void TimelineFilterModel::setAuthor(const QString& author)
{
    m_author = author;
    invalidateFilter();
}

bool TimelineFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_kind.isEmpty() && index.data(TimelineModel::KindKeyRole).toString() != m_kind)
        return false;
    if (!m_author.isEmpty() && index.data(TimelineModel::AuthorRole).toString() != m_author)
        return false;
    return true;
}

} // namespace firebreak::journal
