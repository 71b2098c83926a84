#include "slodialog.h"

#include "analysis/slo.h"
#include "model/timerange.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <chrono>
#include <cmath>

namespace firebreak::ui {

namespace {

constexpr qint64 DayMs = 24LL * 3600 * 1000;

QPlainTextEdit* queryEdit(const QString& objectName, const QString& placeholder, QWidget* parent)
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setMaximumHeight(edit->fontMetrics().height() * 3 + 12);
    return edit;
}

} // namespace

SloDialog::SloDialog(QWidget* parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_service(new QLineEdit(this))
    , m_goodTotalMode(new QRadioButton(tr("Good and total events"), this))
    , m_errorRatioMode(new QRadioButton(tr("Error ratio"), this))
    , m_good(queryEdit(QStringLiteral("sloGoodQuery"), tr("http_requests_total{job=\"api\", code!~\"5..\"}"), this))
    , m_total(queryEdit(QStringLiteral("sloTotalQuery"), tr("http_requests_total{job=\"api\"}"), this))
    , m_errorRatio(queryEdit(QStringLiteral("sloErrorRatioQuery"),
          tr("sum(rate(http_requests_total{code=~\"5..\"}[$__window])) / sum(rate(http_requests_total[$__window]))"),
          this))
    , m_goodLabel(new QLabel(tr("Good events"), this))
    , m_totalLabel(new QLabel(tr("Total events"), this))
    , m_errorRatioLabel(new QLabel(tr("Error ratio"), this))
    , m_objective(new QDoubleSpinBox(this))
    , m_window(new QComboBox(this))
    , m_customWindow(new QLineEdit(this))
    , m_budget(new QLabel(this))
    , m_errors(new QLabel(this))
{
    setWindowTitle(tr("Service level objective"));
    setObjectName(QStringLiteral("sloDialog"));
    m_name->setObjectName(QStringLiteral("sloName"));
    m_name->setPlaceholderText(tr("Checkout availability"));
    m_service->setObjectName(QStringLiteral("sloService"));
    m_service->setPlaceholderText(tr("checkout"));
    m_goodTotalMode->setObjectName(QStringLiteral("sloGoodTotalMode"));
    m_errorRatioMode->setObjectName(QStringLiteral("sloErrorRatioMode"));
    auto* modes = new QButtonGroup(this);
    modes->addButton(m_goodTotalMode);
    modes->addButton(m_errorRatioMode);
    m_goodTotalMode->setChecked(true);

    const QString queryHelp
        = tr("A counter selector (its rate is summed over each window), or an expression with %1 where the window "
             "goes.")
              .arg(analysis::WindowPlaceholder.toString());
    m_good->setToolTip(queryHelp);
    m_total->setToolTip(queryHelp);
    m_errorRatio->setToolTip(tr("The fraction of bad events (0 to 1); write %1 where the window goes.")
                                 .arg(analysis::WindowPlaceholder.toString()));

    m_objective->setObjectName(QStringLiteral("sloObjective"));
    m_objective->setDecimals(4);
    m_objective->setRange(50.0, 99.9999);
    m_objective->setSingleStep(0.1);
    m_objective->setSuffix(QStringLiteral(" %"));
    m_objective->setValue(99.9);

    m_window->setObjectName(QStringLiteral("sloWindow"));
    m_window->addItem(tr("7 days"), 7 * DayMs);
    m_window->addItem(tr("28 days"), 28 * DayMs);
    m_window->addItem(tr("30 days"), 30 * DayMs);
    m_window->addItem(tr("Custom"), qint64(0));
    m_window->setCurrentIndex(2);
    m_customWindow->setObjectName(QStringLiteral("sloCustomWindow"));
    m_customWindow->setPlaceholderText(tr("e.g. 14d, 90d, 12h"));
    m_customWindow->setVisible(false);

    m_budget->setObjectName(QStringLiteral("sloBudgetPreview"));
    m_budget->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_errors->setObjectName(QStringLiteral("sloErrors"));
    m_errors->setWordWrap(true);
    m_errors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errors->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_errors->setVisible(false);

    auto* modeRow = new QHBoxLayout;
    modeRow->addWidget(m_goodTotalMode);
    modeRow->addWidget(m_errorRatioMode);
    modeRow->addStretch(1);
    auto* windowRow = new QHBoxLayout;
    windowRow->addWidget(m_window);
    windowRow->addWidget(m_customWindow, 1);

    auto* form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Service"), m_service);
    form->addRow(tr("SLI"), modeRow);
    form->addRow(m_goodLabel, m_good);
    form->addRow(m_totalLabel, m_total);
    form->addRow(m_errorRatioLabel, m_errorRatio);
    form->addRow(tr("Objective"), m_objective);
    form->addRow(tr("Window"), windowRow);
    form->addRow(QString(), m_budget);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("sloSave"));
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Save"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SloDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SloDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errors);
    layout->addWidget(buttons);

    connect(m_goodTotalMode, &QRadioButton::toggled, this, &SloDialog::updateMode);
    connect(m_window, &QComboBox::currentIndexChanged, this, &SloDialog::updateWindow);
    connect(m_customWindow, &QLineEdit::textChanged, this, &SloDialog::updateWindow);
    connect(m_objective, &QDoubleSpinBox::valueChanged, this, &SloDialog::updateWindow);
    updateMode();
    updateWindow();
    resize(640, sizeHint().height());
    m_name->setFocus();
}

