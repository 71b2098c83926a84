#include "datasourcedialog.h"

#include "backends/healthcheck.h"
#include "net/profilestore.h"
#include "profileform.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace firebreak::ui {

using namespace firebreak::net;

DataSourceDialog::DataSourceDialog(HttpClient& client, QList<ConnectionProfile> profiles, QWidget* parent)
    : QDialog(parent)
    , m_client(client)
    , m_profiles(std::move(profiles))
    , m_list(new QListWidget(this))
    , m_form(new ProfileForm(this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_test(new QPushButton(tr("Test connection"), this))
    , m_result(new QLabel(this))
{
    setWindowTitle(tr("Data sources"));
    setObjectName(QStringLiteral("dataSourceDialog"));
    m_list->setObjectName(QStringLiteral("profileList"));
    m_remove->setObjectName(QStringLiteral("removeProfile"));
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_list->setMinimumWidth(200);

    auto* add = new QPushButton(tr("Add"), this);
    add->setObjectName(QStringLiteral("addProfile"));
    auto* addMenu = new QMenu(add);
    for (BackendKind kind : allKinds()) {
        QAction* action = addMenu->addAction(kindDisplayName(kind), this, [this, kind] { addProfile(kind); });
        action->setObjectName(QStringLiteral("add_") + kindKey(kind));
    }
    add->setMenu(addMenu);

    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(m_remove);
    auto* left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_test, 0, Qt::AlignTop);
    testRow->addWidget(m_result, 1);
    auto* right = new QVBoxLayout;
    right->addWidget(scroll, 1);
    right->addLayout(testRow);

    auto* columns = new QHBoxLayout;
    columns->addLayout(left);
    columns->addLayout(right, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("dialogButtons"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &DataSourceDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DataSourceDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &DataSourceDialog::selectRow);
    connect(m_form, &ProfileForm::edited, this, [this] {
        storeCurrent();
        if (m_current >= 0)
            m_list->item(m_current)->setText(
                QStringLiteral("%1 — %2").arg(kindDisplayName(m_profiles[m_current].kind), m_profiles[m_current].name));
        m_result->clear();
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (m_current < 0)
            return;
        const int row = m_current;
        m_current = -1;
        m_profiles.removeAt(row);
        refreshList();
        m_list->setCurrentRow(std::min(row, static_cast<int>(m_profiles.size()) - 1));
        selectRow(m_list->currentRow());
    });
    connect(m_test, &QPushButton::clicked, this, &DataSourceDialog::testConnection);

    resize(860, 620);
    refreshList();
    m_list->setCurrentRow(m_profiles.isEmpty() ? -1 : 0);
    selectRow(m_list->currentRow());
}

DataSourceDialog::~DataSourceDialog() = default;

void DataSourceDialog::addProfile(BackendKind kind)
{
    storeCurrent();
    ConnectionProfile profile = ProfileStore::newProfile(kind);
    int sameKind = 0;
    for (const auto& p : std::as_const(m_profiles))
        sameKind += p.kind == kind ? 1 : 0;
    profile.name = sameKind == 0 ? kindKey(kind) : QStringLiteral("%1-%2").arg(kindKey(kind)).arg(sameKind + 1);
    m_profiles.append(profile);
    refreshList();
    m_list->setCurrentRow(static_cast<int>(m_profiles.size()) - 1);
}

void DataSourceDialog::refreshList()
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const auto& p : std::as_const(m_profiles))
        m_list->addItem(QStringLiteral("%1 — %2").arg(kindDisplayName(p.kind), p.name));
}

void DataSourceDialog::selectRow(int row)
{
    storeCurrent();
    m_current = row;
    const bool has = row >= 0 && row < m_profiles.size();
    m_form->setEnabled(has);
    m_remove->setEnabled(has);
    m_test->setEnabled(has);
    m_result->clear();
    ++m_testGeneration; // an answer for the previously shown profile must not land on this one
    if (has)
        m_form->setProfile(m_profiles.at(row));
    else
        m_form->setProfile(ConnectionProfile {});
}

void DataSourceDialog::storeCurrent()
{
    if (m_current >= 0 && m_current < m_profiles.size())
        m_profiles[m_current] = m_form->profile();
}

void DataSourceDialog::showResult(const QString& text, bool good)
{
    m_result->setText(text);
    m_result->setStyleSheet(good ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #c62828;"));
}

void DataSourceDialog::testConnection()
{
    storeCurrent();
    if (m_current < 0)
        return;
    const ConnectionProfile profile = m_profiles.at(m_current);
    const QStringList problems = validate(profile);
    if (!problems.isEmpty()) {
        showResult(problems.join(u'\n'), false);
        return;
    }
    m_test->setEnabled(false);
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Testing %1…").arg(endpointUrl(profile.baseUrl, readinessPath(profile.kind)).toString()));
    const quint64 generation = ++m_testGeneration;
    checkHealth(m_client, profile, this, [this, generation, profile](HealthResult result) {
        if (generation != m_testGeneration)
            return;
        m_test->setEnabled(true);
        if (result.state != HealthResult::State::Healthy) {
            showResult(result.error, false);
            return;
        }
        QString text
            = tr("%1 is ready: answered in %2 ms.").arg(kindDisplayName(profile.kind)).arg(result.latencyMs, 0, 'f', 1);
        if (!result.version.isEmpty())
            text += u' ' + tr("Version %1.").arg(result.version);
        if (profile.tls.skipVerify)
            text += u'\n' + tr("Warning: TLS certificates were not verified.");
        showResult(text, true);
    });
}

void DataSourceDialog::accept()
{
    storeCurrent();
    QStringList names;
    for (int i = 0; i < m_profiles.size(); ++i) {
        const ConnectionProfile& p = m_profiles.at(i);
        QStringList problems = validate(p);
        if (names.contains(p.name, Qt::CaseInsensitive))
            problems << tr("Another data source is already called \"%1\".").arg(p.name);
        names << p.name;
        if (!problems.isEmpty()) {
            m_list->setCurrentRow(i);
            showResult(problems.join(u'\n'), false);
            return;
        }
    }
    QDialog::accept();
}

} // namespace firebreak::ui
