#include "incidentheader.h"

#include "common/formdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace firebreak::ui {

namespace {
QString since(std::optional<qint64> from, std::optional<qint64> to)
{
    const auto ms = span(from, to);
    return ms ? formatDuration(std::chrono::milliseconds(std::max<qint64>(0, *ms))) : QStringLiteral("—");
}
} // namespace

IncidentHeader::IncidentHeader(QWidget* parent)
    : QWidget(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_id(new QLabel(this))
    , m_title(new QLineEdit(this))
    , m_severity(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_commander(new QLineEdit(this))
    , m_impact(new QLineEdit(this))
    , m_services(new QLineEdit(this))
    , m_tags(new QLineEdit(this))
    , m_roles(new QLabel(this))
    , m_startedKnown(new QCheckBox(tr("Impact began"), this))
    , m_started(new QDateTimeEdit(this))
    , m_elapsed(new QLabel(this))
    , m_durations(new QLabel(this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("incidentHeader"));
    m_id->setObjectName(QStringLiteral("incidentId"));
    m_title->setObjectName(QStringLiteral("incidentTitle"));
    m_severity->setObjectName(QStringLiteral("incidentSeverity"));
    m_status->setObjectName(QStringLiteral("incidentStatus"));
    m_commander->setObjectName(QStringLiteral("incidentCommander"));
    m_impact->setObjectName(QStringLiteral("incidentImpact"));
    m_services->setObjectName(QStringLiteral("incidentServices"));
    m_tags->setObjectName(QStringLiteral("incidentTags"));
    m_roles->setObjectName(QStringLiteral("incidentRoles"));
    m_tags->setPlaceholderText(tr("tags, comma-separated"));
    m_roles->setTextFormat(Qt::PlainText);
    m_roles->setWordWrap(true);
    m_started->setObjectName(QStringLiteral("incidentStarted"));
    m_elapsed->setObjectName(QStringLiteral("incidentElapsed"));
    m_durations->setObjectName(QStringLiteral("incidentDurations"));

    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_id->setFont(big);
    m_title->setFrame(false);
    m_title->setToolTip(tr("Edit the title and press Enter"));
    for (int level = 1; level <= 5; ++level)
        m_severity->addItem(severityName(static_cast<Severity>(level)), level);
    for (auto status : { IncidentStatus::Investigating, IncidentStatus::Identified, IncidentStatus::Mitigated,
             IncidentStatus::Resolved, IncidentStatus::Closed })
        m_status->addItem(statusLabel(status), static_cast<int>(status));
    m_commander->setPlaceholderText(tr("nobody yet"));
    m_impact->setPlaceholderText(tr("What customers experience"));
    m_services->setPlaceholderText(tr("checkout, payments, …"));
    m_started->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_started->setCalendarPopup(true);
    m_durations->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(6, 6, 6, 6);
    grid->addWidget(m_id, 0, 0);
    grid->addWidget(m_title, 0, 1, 1, 3);
    grid->addWidget(m_severity, 0, 4);
    grid->addWidget(m_status, 0, 5);
    grid->addWidget(new QLabel(tr("Commander"), this), 1, 0);
    grid->addWidget(m_commander, 1, 1);
    grid->addWidget(new QLabel(tr("Services"), this), 1, 2);
    grid->addWidget(m_services, 1, 3);
    grid->addWidget(m_startedKnown, 1, 4);
    grid->addWidget(m_started, 1, 5);
    grid->addWidget(new QLabel(tr("Impact"), this), 2, 0);
    grid->addWidget(m_impact, 2, 1);
    grid->addWidget(new QLabel(tr("Tags"), this), 2, 2);
    grid->addWidget(m_tags, 2, 3, 1, 3);
    auto* assign = new QPushButton(tr("Assign role…"), this);
    assign->setObjectName(QStringLiteral("assignRole"));
    grid->addWidget(new QLabel(tr("Roles"), this), 3, 0);
    grid->addWidget(m_roles, 3, 1, 1, 4);
    grid->addWidget(assign, 3, 5);
    grid->addWidget(m_elapsed, 4, 0, 1, 2);
    grid->addWidget(m_durations, 4, 2, 1, 4);
    connect(assign, &QPushButton::clicked, this, &IncidentHeader::assignRole);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(3, 2);

    connect(m_title, &QLineEdit::editingFinished, this, [this] {
        const QString title = m_title->text().trimmed();
        if (!m_loading && !title.isEmpty() && title != m_incident.title)
            Q_EMIT titleEdited(title);
    });
    connect(m_severity, &QComboBox::activated, this, [this] {
        const auto severity = static_cast<Severity>(m_severity->currentData().toInt());
        if (!m_loading && severity != m_incident.severity)
            Q_EMIT severityChosen(severity);
    });
    connect(m_status, &QComboBox::activated, this, [this] {
        const auto status = static_cast<IncidentStatus>(m_status->currentData().toInt());
        if (!m_loading && status != m_incident.status)
            Q_EMIT statusChosen(status);
    });
    connect(m_commander, &QLineEdit::editingFinished, this, [this] {
        const QString person = m_commander->text().trimmed();
        if (!m_loading && person != m_incident.commander())
            Q_EMIT commanderEdited(person);
    });
    connect(m_impact, &QLineEdit::editingFinished, this, [this] {
        if (!m_loading && m_impact->text().trimmed() != m_incident.customerImpact)
            Q_EMIT impactEdited(m_impact->text().trimmed());
    });
    connect(m_services, &QLineEdit::editingFinished, this, [this] {
        QStringList services;
        for (const QString& s : m_services->text().split(u',', Qt::SkipEmptyParts))
            services << s.trimmed();
        services.removeAll(QString());
        if (!m_loading && services != m_incident.services)
            Q_EMIT servicesEdited(services);
    });
    connect(m_tags, &QLineEdit::editingFinished, this, [this] {
        QStringList tags;
        for (const QString& t : m_tags->text().split(u',', Qt::SkipEmptyParts))
            tags << t.trimmed();
        tags.removeAll(QString());
        if (!m_loading && tags != m_incident.tags)
            Q_EMIT tagsEdited(tags);
    });
    const auto emitStarted = [this] {
        if (m_loading)
            return;
        const std::optional<qint64> started = m_startedKnown->isChecked()
            ? std::optional<qint64>(m_started->dateTime().toMSecsSinceEpoch())
            : std::nullopt;
        if (started != m_incident.startedMs)
            Q_EMIT startedEdited(started);
    };
    connect(m_startedKnown, &QCheckBox::toggled, this, [this, emitStarted](bool on) {
        m_started->setEnabled(on);
        emitStarted();
    });
    connect(m_started, &QDateTimeEdit::editingFinished, this, emitStarted);
    connect(m_tick, &QTimer::timeout, this, &IncidentHeader::refreshTimes);
    m_tick->start(1000);
}

IncidentHeader::~IncidentHeader() = default;

void IncidentHeader::assignRole()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Assign a role"));
    auto* role = new QComboBox(&dialog);
    role->setObjectName(QStringLiteral("roleName"));
    role->setEditable(true); // custom roles are allowed
    role->addItems(standardRoles());
    auto* person = new QLineEdit(&dialog);
    person->setObjectName(QStringLiteral("rolePerson"));
    person->setPlaceholderText(tr("empty releases the role"));
    const auto showHolder
        = [this, role, person] { person->setText(m_incident.roles.value(role->currentText().trimmed().toLower())); };
    connect(role, &QComboBox::currentTextChanged, &dialog, showHolder);
    showHolder();
    auto* form = new QFormLayout;
    form->addRow(tr("Role"), role);
    form->addRow(tr("Person"), person);
    if (!runFormDialog(dialog, form))
        return;
    const QString name = role->currentText().trimmed().toLower();
    if (!name.isEmpty() && person->text().trimmed() != m_incident.roles.value(name))
        Q_EMIT roleAssigned(name, person->text().trimmed());
}

void IncidentHeader::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
    refreshTimes();
}

