#pragma once

#include "journal/postmortem.h"
#include "model/incident.h"
#include "model/timerange.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QTimer;

namespace firebreak::ui {

/// The postmortem draft: generated from the journal, edited as Markdown with a live preview, saved as
/// journal events, exported to Markdown, HTML or PDF.
class PostmortemPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit PostmortemPanel(QWidget* parent = nullptr);
    ~PostmortemPanel() override;

    void setIncident(const Incident& incident, const QList<JournalEvent>& events);
    void setTimeDisplay(TimeDisplay display);

    QString markdown() const;
    bool hasUnsavedChanges() const { return m_dirty; }
    /// Drafts edited but not saved, this incident's and others' (kept while the user looks elsewhere).
    int unsavedDrafts() const;
    /// Writes the draft as Markdown, HTML or PDF, chosen by the file's extension.
    bool exportTo(const QString& file, QString* error) const;

public Q_SLOTS:
    void regenerate();

Q_SIGNALS:
    void saveRequested(const QString& markdown);

private:
    void updatePreview();
    void setDirty(bool dirty);

    Incident m_incident;
    journal::EvidencePictures m_pictures;
    QList<JournalEvent> m_events;
    TimeDisplay m_display = TimeDisplay::Local;
    bool m_dirty = false;
    QHash<QString, QString> m_drafts;
    QPlainTextEdit* m_editor;
    QTextBrowser* m_preview;
    QLabel* m_state;
    QPushButton* m_save;
    QTimer* m_previewTimer;
};

} // namespace firebreak::ui
