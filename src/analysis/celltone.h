#pragma once

namespace firebreak::analysis {

/// What a cell's colour should say, given by the trace models through a role and turned into colours of
/// the current palette by the UI's delegate (the models stay QtCore-only).
enum class CellTone
{
    Normal,
    Error, // errors > 0
    Slower, // B is slower than A
    Faster,
    OnlyA, // a path that disappeared in B
    OnlyB, // a path that is new in B
    Muted, // secondary text (no value, unchanged)
};

} // namespace firebreak::analysis
