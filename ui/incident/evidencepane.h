#pragma once

#include <QVariantMap>
#include <QWidget>

class QLabel;
class QPushButton;

namespace firebreak::ui {

/// A pinned piece of evidence in full under the timeline: its picture, and ways back to it — open the
/// query again in its workspace, or read the frozen copy when the server no longer has the data.
class EvidencePane final : public QWidget
{
    Q_OBJECT
public:
    explicit EvidencePane(QWidget* parent = nullptr);
    ~EvidencePane() override;

    /// TimelineModel::EvidenceRole of the selected event; empty hides the pane.
    void setEvidence(const QVariantMap& evidence);
    QVariantMap evidence() const { return m_evidence; }
    /// What "Frozen data…" shows: JSON pretty-printed, anything else as text.
    static QString frozenDataText(const QByteArray& data);

Q_SIGNALS:
    void openRequested(const QString& source, const QString& query, qint64 fromMs, qint64 toMs);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void showFrozenData();
    void scalePicture();

    QVariantMap m_evidence;
    QPixmap m_pixmap;
    QLabel* m_picture;
    QPushButton* m_open;
    QPushButton* m_data;
};

} // namespace firebreak::ui