void IncidentHeader::setTimeDisplay(TimeDisplay display)
{
    m_display = display;
    setIncident(m_incident);
}

void IncidentHeader::setIncident(const Incident& incident)
{
    m_loading = true;
    // A field being typed in keeps its text, but only for the same incident: after a switch every
    // field shows the new incident.
    const bool other = incident.id != m_incident.id;
    const auto keep = [other](const QWidget* field) { return !other && field->hasFocus(); };
    m_incident = incident;
    m_id->setText(incident.id);
    if (!keep(m_title)) {
        m_title->setText(incident.title);
        m_title->setCursorPosition(0); // a long title shows its beginning, not its end
    }
    m_severity->setCurrentIndex(m_severity->findData(static_cast<int>(incident.severity)));
    m_status->setCurrentIndex(m_status->findData(static_cast<int>(incident.status)));
    if (!keep(m_commander))
        m_commander->setText(incident.commander());
    if (!keep(m_impact))
        m_impact->setText(incident.customerImpact);
    if (!keep(m_services))
        m_services->setText(incident.services.join(QStringLiteral(", ")));
    if (!keep(m_tags))
        m_tags->setText(incident.tags.join(QStringLiteral(", ")));
    QStringList roles;
    for (auto it = incident.roles.cbegin(); it != incident.roles.cend(); ++it)
        roles << QStringLiteral("%1: %2").arg(it.key(), it.value());
    m_roles->setText(roles.isEmpty() ? tr("nobody has a role yet") : roles.join(QStringLiteral(" · ")));
    if (!keep(m_started)) {
        m_startedKnown->setChecked(incident.startedMs.has_value());
        m_started->setEnabled(incident.startedMs.has_value());
        m_started->setTimeSpec(m_display == TimeDisplay::Utc ? Qt::UTC : Qt::LocalTime);
        const qint64 started = incident.startedMs.value_or(incident.declaredMs);
        const QDateTime utc = QDateTime::fromMSecsSinceEpoch(started, Qt::UTC);
        m_started->setDateTime(m_display == TimeDisplay::Utc ? utc : utc.toLocalTime());
    }
    m_loading = false;
    refreshTimes();
}

