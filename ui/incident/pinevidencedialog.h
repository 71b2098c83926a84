#pragma once

#include "journal/journal.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace firebreak::ui {

/// "Pin to incident": which open incident gets the evidence, and its title. Shows what will be stored
/// (source, query, range, picture, size of the frozen data) so nobody pins the wrong chart.
class PinEvidenceDialog final : public QDialog
{
    Q_OBJECT
public:
    PinEvidenceDialog(const journal::Evidence& evidence, const QList<journal::IncidentSummary>& openIncidents,
        const QString& preferredIncidentId, QWidget* parent = nullptr);
    ~PinEvidenceDialog() override;

    QString incidentId() const;
    /// The evidence with the title as edited.
    journal::Evidence evidence() const;
    void accept() override;

private:
    journal::Evidence m_evidence;
    QComboBox* m_incident;
    QLineEdit* m_title;
    QLabel* m_error;
};

} // namespace firebreak::ui
