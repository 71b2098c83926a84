#include "pinevidencedialog.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace firebreak::ui {

namespace {
QString rangeText(qint64 fromMs, qint64 toMs)
{
    if (fromMs <= 0 && toMs <= 0)
        return {};
    const QLocale locale;
    const auto format
        = [&locale](qint64 ms) { return locale.toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat); };
    return PinEvidenceDialog::tr("%1 to %2").arg(format(fromMs), format(toMs));
}
} // namespace

PinEvidenceDialog::PinEvidenceDialog(const journal::Evidence& evidence,
    const QList<journal::IncidentSummary>& openIncidents, const QString& preferredIncidentId, QWidget* parent)
    : QDialog(parent)
    , m_evidence(evidence)
    , m_incident(new QComboBox(this))
    , m_title(new QLineEdit(evidence.title, this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Pin to incident"));
    setObjectName(QStringLiteral("pinEvidenceDialog"));
    m_incident->setObjectName(QStringLiteral("pinIncident"));
    m_title->setObjectName(QStringLiteral("pinTitle"));
    m_error->setObjectName(QStringLiteral("pinError"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setWordWrap(true);

    for (const journal::IncidentSummary& incident : openIncidents) {
        m_incident->addItem(
            QStringLiteral("%1 · %2 · %3").arg(incident.id, severityName(incident.severity), incident.title),
            incident.id);
        if (incident.id == preferredIncidentId)
            m_incident->setCurrentIndex(m_incident->count() - 1);
    }
    const bool none = openIncidents.isEmpty();
    m_incident->setEnabled(!none);
    m_error->setText(
        none ? tr("There is no open incident to pin this to. Declare one first (Incident › Declare).") : QString());
    m_error->setVisible(none);

    auto* form = new QFormLayout;
    form->addRow(tr("Incident"), m_incident);
    form->addRow(tr("Title"), m_title);
    auto* source = new QLabel(evidence.source, this);
    form->addRow(tr("Source"), source);
    if (!evidence.query.isEmpty()) {
        auto* query = new QLabel(evidence.query, this);
        query->setObjectName(QStringLiteral("pinQuery"));
        query->setWordWrap(true);
        query->setTextInteractionFlags(Qt::TextSelectableByMouse);
        query->setStyleSheet(QStringLiteral("font-family: monospace;"));
        form->addRow(tr("Query"), query);
    }
    if (const QString range = rangeText(evidence.fromMs, evidence.toMs); !range.isEmpty())
        form->addRow(tr("Range"), new QLabel(range, this));
    if (!evidence.frozenData.isEmpty())
        form->addRow(tr("Frozen data"),
            new QLabel(tr("%1 kept in the journal, readable after the server's retention has passed")
                           .arg(QLocale().formattedDataSize(evidence.frozenData.size())),
                this));
    if (QPixmap picture; picture.loadFromData(evidence.thumbnailPng, "PNG")) {
        auto* preview = new QLabel(this);
        preview->setObjectName(QStringLiteral("pinPreview"));
        preview->setPixmap(picture.scaled(480, 240, Qt::KeepAspectRatio, Qt::SmoothTransformation));
        form->addRow(tr("Picture"), preview);
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* pin = buttons->addButton(tr("Pin"), QDialogButtonBox::AcceptRole);
    pin->setObjectName(QStringLiteral("pinButton"));
    pin->setDefault(true);
    pin->setEnabled(!none);
    connect(buttons, &QDialogButtonBox::accepted, this, &PinEvidenceDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PinEvidenceDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
    m_title->setFocus();
}

PinEvidenceDialog::~PinEvidenceDialog() = default;

QString PinEvidenceDialog::incidentId() const
{
    return m_incident->currentData().toString();
}

journal::Evidence PinEvidenceDialog::evidence() const
{
    journal::Evidence evidence = m_evidence;
    evidence.title = m_title->text().trimmed();
    return evidence;
}

void PinEvidenceDialog::accept()
{
    if (incidentId().isEmpty())
        return;
    if (m_title->text().trimmed().isEmpty() && m_evidence.query.trimmed().isEmpty()) {
        m_error->setText(tr("Give the evidence a title."));
        m_error->setVisible(true);
        return;
    }
    QDialog::accept();
}

} // namespace firebreak::ui
