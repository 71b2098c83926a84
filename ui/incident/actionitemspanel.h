#pragma once

#include "model/incident.h"
#include "model/timerange.h"

#include <QWidget>

class QTableWidget;

namespace firebreak::ui {

/// Follow-up work raised during the incident: text, owner, due date, status, and the event that raised it.
class ActionItemsPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ActionItemsPanel(QWidget* parent = nullptr);
    ~ActionItemsPanel() override;

    void setIncident(const Incident& incident);
    void setTimeDisplay(TimeDisplay display);

    /// Asks for text, owner and due date; emits added() unless cancelled.
    void addItem(const QString& raisedByEventId);

    static QStringList statuses(); // open, in_progress, done, wont_do

Q_SIGNALS:
    void added(const QString& text, const QString& owner, std::optional<qint64> dueMs, const QString& raisedBy);
    void statusChanged(const QString& itemId, const QString& status);

private:
    Incident m_incident;
    TimeDisplay m_display = TimeDisplay::Local;
    QTableWidget* m_table;
};

} // namespace firebreak::ui
