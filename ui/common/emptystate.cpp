#include "emptystate.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace firebreak::ui {

EmptyState::EmptyState(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_body(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_secondary(new QPushButton(this))
{
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_body->setObjectName(QStringLiteral("emptyStateBody"));
    m_action->setObjectName(QStringLiteral("emptyStateAction"));
    m_secondary->setObjectName(QStringLiteral("emptyStateSecondaryAction"));
    m_secondary->setFlat(true);
    m_secondary->setVisible(false);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_body->setAlignment(Qt::AlignCenter);
    m_body->setWordWrap(true);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action->setVisible(false);

    // Wrapped labels report a tiny size hint; a card of fixed width keeps the text readable and centred.
    auto* card = new QWidget(this);
    card->setFixedWidth(600);
    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->addWidget(m_title);
    cardLayout->addSpacing(8);
    cardLayout->addWidget(m_body);
    cardLayout->addSpacing(16);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_action);
    buttons->addWidget(m_secondary);
    buttons->addStretch(1);
    cardLayout->addLayout(buttons);

    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(card);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);

    connect(m_action, &QPushButton::clicked, this, &EmptyState::actionTriggered);
    connect(m_secondary, &QPushButton::clicked, this, &EmptyState::secondaryActionTriggered);
}

EmptyState::~EmptyState() = default;

void EmptyState::setTitle(const QString& title)
{
    m_title->setText(title);
}

void EmptyState::setBody(const QString& body)
{
    m_body->setText(body);
}

void EmptyState::setAction(const QString& text)
{
    m_action->setText(text);
    m_action->setVisible(!text.isEmpty());
}

void EmptyState::setSecondaryAction(const QString& text)
{
    m_secondary->setText(text);
    m_secondary->setVisible(!text.isEmpty());
}

QString EmptyState::title() const
{
    return m_title->text();
}

QString EmptyState::body() const
{
    return m_body->text();
}

} // namespace firebreak::ui
