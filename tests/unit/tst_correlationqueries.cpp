#include "analysis/correlationqueries.h"
#include "common/appsettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace firebreak;
using namespace firebreak::analysis;

class TestCorrelationQueries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fillsEveryPlaceholder()
    {
        const SpanContext span { QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"), QStringLiteral("00f067aa0ba902b7"),
            QStringLiteral("checkout"), QStringLiteral("POST /pay") };
        QCOMPARE(fillCorrelationTemplate(defaultSpanLogsTemplate(), span),
            QStringLiteral("{service_name=\"checkout\"} |= \"4bf92f3577b34da6a3ce929d0e0e4736\""));
        QCOMPARE(fillCorrelationTemplate(
                     QStringLiteral("{job=\"$service\"} | json | span=\"$span_id\" |= \"$operation\""), span),
            QStringLiteral("{job=\"checkout\"} | json | span=\"00f067aa0ba902b7\" |= \"POST /pay\""));
        const QStringList metrics = defaultServiceMetricsTemplates();
        QCOMPARE(metrics.size(), 3);
        for (const QString& query : metrics)
            QVERIFY(fillCorrelationTemplate(query, span).contains(QStringLiteral("service=\"checkout\"")));
    }

    void valuesCannotBreakOutOfTheirString()
    {
        const SpanContext span { {}, {}, QStringLiteral("a\"b\\c\nd"), {} };
        QCOMPARE(fillCorrelationTemplate(QStringLiteral("{app=\"$service\"}"), span),
            QStringLiteral("{app=\"a\\\"b\\\\c\\nd\"}"));
    }

    void settingsFallBackToTheDefaults()
    {
        QTemporaryDir dir;
        QSettings qsettings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        AppSettings settings(qsettings);
        QCOMPARE(settings.spanLogsQuery(), defaultSpanLogsTemplate());
        QCOMPARE(settings.serviceMetricsQueries(), defaultServiceMetricsTemplates());
        settings.setSpanLogsQuery(QStringLiteral(" {app=\"$service\"} "));
        settings.setServiceMetricsQueries({ QStringLiteral("up{job=\"$service\"}"), QStringLiteral("  ") });
        QCOMPARE(settings.spanLogsQuery(), QStringLiteral("{app=\"$service\"}"));
        QCOMPARE(settings.serviceMetricsQueries(), QStringList { QStringLiteral("up{job=\"$service\"}") });
        settings.setSpanLogsQuery(QString());
        settings.setServiceMetricsQueries({});
        QCOMPARE(settings.spanLogsQuery(), defaultSpanLogsTemplate());
        QCOMPARE(settings.serviceMetricsQueries(), defaultServiceMetricsTemplates());
    }
};

QTEST_GUILESS_MAIN(TestCorrelationQueries)
#include "tst_correlationqueries.moc"
