#include "metricsdata.h"

#include <array>

namespace firebreak::ui {

QString ChartSeries::key() const
{
    QString key = queryRef;
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it)
        key += u'\x1f' + it.key() + u'=' + it.value();
    return key;
}

QColor seriesColor(int index)
{
    // Grafana's classic palette: tested on light and dark backgrounds, neighbours well apart.
    static constexpr std::array<QRgb, 16> Palette { 0x7eb26d, 0xeab839, 0x6ed0e0, 0xef843c, 0xe24d42, 0x1f78c1,
        0xba43a9, 0x705da0, 0x508642, 0xcca300, 0x447ebc, 0xc15c17, 0x890f02, 0x0a437c, 0x6d1f62, 0x584477 };
    const auto at = static_cast<std::size_t>(index < 0 ? 0 : index) % Palette.size();
    return QColor::fromRgb(Palette[at]);
}

} // namespace firebreak::ui
