#include "profileform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace firebreak::ui {

using namespace firebreak::net;

ProfileForm::ProfileForm(QWidget* parent)
    : QWidget(parent)
    , m_name(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_auth(new QComboBox(this))
    , m_username(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_headers(new QTableWidget(0, 2, this))
    , m_caFile(new QLineEdit(this))
    , m_clientCert(new QLineEdit(this))
    , m_clientKey(new QLineEdit(this))
    , m_skipVerify(new QCheckBox(tr("Skip TLS certificate verification"), this))
    , m_skipVerifyWarning(new QLabel(this))
    , m_timeout(new QDoubleSpinBox(this))
    , m_maxConcurrent(new QSpinBox(this))
{
    m_name->setObjectName(QStringLiteral("profileName"));
    m_kind->setObjectName(QStringLiteral("profileKind"));
    m_url->setObjectName(QStringLiteral("profileUrl"));
    m_auth->setObjectName(QStringLiteral("profileAuth"));
    m_username->setObjectName(QStringLiteral("profileUsername"));
    m_password->setObjectName(QStringLiteral("profilePassword"));
    m_token->setObjectName(QStringLiteral("profileToken"));
    m_headers->setObjectName(QStringLiteral("profileHeaders"));
    m_caFile->setObjectName(QStringLiteral("profileCaFile"));
    m_clientCert->setObjectName(QStringLiteral("profileClientCert"));
    m_clientKey->setObjectName(QStringLiteral("profileClientKey"));
    m_skipVerify->setObjectName(QStringLiteral("profileSkipVerify"));
    m_skipVerifyWarning->setObjectName(QStringLiteral("skipVerifyWarning"));
    m_timeout->setObjectName(QStringLiteral("profileTimeout"));
    m_maxConcurrent->setObjectName(QStringLiteral("profileMaxConcurrent"));

    for (BackendKind kind : allKinds())
        m_kind->addItem(kindDisplayName(kind), kindKey(kind));
    m_auth->addItem(tr("None"), authKey(AuthKind::None));
    m_auth->addItem(tr("Basic (user and password)"), authKey(AuthKind::Basic));
    m_auth->addItem(tr("Bearer token"), authKey(AuthKind::Bearer));
    m_password->setEchoMode(QLineEdit::Password);
    m_token->setEchoMode(QLineEdit::Password);
    m_url->setPlaceholderText(QStringLiteral("http://localhost:9090"));
    m_name->setPlaceholderText(tr("e.g. prod-eu"));

    m_headers->setHorizontalHeaderLabels({ tr("Header"), tr("Value") });
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->verticalHeader()->setVisible(false);
    m_headers->setMinimumHeight(90);
    m_headers->setToolTip(tr("Sent with every request, e.g. X-Scope-OrgID for a multi-tenant Loki, Tempo or Mimir. "
                             "Values are stored with the secrets."));
    auto* addHeader = new QPushButton(tr("Add header"), this);
    addHeader->setObjectName(QStringLiteral("addHeader"));
    auto* addOrgId = new QPushButton(tr("Add X-Scope-OrgID"), this);
    addOrgId->setObjectName(QStringLiteral("addOrgId"));
    auto* removeHeader = new QPushButton(tr("Remove header"), this);
    removeHeader->setObjectName(QStringLiteral("removeHeader"));

    m_skipVerifyWarning->setText(tr("⚠ Certificates are not checked: anyone on the network path can read and "
                                    "change this traffic, including credentials. Use a CA file instead."));
    m_skipVerifyWarning->setWordWrap(true);
    m_skipVerifyWarning->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));

    m_timeout->setRange(0.1, 600);
    m_timeout->setDecimals(1);
    m_timeout->setSuffix(tr(" s"));
    m_maxConcurrent->setRange(1, 64);
    m_maxConcurrent->setToolTip(tr("Requests sent to this source at the same time; further ones wait their turn, "
                                   "so a busy dashboard cannot overload a struggling backend."));

    auto* connection = new QGroupBox(tr("Connection"), this);
    auto* connectionForm = new QFormLayout(connection);
    connectionForm->addRow(tr("Name"), m_name);
    connectionForm->addRow(tr("Kind"), m_kind);
    connectionForm->addRow(tr("URL"), m_url);
    connectionForm->addRow(tr("Timeout"), m_timeout);
    connectionForm->addRow(tr("Parallel requests"), m_maxConcurrent);

    auto* auth = new QGroupBox(tr("Authentication"), this);
    auto* authForm = new QFormLayout(auth);
    authForm->addRow(tr("Method"), m_auth);
    authForm->addRow(tr("User"), m_username);
    authForm->addRow(tr("Password"), m_password);
    authForm->addRow(tr("Token"), m_token);
    m_basicRows = { m_username, m_password, authForm->labelForField(m_username), authForm->labelForField(m_password) };
    m_bearerRows = { m_token, authForm->labelForField(m_token) };
    auto* headerButtons = new QHBoxLayout;
    headerButtons->addWidget(addHeader);
    headerButtons->addWidget(addOrgId);
    headerButtons->addWidget(removeHeader);
    headerButtons->addStretch(1);
    authForm->addRow(tr("Headers"), m_headers);
    authForm->addRow(QString(), headerButtons);

    auto* tls = new QGroupBox(tr("TLS"), this);
    auto* tlsForm = new QFormLayout(tls);
    tlsForm->addRow(tr("CA file"), fileField(m_caFile, tr("Choose a CA certificate")));
    tlsForm->addRow(tr("Client certificate"), fileField(m_clientCert, tr("Choose a client certificate")));
    tlsForm->addRow(tr("Client key"), fileField(m_clientKey, tr("Choose the client key")));
    tlsForm->addRow(QString(), m_skipVerify);
    tlsForm->addRow(QString(), m_skipVerifyWarning);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(connection);
    layout->addWidget(auth);
    layout->addWidget(tls);
    layout->addStretch(1);

    const auto notify = [this] {
        if (!m_loading)
            Q_EMIT edited();
    };
    for (QLineEdit* edit : { m_name, m_url, m_username, m_password, m_token, m_caFile, m_clientCert, m_clientKey })
        connect(edit, &QLineEdit::textEdited, this, notify);
    connect(m_kind, &QComboBox::currentIndexChanged, this, notify);
    connect(m_auth, &QComboBox::currentIndexChanged, this, [this, notify] {
        updateVisibility();
        notify();
    });
    connect(m_skipVerify, &QCheckBox::toggled, this, [this, notify] {
        updateVisibility();
        notify();
    });
    connect(m_timeout, &QDoubleSpinBox::valueChanged, this, notify);
    connect(m_maxConcurrent, &QSpinBox::valueChanged, this, notify);
    connect(m_headers, &QTableWidget::itemChanged, this, notify);
    connect(addHeader, &QPushButton::clicked, this, [this] {
        m_headers->insertRow(m_headers->rowCount());
        m_headers->setCurrentCell(m_headers->rowCount() - 1, 0);
        m_headers->editItem(m_headers->currentItem());
    });
    connect(addOrgId, &QPushButton::clicked, this, [this] {
        const int row = m_headers->rowCount();
        m_headers->insertRow(row);
        m_headers->setItem(row, 0, new QTableWidgetItem(QStringLiteral("X-Scope-OrgID")));
        m_headers->setItem(row, 1, new QTableWidgetItem());
        m_headers->setCurrentCell(row, 1);
        m_headers->editItem(m_headers->item(row, 1));
    });
    connect(removeHeader, &QPushButton::clicked, this, [this, notify] {
        if (m_headers->currentRow() >= 0) {
            m_headers->removeRow(m_headers->currentRow());
            notify();
        }
    });
    updateVisibility();
}

