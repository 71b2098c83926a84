#pragma once

#include <QDialog>

namespace firebreak::ui {

/// Version of Firebreak, of Qt and of every linked library, and where the app's log file is.
class AboutDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(const QString& logFile, QWidget* parent = nullptr);
    ~AboutDialog() override;
};

} // namespace firebreak::ui
