#pragma once

#include "model/slo.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace firebreak::ui {

/// Defines or edits an SLO: name, service, the SLI as good/total events or as an error ratio, the objective
/// and the window (7, 28 or 30 days, or any PromQL duration). OK is refused, with the reasons shown, while
/// the definition is not usable (analysis::validateSlo).
class SloDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SloDialog(QWidget* parent = nullptr);
    ~SloDialog() override;

    /// Fills the form (editing keeps the id).
    void setSlo(const SloDefinition& slo);
    /// What the form holds; the window is 0 when the custom duration cannot be read.
    SloDefinition slo() const;
    /// Why OK is refused right now; empty when the form is fine.
    QStringList problems() const;

    void accept() override;

private:
    void updateMode();
    void updateWindow();

    QString m_id;
    QLineEdit* m_name;
    QLineEdit* m_service;
    QRadioButton* m_goodTotalMode;
    QRadioButton* m_errorRatioMode;
    QPlainTextEdit* m_good;
    QPlainTextEdit* m_total;
    QPlainTextEdit* m_errorRatio;
    QLabel* m_goodLabel;
    QLabel* m_totalLabel;
    QLabel* m_errorRatioLabel;
    QDoubleSpinBox* m_objective;
    QComboBox* m_window;
    QLineEdit* m_customWindow;
    QLabel* m_budget;
    QLabel* m_errors;
};

} // namespace firebreak::ui
