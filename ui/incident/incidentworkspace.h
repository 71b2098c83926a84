#pragma once

#include <QWidget>

namespace firebreak::ui {

class EmptyState;

/// The incident workspace. Until the journal exists it says so plainly and points to what works now.
class IncidentWorkspace final : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentWorkspace(QWidget* parent = nullptr);
    ~IncidentWorkspace() override;

    EmptyState* emptyState() const { return m_empty; }

Q_SIGNALS:
    void manageSourcesRequested();

private:
    EmptyState* m_empty;
};

} // namespace firebreak::ui
