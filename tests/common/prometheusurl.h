#pragma once

// Where the Prometheus started by the CTest fixture (tests/integration/prometheus-fixture.sh) listens.

#include <QFile>
#include <QString>

namespace firebreak::test {

/// FIREBREAK_PROMETHEUS_URL, else the first line of the file FIREBREAK_PROMETHEUS_URL_FILE names;
/// empty when neither is there (the test was not started through ctest).
inline QString prometheusUrl()
{
    const QString url = qEnvironmentVariable("FIREBREAK_PROMETHEUS_URL");
    if (!url.isEmpty())
        return url;
    QFile file(qEnvironmentVariable("FIREBREAK_PROMETHEUS_URL_FILE"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().trimmed()) : QString();
}

inline constexpr const char* NoPrometheusMessage
    = "No Prometheus URL: run through ctest (fixture 'prometheus', tests/integration/prometheus-fixture.sh) or set "
      "FIREBREAK_PROMETHEUS_URL";

} // namespace firebreak::test
