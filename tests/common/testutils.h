#pragma once

#include "model/timerange.h"

#include <QFile>
#include <QString>
#include <QTest>

namespace firebreak {

// Readable QCOMPARE failures for ranges.
inline char* toString(const TimeRange& range)
{
    return QTest::toString(
        QStringLiteral("[%1, %2] (%3 ms)").arg(range.fromMs).arg(range.toMs).arg(range.durationMs()));
}

} // namespace firebreak

namespace firebreak::test {

inline QString dataPath(const QString& relative)
{
    return QStringLiteral(FIREBREAK_TEST_DATA_DIR) + u'/' + relative;
}

/// Contents of a file below tests/data; an empty array (and a warning) when it is missing.
inline QByteArray readData(const QString& relative)
{
    QFile file(dataPath(relative));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot read test data %s: %s", qPrintable(file.fileName()), qPrintable(file.errorString()));
        return {};
    }
    return file.readAll();
}

} // namespace firebreak::test
