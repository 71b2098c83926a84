#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace firebreak::ui {

/// A centred message that says what is missing and offers the next step as a button.
class EmptyState final : public QWidget
{
    Q_OBJECT
public:
    explicit EmptyState(QWidget* parent = nullptr);
    ~EmptyState() override;

    void setTitle(const QString& title);
    void setBody(const QString& body);
    /// An empty text hides the button.
    void setAction(const QString& text);
    /// A second, less prominent choice; an empty text hides it.
    void setSecondaryAction(const QString& text);

    QString title() const;
    QString body() const;

Q_SIGNALS:
    void actionTriggered();
    void secondaryActionTriggered();

private:
    QLabel* m_title;
    QLabel* m_body;
    QPushButton* m_action;
    QPushButton* m_secondary;
};

} // namespace firebreak::ui
