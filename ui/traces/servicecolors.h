#pragma once

#include <QColor>

#include <string_view>

namespace firebreak::ui {

/// A service's colour in every trace view: picked from a palette of well-separated hues by a stable hash of
/// the name, so "checkout" has the same colour in every trace, run and machine.
QColor serviceColor(std::string_view serviceName);

} // namespace firebreak::ui
