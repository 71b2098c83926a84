#include "updatespanel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>

namespace firebreak::ui {

namespace {
QString audienceLabel(const QString& audience)
{
    if (audience == QLatin1String("executives"))
        return UpdatesPanel::tr("Executives");
    if (audience == QLatin1String("customers"))
        return UpdatesPanel::tr("Customers / status page");
    if (audience == QLatin1String("engineering"))
        return UpdatesPanel::tr("Engineering");
    return audience;
}
} // namespace

UpdatesPanel::UpdatesPanel(QSettings& settings, QWidget* parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_audience(new QComboBox(this))
    , m_text(new QPlainTextEdit(this))
    , m_countdown(new QLabel(this))
    , m_send(new QPushButton(tr("Record as sent"), this))
    , m_sent(new QListWidget(this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("updatesPanel"));
    m_audience->setObjectName(QStringLiteral("updateAudience"));
    m_text->setObjectName(QStringLiteral("updateText"));
    m_countdown->setObjectName(QStringLiteral("updateCountdown"));
    m_send->setObjectName(QStringLiteral("sendUpdate"));
    m_sent->setObjectName(QStringLiteral("sentUpdates"));

    for (const auto& t : journal::defaultUpdateTemplates())
        m_audience->addItem(audienceLabel(t.audience), t.audience);
    QFont bold = m_countdown->font();
    bold.setBold(true);
    m_countdown->setFont(bold);

    auto* refill = new QPushButton(tr("Refill from template"), this);
    refill->setObjectName(QStringLiteral("refillUpdate"));
    auto* editTemplate = new QPushButton(tr("Edit template…"), this);
    editTemplate->setObjectName(QStringLiteral("editTemplate"));
    auto* copyMarkdown = new QPushButton(tr("Copy as Markdown"), this);
    copyMarkdown->setObjectName(QStringLiteral("copyMarkdown"));
    auto* copyText = new QPushButton(tr("Copy as plain text"), this);
    copyText->setObjectName(QStringLiteral("copyText"));

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Audience"), this));
    top->addWidget(m_audience);
    top->addWidget(refill);
    top->addWidget(editTemplate);
    top->addStretch(1);
    top->addWidget(m_countdown);
    auto* sendRow = new QHBoxLayout;
    sendRow->addStretch(1);
    sendRow->addWidget(m_send);
    auto* copyRow = new QHBoxLayout;
    copyRow->addWidget(new QLabel(tr("Sent so far"), this));
    copyRow->addStretch(1);
    copyRow->addWidget(copyMarkdown);
    copyRow->addWidget(copyText);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_text, 2);
    layout->addLayout(sendRow);
    layout->addLayout(copyRow);
    layout->addWidget(m_sent, 1);

    connect(m_audience, &QComboBox::currentIndexChanged, this, [this] {
        m_text->document()->setModified(false);
        this->refill();
    });
    connect(refill, &QPushButton::clicked, this, [this] {
        m_text->document()->setModified(false);
        this->refill();
    });
    connect(editTemplate, &QPushButton::clicked, this, &UpdatesPanel::editTemplate);
    connect(m_send, &QPushButton::clicked, this, [this] {
        const QString text = m_text->toPlainText().trimmed();
        if (text.isEmpty() || m_incident.id.isEmpty())
            return;
        Q_EMIT updateSent(m_audience->currentData().toString(), text);
        m_text->document()->setModified(false);
    });
    const auto copy = [this](bool markdown) {
        const int row = m_sent->currentRow() >= 0 ? m_sent->currentRow() : m_sent->count() - 1;
        if (row < 0 || row >= m_incident.updates.size())
            return;
        // Rows are shown newest first.
        const UpdateRecord& update = m_incident.updates.at(m_incident.updates.size() - 1 - row);
        QApplication::clipboard()->setText(markdown ? journal::updateAsMarkdown(m_incident, update, m_display)
                                                    : journal::updateAsPlainText(m_incident, update, m_display));
    };
    connect(copyMarkdown, &QPushButton::clicked, this, [copy] { copy(true); });
    connect(copyText, &QPushButton::clicked, this, [copy] { copy(false); });
    connect(m_tick, &QTimer::timeout, this, &UpdatesPanel::refreshCountdown);
    m_tick->start(1000);
}

UpdatesPanel::~UpdatesPanel() = default;

void UpdatesPanel::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
    refreshCountdown();
}

