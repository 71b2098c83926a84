#include "toolrow.h"

#include <QHBoxLayout>
#include <QWidget>

namespace firebreak::ui {

QWidget* toolRow(QWidget* parent, std::initializer_list<QWidget*> widgets)
{
    auto* container = new QWidget(parent);
    auto* layout = new QHBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* widget : widgets) {
        if (widget)
            layout->addWidget(widget);
        else
            layout->addStretch(1);
    }
    return container;
}

} // namespace firebreak::ui