ProfileForm::~ProfileForm() = default;

QWidget* ProfileForm::fileField(QLineEdit* edit, const QString& title)
{
    auto* field = new QWidget(this);
    auto* row = new QHBoxLayout(field);
    row->setContentsMargins(0, 0, 0, 0);
    auto* browse = new QToolButton(field);
    browse->setText(tr("Browse…"));
    row->addWidget(edit, 1);
    row->addWidget(browse);
    connect(browse, &QToolButton::clicked, this, [this, edit, title] {
        const QString path = QFileDialog::getOpenFileName(this, title, edit->text());
        if (!path.isEmpty()) {
            edit->setText(path);
            Q_EMIT edited();
        }
    });
    return field;
}

void ProfileForm::setProfile(const ConnectionProfile& profile)
{
    m_loading = true;
    m_id = profile.id;
    m_name->setText(profile.name);
    m_kind->setCurrentIndex(m_kind->findData(kindKey(profile.kind)));
    m_url->setText(profile.baseUrl.toString());
    m_auth->setCurrentIndex(m_auth->findData(authKey(profile.auth)));
    m_username->setText(profile.username);
    m_password->setText(profile.password);
    m_token->setText(profile.bearerToken);
    m_headers->setRowCount(0);
    for (const Header& header : profile.headers) {
        const int row = m_headers->rowCount();
        m_headers->insertRow(row);
        m_headers->setItem(row, 0, new QTableWidgetItem(header.name));
        m_headers->setItem(row, 1, new QTableWidgetItem(header.value));
    }
    m_caFile->setText(profile.tls.caFile);
    m_clientCert->setText(profile.tls.clientCertFile);
    m_clientKey->setText(profile.tls.clientKeyFile);
    m_skipVerify->setChecked(profile.tls.skipVerify);
    m_timeout->setValue(static_cast<double>(profile.timeout.count()) / 1000.0);
    m_maxConcurrent->setValue(profile.maxConcurrentRequests);
    updateVisibility();
    m_loading = false;
}

ConnectionProfile ProfileForm::profile() const
{
    ConnectionProfile p;
    p.id = m_id;
    p.name = m_name->text().trimmed();
    p.kind = kindFromKey(m_kind->currentData().toString()).value_or(BackendKind::Prometheus);
    p.baseUrl = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    p.auth = authFromKey(m_auth->currentData().toString()).value_or(AuthKind::None);
    p.username = m_username->text();
    p.password = m_password->text();
    p.bearerToken = m_token->text().trimmed();
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const auto text = [this, row](int column) {
            const QTableWidgetItem* item = m_headers->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        if (!text(0).isEmpty() || !text(1).isEmpty())
            p.headers.append({ text(0), text(1) });
    }
    p.tls.caFile = m_caFile->text().trimmed();
    p.tls.clientCertFile = m_clientCert->text().trimmed();
    p.tls.clientKeyFile = m_clientKey->text().trimmed();
    p.tls.skipVerify = m_skipVerify->isChecked();
    p.timeout = std::chrono::milliseconds(qRound64(m_timeout->value() * 1000));
    p.maxConcurrentRequests = m_maxConcurrent->value();
    return p;
}

void ProfileForm::updateVisibility()
{
    const auto auth = authFromKey(m_auth->currentData().toString()).value_or(AuthKind::None);
    for (QWidget* w : std::as_const(m_basicRows))
        w->setVisible(auth == AuthKind::Basic);
    for (QWidget* w : std::as_const(m_bearerRows))
        w->setVisible(auth == AuthKind::Bearer);
    m_skipVerifyWarning->setVisible(m_skipVerify->isChecked());
}

} // namespace firebreak::ui
