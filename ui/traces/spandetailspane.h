#pragma once

#include "analysis/tracedocument.h"
#include "model/timerange.h"

#include <QWidget>

class QAction;
class QGridLayout;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace firebreak::analysis {
class SpanAttributesFilterModel;
class SpanAttributesModel;
} // namespace firebreak::analysis

namespace firebreak::ui {

/// Everything about one span: name, service, kind, status, ids (copyable), start, duration, self time, its share
/// of the critical path, the clock-skew shift, and a searchable tree of span and resource attributes, scope,
/// events and links with copy actions.
class SpanDetailsPane final : public QWidget
{
    Q_OBJECT
public:
    explicit SpanDetailsPane(QWidget* parent = nullptr);
    ~SpanDetailsPane() override;

    /// `span` -1 clears the pane.
    void setSpan(analysis::TraceDocumentPtr document, qsizetype span);
    analysis::TraceDocumentPtr document() const { return m_document; }
    qsizetype span() const { return m_span; }

    void setTimeDisplay(TimeDisplay display);

    analysis::SpanAttributesModel* attributesModel() const { return m_model; }

Q_SIGNALS:
    /// Something went to the clipboard (for a status bar).
    void copied(const QString& text);

protected:
    void resizeEvent(QResizeEvent* event) final;

private:
    void showSpan();
    void fitKeyColumn();
    void spanGroupRows();
    QToolButton* addIdRow(int row, const QString& label, QLabel*& value, const QString& objectName);
    void copy(const QString& text);
    void copyFromButton(QToolButton* button, const QString& text);
    void updateCopyActions();
    void copyCurrent(bool withKey);
    void copyJson();

    analysis::TraceDocumentPtr m_document;
    qsizetype m_span = -1;
    TimeDisplay m_display = TimeDisplay::Local;
    int m_keyWidth = 0;

    analysis::SpanAttributesModel* m_model;
    analysis::SpanAttributesFilterModel* m_filter;
    QStackedWidget* m_pages;
    QLabel* m_name;
    QLabel* m_service;
    QLabel* m_kind;
    QLabel* m_status;
    QLabel* m_spanId;
    QLabel* m_parentId;
    QLabel* m_traceId;
    QToolButton* m_copySpanId;
    QToolButton* m_copyParentId;
    QToolButton* m_copyTraceId;
    QLabel* m_start;
    QLabel* m_duration;
    QLabel* m_selfTime;
    QLabel* m_criticalPath;
    QLabel* m_skew;
    QLineEdit* m_search;
    QToolButton* m_copyJsonButton;
    QTreeView* m_tree;
    QAction* m_copyValue;
    QAction* m_copyKeyValue;
    QAction* m_copyJson;
};

} // namespace firebreak::ui
