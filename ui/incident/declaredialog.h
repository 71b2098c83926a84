#pragma once

#include "journal/journal.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QLabel;

namespace firebreak::ui {

/// "Declare incident" (Ctrl+Shift+D): title, severity, commander (default: me), summary — quick to fill.
class DeclareDialog final : public QDialog
{
    Q_OBJECT
public:
    DeclareDialog(const QString& me, const QMap<Severity, QString>& definitions, QWidget* parent = nullptr);
    ~DeclareDialog() override;

    /// Fills the form from a known cause (an alert): title, severity, commander when given, summary and
    /// services, which are kept and declared along.
    void setPrefill(const journal::DeclareRequest& prefill);
    journal::DeclareRequest request() const;
    void accept() override;

private:
    QLineEdit* m_title;
    QComboBox* m_severity;
    QLineEdit* m_commander;
    QPlainTextEdit* m_summary;
    QLabel* m_definition;
    QLabel* m_error;
    QLabel* m_services;
    QLabel* m_servicesLabel;
    QStringList m_prefilledServices;
    std::optional<qint64> m_prefilledStartedMs;
};

} // namespace firebreak::ui
