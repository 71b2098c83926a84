#include "evidencepane.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace firebreak::ui {

namespace {
constexpr int MaxPictureHeight = 260;
}

EvidencePane::EvidencePane(QWidget* parent)
    : QWidget(parent)
    , m_picture(new QLabel(this))
    , m_open(new QPushButton(this))
    , m_data(new QPushButton(tr("Frozen data…"), this))
{
    setObjectName(QStringLiteral("evidencePane"));
    m_picture->setObjectName(QStringLiteral("evidencePicture"));
    m_open->setObjectName(QStringLiteral("evidenceOpen"));
    m_data->setObjectName(QStringLiteral("evidenceData"));
    m_picture->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_picture->setMinimumHeight(0);
    m_open->setToolTip(tr("Runs the pinned query again over the pinned range (needs the data source)."));
    m_data->setToolTip(tr("The copy of the data taken when it was pinned."));

    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_open);
    buttons->addWidget(m_data);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_picture);
    layout->addLayout(buttons);

    connect(m_open, &QPushButton::clicked, this, [this] {
        Q_EMIT openRequested(m_evidence.value(QStringLiteral("source")).toString(),
            m_evidence.value(QStringLiteral("query")).toString(),
            m_evidence.value(QStringLiteral("from_ms")).toLongLong(),
            m_evidence.value(QStringLiteral("to_ms")).toLongLong());
    });
    connect(m_data, &QPushButton::clicked, this, &EvidencePane::showFrozenData);
    setVisible(false);
}

EvidencePane::~EvidencePane() = default;

void EvidencePane::setEvidence(const QVariantMap& evidence)
{
    m_evidence = evidence;
    if (evidence.isEmpty()) {
        setVisible(false);
        return;
    }
    m_pixmap = QPixmap();
    m_pixmap.loadFromData(evidence.value(QStringLiteral("thumbnail")).toByteArray(), "PNG");
    m_picture->setVisible(!m_pixmap.isNull());
    scalePicture();
    const QString source = evidence.value(QStringLiteral("source")).toString();
    const QString query = evidence.value(QStringLiteral("query")).toString();
    if (source == QLatin1String("prometheus"))
        m_open->setText(tr("Open in Metrics"));
    else if (source == QLatin1String("loki"))
        m_open->setText(tr("Open in Logs"));
    else if (source == QLatin1String("tempo"))
        m_open->setText(tr("Open trace"));
    else
        m_open->setText(tr("Open"));
    m_open->setEnabled(!query.isEmpty()
        && (source == QLatin1String("prometheus") || source == QLatin1String("loki")
            || source == QLatin1String("tempo")));
    m_data->setEnabled(!evidence.value(QStringLiteral("data")).toByteArray().isEmpty());
    setVisible(true);
}

QString EvidencePane::frozenDataText(const QByteArray& data)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data, &error);
    if (error.error == QJsonParseError::NoError)
        return QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    return QString::fromUtf8(data);
}

void EvidencePane::showFrozenData()
{
    const QByteArray data = m_evidence.value(QStringLiteral("data")).toByteArray();
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("frozenDataDialog"));
    dialog.setWindowTitle(tr("Frozen data: %1").arg(m_evidence.value(QStringLiteral("title")).toString()));
    auto* text = new QPlainTextEdit(frozenDataText(data), &dialog);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QPushButton* save = buttons->addButton(tr("Save as…"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(save, &QPushButton::clicked, &dialog, [&dialog, data] {
        const QString path = QFileDialog::getSaveFileName(
            &dialog, tr("Save frozen data"), QString(), tr("JSON (*.json);;Text (*.txt);;All files (*)"));
        if (path.isEmpty())
            return;
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
            QMessageBox::warning(
                &dialog, tr("Save frozen data"), tr("Could not write %1: %2").arg(path, file.errorString()));
    });
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog.resize(760, 560);
    dialog.exec();
}

void EvidencePane::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    scalePicture();
}

void EvidencePane::scalePicture()
{
    if (m_pixmap.isNull())
        return;
    const int width = std::max(1, std::min(m_pixmap.width(), this->width()));
    QPixmap scaled = m_pixmap.scaledToWidth(width, Qt::SmoothTransformation);
    if (scaled.height() > MaxPictureHeight)
        scaled = m_pixmap.scaledToHeight(MaxPictureHeight, Qt::SmoothTransformation);
    m_picture->setPixmap(scaled);
}

} // namespace firebreak::ui
