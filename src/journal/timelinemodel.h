#pragma once

#include "model/incident.h"
#include "model/timerange.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace firebreak::journal {

/// Every event of one incident, oldest first, with the text a person reads for each kind.
class TimelineModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        AuthorColumn,
        KindColumn,
        TextColumn,
        ColumnCount,
    };
    enum Roles
    {
        EventIdRole = Qt::UserRole + 1,
        KindRole, // EventKind as int
        KindKeyRole, // "note", "severity_changed" …
        AuthorRole,
        TimeRole, // ms since epoch
        KeyRole, // bool: marked key for the postmortem
        CorrectionRole, // text of the newest correction of this event, or empty
        EvidenceRole, // QVariantMap: title, source, query, from_ms, to_ms, thumbnail (PNG), data (frozen copy)
    };

    explicit TimelineModel(QObject* parent = nullptr);
    ~TimelineModel() override;

    void setIncident(const Incident& incident, const QList<JournalEvent>& events);
    void setTimeDisplay(TimeDisplay display);
    const QList<JournalEvent>& events() const { return m_events; }
    QStringList authors() const;

    /// One line describing an event: "Severity SEV3 → SEV1 (all regions)", the note's text …
    static QString describe(const JournalEvent& event);
    static QString kindLabel(EventKind kind);
    /// The event's text with its key mark and correction, possibly several lines.
    QString fullText(int row) const;

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const final;

private:
    QList<JournalEvent> m_events;
    QSet<QString> m_key;
    QHash<QString, QString> m_corrections; // target id -> correction text
    TimeDisplay m_display = TimeDisplay::Local;
};

/// Filters the timeline by event kind and author (empty = all).
class TimelineFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TimelineFilterModel(QObject* parent = nullptr);
    ~TimelineFilterModel() override;

    void setKind(const QString& kindKey);
    void setAuthor(const QString& author);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const final;

private:
    QString m_kind;
    QString m_author;
};

} // namespace firebreak::journal
