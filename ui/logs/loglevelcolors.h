#pragma once

#include "analysis/loglevel.h"

#include <QColor>

#include <array>

namespace firebreak::ui {

/// A level's colour in every log view (the list's level bar, the volume histogram, the filter's checkboxes), the
/// same in light and dark themes: mid-tone hues that read both as bars on white and as marks on dark grey.
QColor logLevelColor(analysis::LogLevel level);

/// A faint wash of the level's colour over `base` for a row's background (only Warn, Error and Fatal get one:
/// a screen of tinted info lines tells nothing); `base` itself for the others.
QColor logLevelRowTint(analysis::LogLevel level, const QColor& base);

/// Text on a badge filled with logLevelColor(level): black or white, whichever reads better.
QColor logLevelBadgeTextColor(analysis::LogLevel level);

/// The order levels are stacked in a chart, bottom first: the severe ones on the baseline where they are seen.
const std::array<analysis::LogLevel, analysis::LogLevelCount>& logLevelStackOrder();

} // namespace firebreak::ui