QString IncidentHeader::elapsedText() const
{
    return m_elapsed->text();
}

QString IncidentHeader::durationsText() const
{
    return m_durations->text();
}

void IncidentHeader::refreshTimes()
{
    if (m_incident.id.isEmpty())
        return;
    const qint64 now = m_clock();
    const qint64 end = m_incident.isOpen() ? now : m_incident.resolvedMs.value_or(now);
    m_elapsed->setText(m_incident.isOpen()
            ? tr("Open for %1 (declared %2)")
                  .arg(since(m_incident.declaredMs, end), formatTime(m_incident.declaredMs, m_display, true))
            : tr("Lasted %1 (declared %2)")
                  .arg(since(m_incident.declaredMs, end), formatTime(m_incident.declaredMs, m_display, true)));
    QString text = tr("From declared — acknowledged %1 · mitigated %2 · resolved %3")
                       .arg(since(m_incident.declaredMs, m_incident.acknowledgedMs),
                           since(m_incident.declaredMs, m_incident.mitigatedMs),
                           since(m_incident.declaredMs, m_incident.resolvedMs));
    if (m_incident.startedMs)
        text += u'\n'
            + tr("From impact start — declared %1 · mitigated %2 · resolved %3")
                  .arg(since(m_incident.startedMs, m_incident.declaredMs),
                      since(m_incident.startedMs, m_incident.mitigatedMs),
                      since(m_incident.startedMs, m_incident.resolvedMs));
    m_durations->setText(text);
}

} // namespace firebreak::ui
