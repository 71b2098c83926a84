#include "loglevelcolors.h"

namespace firebreak::ui {

using analysis::LogLevel;

QColor logLevelColor(LogLevel level)
{
    // Grafana's log level colours, which users of Loki already read without a legend.
    switch (level) {
    case LogLevel::Trace:
        return QColor(0x6e, 0xd0, 0xe0);
    case LogLevel::Debug:
        return QColor(0x1f, 0x78, 0xc1);
    case LogLevel::Info:
        return QColor(0x7e, 0xb2, 0x6d);
    case LogLevel::Warn:
        return QColor(0xec, 0xbb, 0x13);
    case LogLevel::Error:
        return QColor(0xe2, 0x4d, 0x42);
    case LogLevel::Fatal:
        return QColor(0x70, 0x5d, 0xa0);
    case LogLevel::Unknown:
        break;
    }
    return QColor(0x8e, 0x8e, 0x8e);
}

QColor logLevelRowTint(LogLevel level, const QColor& base)
{
    if (level != LogLevel::Warn && level != LogLevel::Error && level != LogLevel::Fatal)
        return base;
    const QColor colour = logLevelColor(level);
    constexpr double Wash = 0.14;
    const auto mix = [](int a, int b) { return static_cast<int>(a + (b - a) * Wash); };
    return QColor(mix(base.red(), colour.red()), mix(base.green(), colour.green()), mix(base.blue(), colour.blue()));
}

QColor logLevelBadgeTextColor(LogLevel level)
{
    const QColor colour = logLevelColor(level);
    // Relative luminance (Rec. 709) above the middle reads better with black text.
    const double luminance = 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF();
    return luminance > 0.45 ? QColor(Qt::black) : QColor(Qt::white);
}

const std::array<LogLevel, analysis::LogLevelCount>& logLevelStackOrder()
{
    static constexpr std::array<LogLevel, analysis::LogLevelCount> Order { LogLevel::Fatal, LogLevel::Error,
        LogLevel::Warn, LogLevel::Info, LogLevel::Debug, LogLevel::Trace, LogLevel::Unknown };
    return Order;
}

} // namespace firebreak::ui