SloDialog::~SloDialog() = default;

void SloDialog::setSlo(const SloDefinition& slo)
{
    m_id = slo.id;
    m_name->setText(slo.name);
    m_service->setText(slo.service);
    m_good->setPlainText(slo.goodQuery);
    m_total->setPlainText(slo.totalQuery);
    m_errorRatio->setPlainText(slo.errorRatioQuery);
    (slo.usesErrorRatio() ? m_errorRatioMode : m_goodTotalMode)->setChecked(true);
    m_objective->setValue(slo.objective * 100.0);
    const int preset = m_window->findData(slo.windowMs);
    if (preset >= 0 && slo.windowMs > 0) {
        m_window->setCurrentIndex(preset);
    } else {
        m_window->setCurrentIndex(m_window->count() - 1);
        m_customWindow->setText(analysis::promDuration(slo.windowMs));
    }
    updateMode();
    updateWindow();
}

SloDefinition SloDialog::slo() const
{
    SloDefinition slo;
    slo.id = m_id;
    slo.name = m_name->text().trimmed();
    slo.service = m_service->text().trimmed();
    // Only the chosen form is kept: the other one's text would make the definition ambiguous.
    if (m_errorRatioMode->isChecked()) {
        slo.errorRatioQuery = m_errorRatio->toPlainText().trimmed();
    } else {
        slo.goodQuery = m_good->toPlainText().trimmed();
        slo.totalQuery = m_total->toPlainText().trimmed();
    }
    // 99.9 % as 0.999 exactly, not 0.9990000000000001.
    slo.objective = std::round(m_objective->value() * 1e6) / 1e8;
    const qint64 preset = m_window->currentData().toLongLong();
    slo.windowMs = preset > 0 ? preset : analysis::parsePromDuration(m_customWindow->text()).value_or(0);
    return slo;
}

QStringList SloDialog::problems() const
{
    const SloDefinition current = slo();
    QStringList problems = analysis::validateSlo(current);
    if (current.windowMs == 0 && m_window->currentData().toLongLong() == 0) {
        problems.removeIf([](const QString& p) { return p.contains(QStringLiteral("365")); });
        problems << tr("The custom window “%1” is not a duration such as 14d or 12h.").arg(m_customWindow->text());
    }
    if (!m_errorRatioMode->isChecked() && current.usesErrorRatio())
        problems << tr("Choose the error-ratio form to use an error-ratio query.");
    return problems;
}

void SloDialog::accept()
{
    const QStringList found = problems();
    if (!found.isEmpty()) {
        m_errors->setText(found.join(u'\n'));
        m_errors->setVisible(true);
        return;
    }
    QDialog::accept();
}

void SloDialog::updateMode()
{
    const bool ratio = m_errorRatioMode->isChecked();
    for (QWidget* w : std::initializer_list<QWidget*> { m_good, m_goodLabel, m_total, m_totalLabel })
        w->setVisible(!ratio);
    m_errorRatio->setVisible(ratio);
    m_errorRatioLabel->setVisible(ratio);
}

void SloDialog::updateWindow()
{
    m_customWindow->setVisible(m_window->currentData().toLongLong() == 0);
    const SloDefinition current = slo();
    if (current.windowMs <= 0) {
        m_budget->clear();
        return;
    }
    const analysis::ErrorBudget budget = analysis::errorBudget(current.objective, current.windowMs, 0.0);
    m_budget->setText(tr("Error budget: %1 of the events, %2 of the window's time")
                          .arg(QString::number((1.0 - current.objective) * 100.0, 'g', 6) + QStringLiteral(" %"),
                              formatDuration(std::chrono::milliseconds(budget.totalMs))));
}

} // namespace firebreak::ui
