#pragma once

#include "common/appsettings.h"

namespace firebreak::ui {

/// Applies light, dark or the platform's own look to the running application.
void applyTheme(Theme theme);

} // namespace firebreak::ui
