#pragma once

#include "model/incident.h"
#include "model/timerange.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QTimer;

namespace firebreak::ui {

/// Severity, status, title, commander, impact and services of the open incident, each editable in
/// place, with the elapsed time and the derived durations. Edits leave as signals; the view journals them.
class IncidentHeader final : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentHeader(QWidget* parent = nullptr);
    ~IncidentHeader() override;

    void setIncident(const Incident& incident);
    void setTimeDisplay(TimeDisplay display);
    /// Tests pin the clock.
    void setClock(std::function<qint64()> clock);

    QString durationsText() const;
    QString elapsedText() const;

Q_SIGNALS:
    void titleEdited(const QString& title);
    void severityChosen(firebreak::Severity severity);
    void statusChosen(firebreak::IncidentStatus status);
    void commanderEdited(const QString& person);
    void impactEdited(const QString& impact);
    void servicesEdited(const QStringList& services);
    void tagsEdited(const QStringList& tags);
    void roleAssigned(const QString& role, const QString& person);
    void startedEdited(std::optional<qint64> startedMs);

private:
    void refreshTimes();
    void assignRole();

    Incident m_incident;
    TimeDisplay m_display = TimeDisplay::Local;
    std::function<qint64()> m_clock;
    bool m_loading = false;
    QLabel* m_id;
    QLineEdit* m_title;
    QComboBox* m_severity;
    QComboBox* m_status;
    QLineEdit* m_commander;
    QLineEdit* m_impact;
    QLineEdit* m_services;
    QLineEdit* m_tags;
    QLabel* m_roles;
    QCheckBox* m_startedKnown;
    QDateTimeEdit* m_started;
    QLabel* m_elapsed;
    QLabel* m_durations;
    QTimer* m_tick;
};

} // namespace firebreak::ui
