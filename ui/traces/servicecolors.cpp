#include "servicecolors.h"

#include <array>
#include <cstdint>

namespace firebreak::ui {

QColor serviceColor(std::string_view serviceName)
{
    // Jaeger's categorical palette: distinguishable next to each other, readable as bars on white and dark.
    static constexpr std::array<QRgb, 20> Palette
        = { 0x17B8BE, 0xF8DCA1, 0xB7885E, 0xFFCB99, 0xF89570, 0x829AE3, 0xE79FD5, 0x1E96BE, 0x89DAC1, 0xB3AD9E,
              0x12939A, 0xDDB27C, 0x88572C, 0xFF9833, 0xEF5D28, 0x162A65, 0xDA70BF, 0x125C77, 0x4DC19C, 0x776E57 };
    std::uint32_t hash = 2166136261u; // FNV-1a: stable across runs, unlike qHash's seeded hashing
    for (const char c : serviceName) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619u;
    }
    return QColor::fromRgb(Palette[hash % Palette.size()]);
}

} // namespace firebreak::ui
