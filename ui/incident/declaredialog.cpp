#include "declaredialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace firebreak::ui {

DeclareDialog::DeclareDialog(const QString& me, const QMap<Severity, QString>& definitions, QWidget* parent)
    : QDialog(parent)
    , m_title(new QLineEdit(this))
    , m_severity(new QComboBox(this))
    , m_commander(new QLineEdit(this))
    , m_summary(new QPlainTextEdit(this))
    , m_definition(new QLabel(this))
    , m_error(new QLabel(this))
    , m_services(new QLabel(this))
    , m_servicesLabel(new QLabel(tr("Services"), this))
{
    setWindowTitle(tr("Declare incident"));
    setObjectName(QStringLiteral("declareDialog"));
    m_title->setObjectName(QStringLiteral("declareTitle"));
    m_severity->setObjectName(QStringLiteral("declareSeverity"));
    m_commander->setObjectName(QStringLiteral("declareCommander"));
    m_summary->setObjectName(QStringLiteral("declareSummary"));
    m_error->setObjectName(QStringLiteral("declareError"));

    m_title->setPlaceholderText(tr("What is broken, as customers see it"));
    for (int level = 1; level <= 5; ++level) {
        const auto severity = static_cast<Severity>(level);
        m_severity->addItem(severityName(severity), level);
        m_severity->setItemData(level - 1, definitions.value(severity), Qt::ToolTipRole);
    }
    m_severity->setCurrentIndex(2); // SEV3: the usual starting point; raise it when the impact is known
    m_commander->setText(me);
    m_summary->setPlaceholderText(tr("Optional: what is known so far"));
    m_summary->setTabChangesFocus(true);
    m_summary->setMaximumHeight(90);
    m_definition->setWordWrap(true);
    m_definition->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setVisible(false);

    const auto showDefinition = [this, definitions] {
        m_definition->setText(definitions.value(static_cast<Severity>(m_severity->currentData().toInt())));
    };
    connect(m_severity, &QComboBox::currentIndexChanged, this, showDefinition);
    showDefinition();

    auto* form = new QFormLayout;
    form->addRow(tr("Title"), m_title);
    form->addRow(tr("Severity"), m_severity);
    form->addRow(QString(), m_definition);
    form->addRow(tr("Commander"), m_commander);
    form->addRow(tr("Summary"), m_summary);
    m_services->setObjectName(QStringLiteral("declareServices"));
    m_services->setWordWrap(true);
    form->addRow(m_servicesLabel, m_services);
    // Only a prefill (an alert) names services; the row stays hidden otherwise.
    m_servicesLabel->setVisible(false);
    m_services->setVisible(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto* declare = buttons->addButton(tr("Declare"), QDialogButtonBox::AcceptRole);
    declare->setObjectName(QStringLiteral("declareButton"));
    declare->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &DeclareDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DeclareDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
    m_title->setFocus();
}

DeclareDialog::~DeclareDialog() = default;

void DeclareDialog::setPrefill(const journal::DeclareRequest& prefill)
{
    m_title->setText(prefill.title);
    m_severity->setCurrentIndex(static_cast<int>(prefill.severity) - 1);
    if (!prefill.commander.isEmpty())
        m_commander->setText(prefill.commander);
    m_summary->setPlainText(prefill.summary);
    m_prefilledServices = prefill.services;
    m_prefilledStartedMs = prefill.startedMs; // an alert knows when it became active: impact began then
    m_services->setText(prefill.services.join(QStringLiteral(", ")));
    m_servicesLabel->setVisible(!prefill.services.isEmpty());
    m_services->setVisible(!prefill.services.isEmpty());
}

journal::DeclareRequest DeclareDialog::request() const
{
    journal::DeclareRequest request;
    request.title = m_title->text().trimmed();
    request.severity = static_cast<Severity>(m_severity->currentData().toInt());
    request.commander = m_commander->text().trimmed();
    request.summary = m_summary->toPlainText().trimmed();
    request.services = m_prefilledServices;
    request.startedMs = m_prefilledStartedMs;
    return request;
}

void DeclareDialog::accept()
{
    if (m_title->text().trimmed().isEmpty()) {
        m_error->setText(tr("An incident needs a title."));
        m_error->setVisible(true);
        m_title->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace firebreak::ui
