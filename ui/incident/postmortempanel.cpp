#include "postmortempanel.h"

#include "journal/postmortem.h"
#include "render/markdownrenderer.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace firebreak::ui {

PostmortemPanel::PostmortemPanel(QWidget* parent)
    : QWidget(parent)
    , m_editor(new QPlainTextEdit(this))
    , m_preview(new QTextBrowser(this))
    , m_state(new QLabel(this))
    , m_save(new QPushButton(tr("Save draft"), this))
    , m_previewTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("postmortemPanel"));
    m_editor->setObjectName(QStringLiteral("postmortemEditor"));
    m_preview->setObjectName(QStringLiteral("postmortemPreview"));
    m_save->setObjectName(QStringLiteral("savePostmortem"));
    m_state->setObjectName(QStringLiteral("postmortemState"));
    m_editor->setTabChangesFocus(false);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_editor->setFont(mono);
    m_preview->setOpenExternalLinks(true);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(250); // re-render after typing pauses, not on every key

    auto* regenerate = new QPushButton(tr("Regenerate from journal"), this);
    regenerate->setObjectName(QStringLiteral("regeneratePostmortem"));
    regenerate->setToolTip(tr("Replace the draft with one generated from the timeline, key events, updates and "
                              "action items"));
    auto* exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setObjectName(QStringLiteral("exportPostmortem"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(regenerate);
    buttons->addWidget(m_state, 1);
    buttons->addWidget(m_save);
    buttons->addWidget(exportButton);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_editor);
    splitter->addWidget(m_preview);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);

    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        setDirty(true);
        m_previewTimer->start();
    });
    connect(m_previewTimer, &QTimer::timeout, this, &PostmortemPanel::updatePreview);
    connect(regenerate, &QPushButton::clicked, this, [this] {
        if (m_dirty
            && QMessageBox::question(this, tr("Regenerate the postmortem?"),
                   tr("Your unsaved edits will be replaced by a draft generated from the journal."))
                != QMessageBox::Yes)
            return;
        this->regenerate();
    });
    connect(m_save, &QPushButton::clicked, this, [this] { Q_EMIT saveRequested(m_editor->toPlainText()); });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export postmortem"),
            m_incident.id + QStringLiteral("-postmortem.md"), tr("Markdown (*.md);;HTML (*.html);;PDF (*.pdf)"));
        if (file.isEmpty())
            return;
        QString error;
        if (!exportTo(file, &error))
            QMessageBox::warning(this, tr("Export failed"), error);
    });
    setDirty(false);
}

PostmortemPanel::~PostmortemPanel() = default;

void PostmortemPanel::setIncident(const Incident& incident, const QList<JournalEvent>& events)
{
    const bool other = incident.id != m_incident.id;
    if (other && m_dirty && !m_incident.id.isEmpty())
        m_drafts.insert(m_incident.id, m_editor->toPlainText()); // kept until the user comes back
    m_incident = incident;
    m_events = events;
    m_pictures = journal::evidencePictures(events);
    for (auto it = m_pictures.cbegin(); it != m_pictures.cend(); ++it) {
        QImage picture;
        picture.loadFromData(it.value(), "PNG");
        m_preview->document()->addResource(QTextDocument::ImageResource, QUrl(it.key()), picture);
    }
    if (other && m_drafts.contains(incident.id)) {
        const QSignalBlocker block(m_editor);
        m_editor->setPlainText(m_drafts.take(incident.id));
        setDirty(true);
        updatePreview();
        return;
    }
    if (m_dirty && incident.postmortemMarkdown == m_editor->toPlainText())
        setDirty(false); // our own save came back from the journal
    // Never overwrite what someone is writing; a new incident or a clean editor follows the journal.
    if (other || !m_dirty) {
        const QSignalBlocker block(m_editor);
        m_editor->setPlainText(journal::postmortemText(incident, events, m_display));
        setDirty(false);
        updatePreview();
    }
}

int PostmortemPanel::unsavedDrafts() const
{
    return static_cast<int>(m_drafts.size()) + (m_dirty ? 1 : 0);
}

void PostmortemPanel::setTimeDisplay(TimeDisplay display)
{
    m_display = display;
}

QString PostmortemPanel::markdown() const
{
    return m_editor->toPlainText();
}

void PostmortemPanel::regenerate()
{
    m_editor->setPlainText(journal::generatePostmortem(m_incident, m_events, m_display));
    updatePreview();
}

void PostmortemPanel::setDirty(bool dirty)
{
    m_dirty = dirty;
    m_save->setEnabled(dirty);
    if (dirty)
        m_state->setText(tr("Unsaved changes"));
    else if (m_incident.postmortemMarkdown.isEmpty())
        m_state->setText(tr("Generated from the journal; not saved as a draft yet"));
    else
        m_state->setText(tr("Saved in the journal"));
}

void PostmortemPanel::updatePreview()
{
    const int scroll = m_preview->verticalScrollBar() ? m_preview->verticalScrollBar()->value() : 0;
    m_preview->setMarkdown(m_editor->toPlainText());
    if (m_preview->verticalScrollBar())
        m_preview->verticalScrollBar()->setValue(scroll);
}

bool PostmortemPanel::exportTo(const QString& file, QString* error) const
{
    const QString suffix = QFileInfo(file).suffix().toLower();
    const QString markdown = journal::embedEvidencePictures(m_editor->toPlainText(), m_pictures);
    if (suffix == QLatin1String("pdf"))
        return render::writePdf(markdown, file, error);
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(file, out.errorString());
        return false;
    }
    const QString content = (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        ? render::markdownToHtml(markdown, journal::postmortemTitle(m_incident))
        : markdown;
    out.write(content.toUtf8());
    if (!out.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}

} // namespace firebreak::ui
