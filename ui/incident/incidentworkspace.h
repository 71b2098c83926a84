#pragma once

#include "journal/journalservice.h"
#include "model/timerange.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QSettings;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace firebreak::journal {
class IncidentListModel;
}

namespace firebreak::ui {

class EmptyState;
class IncidentView;

/// The incident workspace: the list of incidents (open or all, sortable, full-text search) beside
/// the selected incident. Shows plainly when the journal cannot be opened or a write is still pending.
class IncidentWorkspace final : public QWidget
{
    Q_OBJECT
public:
    IncidentWorkspace(journal::JournalService& service, QSettings& settings, std::function<QString()> author,
        QWidget* parent = nullptr);
    ~IncidentWorkspace() override;

    void setTimeDisplay(TimeDisplay display);
    IncidentView* view() const { return m_view; }
    EmptyState* emptyState() const { return m_empty; }
    journal::IncidentListModel* listModel() const { return m_model; }
    QString currentIncidentId() const;
    void selectIncident(const QString& id);
    QString bannerText() const;
    /// Postmortem drafts edited but not saved in the journal.
    int unsavedDrafts() const;

public Q_SLOTS:
    /// Ctrl+Shift+D.
    void declareIncident();
    /// Declares with the form prefilled (from an alert); `evidence`, when given, is pinned to the new
    /// incident right after the declaration has landed.
    void declareIncidentFrom(
        const firebreak::journal::DeclareRequest& prefill, const std::optional<firebreak::journal::Evidence>& evidence);
    /// Asks which open incident gets `evidence` (the selected one first) and pins it.
    void pinEvidence(const firebreak::journal::Evidence& evidence);
    /// Edits the journal's SEV1–SEV5 definitions.
    void editSeverityDefinitions();

Q_SIGNALS:
    /// The user chose to continue with another journal file (a restored backup or a new one).
    void journalChosen(const QString& path);

private:
    void showJournalProblem(int kind, const QString& message, const QStringList& backups);
    void showBanner(const QString& text, bool error);
    void updateEmptyState();
    void applySearch(const QString& text, const QList<journal::SearchHit>& hits);

    journal::JournalService& m_service;
    QSettings& m_settings;
    std::function<QString()> m_author;
    journal::IncidentListModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_search;
    QComboBox* m_scope;
    QTableView* m_list;
    QLabel* m_banner;
    QStackedWidget* m_stack;
    EmptyState* m_empty;
    IncidentView* m_view;
    QString m_pendingSelection;
    QStringList m_backups;
    bool m_journalBroken = false;
    bool m_autoSelected = false;
    QMap<Severity, QString> m_definitions;
};

} // namespace firebreak::ui
