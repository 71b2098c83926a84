#pragma once

#include <QString>

namespace firebreak::journal {

/// RFC 9562 UUID version 7: 48-bit Unix milliseconds, then random bits. Ids made later sort later
/// (within one process also inside one millisecond), so journals of several responders merge by id.
QString makeUuidV7(qint64 unixMs);
QString makeUuidV7();

/// The millisecond timestamp inside a UUIDv7, or -1 when `id` is not one.
qint64 uuidV7Time(const QString& id);

} // namespace firebreak::journal