void UpdatesPanel::setTimeDisplay(TimeDisplay display)
{
    m_display = display;
    setIncident(m_incident);
}

void UpdatesPanel::setIncident(const Incident& incident)
{
    const bool sameIncident = incident.id == m_incident.id;
    if (!sameIncident && m_text->document()->isModified() && !m_incident.id.isEmpty())
        m_drafts.insert(m_incident.id, { m_audience->currentIndex(), m_text->toPlainText() });
    m_incident = incident;
    // Never replace what the commander is typing: not when a teammate sends an update, not when they
    // look at another incident for a moment.
    if (!sameIncident && m_drafts.contains(incident.id)) {
        const auto [audience, text] = m_drafts.take(incident.id);
        const QSignalBlocker blockAudience(m_audience);
        const QSignalBlocker blockText(m_text);
        m_audience->setCurrentIndex(audience);
        m_text->setPlainText(text);
        m_text->document()->setModified(true);
    } else if (!sameIncident || !m_text->document()->isModified()) {
        m_text->document()->setModified(false);
        refill();
    }
    refreshSent();
    refreshCountdown();
}

QString UpdatesPanel::draft() const
{
    return m_text->toPlainText();
}

QString UpdatesPanel::countdown() const
{
    return m_countdown->text();
}

std::optional<qint64> UpdatesPanel::nextDue() const
{
    return journal::nextUpdateDue(m_incident, journal::cadence(m_settings, m_incident.severity));
}

void UpdatesPanel::refill()
{
    if (m_incident.id.isEmpty())
        return;
    const QString audience = m_audience->currentData().toString();
    for (const auto& t : journal::loadTemplates(m_settings)) {
        if (t.audience == audience) {
            const QSignalBlocker block(m_text);
            m_text->setPlainText(journal::fillTemplate(t.text, m_incident, m_clock(), m_display, nextDue()));
        }
    }
}

void UpdatesPanel::refreshCountdown()
{
    const auto due = nextDue();
    if (!due) {
        m_overdue = false;
        m_countdown->setText(m_incident.isOpen() ? tr("no update cadence for %1").arg(severityName(m_incident.severity))
                                                 : tr("incident %1").arg(statusLabel(m_incident.status).toLower()));
        m_countdown->setStyleSheet(QString());
        return;
    }
    m_countdown->setText(journal::countdownText(*due, m_clock(), &m_overdue));
    m_countdown->setStyleSheet(
        m_overdue ? QStringLiteral("color: white; background: #c62828; padding: 2px 6px;") : QString());
}

void UpdatesPanel::refreshSent()
{
    m_sent->clear();
    for (auto it = m_incident.updates.crbegin(); it != m_incident.updates.crend(); ++it)
        m_sent->addItem(QStringLiteral("%1 · %2 · %3\n%4")
                            .arg(formatTime(it->timeMs, m_display), audienceLabel(it->audience), it->author, it->text));
}

void UpdatesPanel::editTemplate()
{
    const QString audience = m_audience->currentData().toString();
    journal::UpdateTemplate current { audience, {} };
    for (const auto& t : journal::loadTemplates(m_settings)) {
        if (t.audience == audience)
            current = t;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Template for %1").arg(audienceLabel(audience)));
    auto* editor = new QPlainTextEdit(current.text, &dialog);
    editor->setObjectName(QStringLiteral("templateEditor"));
    auto* help
        = new QLabel(tr("Placeholders: %1").arg(journal::templatePlaceholders().join(QStringLiteral(" "))), &dialog);
    help->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(
        QDialogButtonBox::Save | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, &dialog, [editor, audience] {
        for (const auto& t : journal::defaultUpdateTemplates()) {
            if (t.audience == audience)
                editor->setPlainText(t.text);
        }
    });
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(editor);
    layout->addWidget(help);
    layout->addWidget(buttons);
    dialog.resize(560, 360);
    if (dialog.exec() != QDialog::Accepted)
        return;
    journal::saveTemplate(m_settings, { audience, editor->toPlainText() });
    m_text->document()->setModified(false);
    refill();
}

} // namespace firebreak::ui
