#pragma once

#include "journal/timelinemodel.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QLabel;
class QTreeView;

namespace firebreak::ui {

class EvidencePane;

/// The incident's timeline: every event, newest last, filterable by kind and author, with a quick
/// entry box (Enter adds a note) and actions on the selected event: mark key, correct, raise an action item.
class TimelinePanel final : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePanel(QWidget* parent = nullptr);
    ~TimelinePanel() override;

    void setIncident(const Incident& incident, const QList<JournalEvent>& events);
    void setTimeDisplay(TimeDisplay display);
    journal::TimelineModel* model() const { return m_model; }
    journal::TimelineFilterModel* filter() const { return m_filter; }
    EvidencePane* evidencePane() const { return m_evidence; }
    QString selectedEventId() const;
    void selectEvent(const QString& eventId);

Q_SIGNALS:
    void noteEntered(const QString& text);
    void keyToggled(const QString& eventId, bool key);
    void correctionEntered(const QString& eventId, const QString& text);
    void actionItemRequested(const QString& raisedByEventId);
    /// The selected evidence's "Open in …": run its query again in its workspace.
    void evidenceOpenRequested(const QString& source, const QString& query, qint64 fromMs, qint64 toMs);

private:
    void updateButtons();
    void showDetail();
    void refreshAuthors();

    journal::TimelineModel* m_model;
    journal::TimelineFilterModel* m_filter;
    QComboBox* m_kind;
    QComboBox* m_author;
    QTreeView* m_view;
    QLabel* m_detail;
    EvidencePane* m_evidence;
    QLineEdit* m_entry;
    QPushButton* m_key;
    QPushButton* m_correct;
    QPushButton* m_action;
};

} // namespace firebreak::ui
