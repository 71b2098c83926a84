#include "uuidv7.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <mutex>

namespace firebreak::journal {

QString makeUuidV7(qint64 unixMs)
{
    // rand_a (12 bits) is a counter within the same millisecond (RFC 9562, method 1), so ids from one
    // process never sort out of creation order.
    static std::mutex mutex;
    static qint64 lastMs = -1;
    static quint16 counter = 0;
    quint16 randA = 0;
    {
        std::lock_guard lock(mutex);
        if (unixMs <= lastMs) {
            unixMs = lastMs;
            if (++counter > 0x0fff) {
                ++unixMs; // counter exhausted: borrow the next millisecond rather than repeat
                counter = 0;
            }
        } else {
            counter = static_cast<quint16>(QRandomGenerator::system()->bounded(0x400));
        }
        lastMs = unixMs;
        randA = counter;
    }
    unsigned char bytes[16];
    const auto ms = static_cast<quint64>(unixMs);
    for (int i = 0; i < 6; ++i)
        bytes[i] = static_cast<unsigned char>(ms >> (8 * (5 - i)));
    bytes[6] = static_cast<unsigned char>(0x70 | ((randA >> 8) & 0x0f));
    bytes[7] = static_cast<unsigned char>(randA & 0xff);
    quint64 random = QRandomGenerator::system()->generate64();
    for (int i = 8; i < 16; ++i) {
        bytes[i] = static_cast<unsigned char>(random & 0xff);
        random >>= 8;
    }
    bytes[8] = static_cast<unsigned char>(0x80 | (bytes[8] & 0x3f)); // variant 10
    const QByteArray hex = QByteArray(reinterpret_cast<const char*>(bytes), 16).toHex();
    return QString::fromLatin1(
        hex.left(8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-' + hex.mid(16, 4) + '-' + hex.mid(20));
}

QString makeUuidV7()
{
    return makeUuidV7(QDateTime::currentMSecsSinceEpoch());
}

qint64 uuidV7Time(const QString& id)
{
    if (id.size() != 36 || id.at(14) != u'7')
        return -1;
    bool ok = false;
    const qint64 ms = QStringView(id).left(8).toLongLong(&ok, 16);
    if (!ok)
        return -1;
    const qint64 low = QStringView(id).mid(9, 4).toLongLong(&ok, 16);
    return ok ? (ms << 16) | low : -1;
}

} // namespace firebreak::journal
