#pragma once

#include <initializer_list>

class QWidget;

namespace firebreak::ui {

/// A row of controls without margins, as the workspaces' tool rows are built; nullptr stands for a stretch
/// (pushes what follows to the right).
QWidget* toolRow(QWidget* parent, std::initializer_list<QWidget*> widgets);

} // namespace firebreak::ui
