#pragma once

#include "journal/stakeholderupdate.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace firebreak::ui {

/// Stakeholder updates: a template per audience filled from the incident, a countdown to the next
/// update due (overdue in red), "record as sent", and the updates sent so far, copyable as Markdown or text.
class UpdatesPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit UpdatesPanel(QSettings& settings, QWidget* parent = nullptr);
    ~UpdatesPanel() override;

    void setIncident(const Incident& incident);
    void setTimeDisplay(TimeDisplay display);
    void setClock(std::function<qint64()> clock);

    QString countdown() const;
    bool isOverdue() const { return m_overdue; }
    QString draft() const;

Q_SIGNALS:
    void updateSent(const QString& audience, const QString& text);

private:
    void refill();
    void refreshCountdown();
    void refreshSent();
    void editTemplate();
    std::optional<qint64> nextDue() const;

    QSettings& m_settings;
    Incident m_incident;
    TimeDisplay m_display = TimeDisplay::Local;
    std::function<qint64()> m_clock;
    bool m_overdue = false;
    QHash<QString, std::pair<int, QString>> m_drafts; // incident id -> (audience index, text) being written
    QComboBox* m_audience;
    QPlainTextEdit* m_text;
    QLabel* m_countdown;
    QPushButton* m_send;
    QListWidget* m_sent;
    QTimer* m_tick;
};

} // namespace firebreak::ui
