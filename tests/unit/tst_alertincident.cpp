// From a Prometheus alert to an incident: the severity label mapping, services, the alert's rule, the
// declare dialog's prefill and the frozen evidence, on the answers recorded from Prometheus 2.42.

#include "analysis/alertincident.h"
#include "testutils.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace firebreak;
using namespace firebreak::analysis;
using namespace firebreak::prometheus;

Q_DECLARE_METATYPE(std::optional<firebreak::Severity>)

class TestAlertIncident : public QObject
{
    Q_OBJECT

private:
    std::vector<Alert> m_alerts;
    std::vector<RuleGroup> m_groups;

private Q_SLOTS:
    void initTestCase()
    {
        const Parsed<std::vector<Alert>> alerts
            = parseAlertsResponse(test::readData(QStringLiteral("prometheus/prometheus-alerts.json")));
        QVERIFY(alerts.ok());
        m_alerts = *alerts.value;
        QCOMPARE(m_alerts.size(), std::size_t(2));
        const Parsed<std::vector<RuleGroup>> rules
            = parseRulesResponse(test::readData(QStringLiteral("prometheus/prometheus-rules.json")));
        QVERIFY(rules.ok());
        m_groups = *rules.value;
    }

    void severityLabels_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<std::optional<Severity>>("severity");
        QTest::newRow("sev1") << QStringLiteral("sev1") << std::optional(Severity::Sev1);
        QTest::newRow("SEV-2") << QStringLiteral("SEV-2") << std::optional(Severity::Sev2);
        QTest::newRow("sev_5") << QStringLiteral("sev_5") << std::optional(Severity::Sev5);
        QTest::newRow("P3") << QStringLiteral("P3") << std::optional(Severity::Sev3);
        QTest::newRow("p0_is_the_top") << QStringLiteral("p0") << std::optional(Severity::Sev1);
        QTest::newRow("critical") << QStringLiteral("critical") << std::optional(Severity::Sev2);
        QTest::newRow("page") << QStringLiteral(" Page ") << std::optional(Severity::Sev2);
        QTest::newRow("error") << QStringLiteral("error") << std::optional(Severity::Sev3);
        QTest::newRow("warning") << QStringLiteral("warning") << std::optional(Severity::Sev4);
        QTest::newRow("ticket") << QStringLiteral("ticket") << std::optional(Severity::Sev4);
        QTest::newRow("info") << QStringLiteral("info") << std::optional(Severity::Sev5);
        QTest::newRow("sev6_unknown") << QStringLiteral("sev6") << std::optional<Severity>();
        QTest::newRow("empty") << QString() << std::optional<Severity>();
        QTest::newRow("made_up") << QStringLiteral("spicy") << std::optional<Severity>();
    }

    void severityLabels()
    {
        QFETCH(QString, label);
        QFETCH(std::optional<Severity>, severity);
        QCOMPARE(severityFromAlertLabel(label), severity);
    }

    void severityFallsBackToPriorityThenSev3()
    {
        QCOMPARE(incidentSeverityForAlert({ { QStringLiteral("priority"), QStringLiteral("P1") } }), Severity::Sev1);
        QCOMPARE(incidentSeverityForAlert({ { QStringLiteral("severity"), QStringLiteral("warning") },
                     { QStringLiteral("priority"), QStringLiteral("P1") } }),
            Severity::Sev4);
        QCOMPARE(
            incidentSeverityForAlert({ { QStringLiteral("severity"), QStringLiteral("whatever") } }), Severity::Sev3);
        QCOMPARE(incidentSeverityForAlert({}), Severity::Sev3);
    }

    void servicesComeFromServiceAppAndJob()
    {
        QCOMPARE(servicesFromAlertLabels({ { QStringLiteral("job"), QStringLiteral("api") },
                     { QStringLiteral("service"), QStringLiteral("checkout") },
                     { QStringLiteral("app"), QStringLiteral("checkout") } }),
            (QStringList { QStringLiteral("checkout"), QStringLiteral("api") }));
        QCOMPARE(servicesFromAlertLabels({ { QStringLiteral("instance"), QStringLiteral("x:1") } }), QStringList());
    }

    void findsTheRuleOfEachAlert()
    {
        const Rule* up = ruleForAlert(m_groups, m_alerts[0]);
        QVERIFY(up);
        QCOMPARE(up->name, QStringLiteral("FirebreakSelfScrapeUp"));
        QCOMPARE(up->query, QStringLiteral("up{job=\"prometheus\"} == 1"));
        const Rule* slow = ruleForAlert(m_groups, m_alerts[1]);
        QVERIFY(slow);
        QCOMPARE(slow->name, QStringLiteral("FirebreakSelfScrapeSlow"));
        QCOMPARE(slow->forMs, qint64(3600000));

        // An alert the rules answer no longer lists (it resolved in between) still finds its rule by name
        // and the rule's labels; one of a rule that is gone finds none.
        Alert later = m_alerts[0];
        later.labels[QStringLiteral("instance")] = QStringLiteral("elsewhere:9090");
        QCOMPARE(ruleForAlert(m_groups, later), up);
        Alert gone = m_alerts[0];
        gone.labels[QStringLiteral("alertname")] = QStringLiteral("NoSuchRule");
        QCOMPARE(ruleForAlert(m_groups, gone), nullptr);
        // Same name, but the rule's severity label is not the alert's: not that rule.
        Alert other = m_alerts[0];
        other.labels[QStringLiteral("severity")] = QStringLiteral("ticket");
        other.labels[QStringLiteral("instance")] = QStringLiteral("elsewhere:9090");
        QCOMPARE(ruleForAlert(m_groups, other), nullptr);
    }

    void prefillFromTheFiringAlert()
    {
        const journal::DeclareRequest request = declareRequestForAlert(m_alerts[0]);
        QCOMPARE(request.title, QStringLiteral("FirebreakSelfScrapeUp: Prometheus scrapes itself"));
        QCOMPARE(request.severity, Severity::Sev2); // severity="page"
        QCOMPARE(request.services, QStringList { QStringLiteral("prometheus") }); // job
        QCOMPARE(request.summary, QStringLiteral("up is 1 on 127.0.0.1:29393")); // the description
        QVERIFY(request.commander.isEmpty());
        QCOMPARE(request.startedMs, parseRfc3339Ms(QStringLiteral("2026-11-25T19:02:46.224Z")));

        // Without annotations: the name alone, no summary; severity="ticket" asks for SEV4.
        const journal::DeclareRequest slow = declareRequestForAlert(m_alerts[1]);
        QCOMPARE(slow.title, QStringLiteral("FirebreakSelfScrapeSlow"));
        QCOMPARE(slow.severity, Severity::Sev4);
        QVERIFY(slow.summary.isEmpty());
    }

    void evidenceFreezesTheAlert()
    {
        const qint64 now = *parseRfc3339Ms(QStringLiteral("2026-11-25T19:10:00Z"));
        const Rule* rule = ruleForAlert(m_groups, m_alerts[0]);
        const journal::Evidence evidence = evidenceForAlert(
            m_alerts[0], rule, QStringLiteral("prom-test"), QStringLiteral("http://127.0.0.1:29393"), now);
        QCOMPARE(evidence.title, QStringLiteral("Alert FirebreakSelfScrapeUp (firing)"));
        QCOMPARE(evidence.source, QStringLiteral("prometheus"));
        QCOMPARE(evidence.query, QStringLiteral("up{job=\"prometheus\"} == 1"));
        QCOMPARE(evidence.fromMs, *m_alerts[0].activeAtMs);
        QCOMPARE(evidence.toMs, now);
        const QJsonObject frozen = QJsonDocument::fromJson(evidence.frozenData).object();
        QCOMPARE(frozen.value(QStringLiteral("state")).toString(), QStringLiteral("firing"));
        QCOMPARE(frozen.value(QStringLiteral("value")).toString(), QStringLiteral("1e+00"));
        QCOMPARE(frozen.value(QStringLiteral("labels")).toObject().value(QStringLiteral("instance")).toString(),
            QStringLiteral("127.0.0.1:29393"));
        QCOMPARE(frozen.value(QStringLiteral("annotations")).toObject().value(QStringLiteral("summary")).toString(),
            QStringLiteral("Prometheus scrapes itself"));
        QCOMPARE(frozen.value(QStringLiteral("active_at")).toString(), QStringLiteral("2026-11-25T19:02:46.224Z"));
        QCOMPARE(frozen.value(QStringLiteral("captured_at")).toString(), QStringLiteral("2026-11-25T19:10:00.000Z"));
        QCOMPARE(frozen.value(QStringLiteral("source")).toString(), QStringLiteral("prom-test"));
        QCOMPARE(frozen.value(QStringLiteral("rule")).toObject().value(QStringLiteral("health")).toString(),
            QStringLiteral("ok"));

        // Without its rule the alert is still re-runnable through the ALERTS series.
        const journal::Evidence bare = evidenceForAlert(m_alerts[1], nullptr, QString(), QString(), now);
        QCOMPARE(bare.query,
            QStringLiteral("ALERTS{alertname=\"FirebreakSelfScrapeSlow\", instance=\"127.0.0.1:29393\", "
                           "job=\"prometheus\", severity=\"ticket\"}"));
        QVERIFY(!QJsonDocument::fromJson(bare.frozenData).object().contains(QStringLiteral("rule")));
    }
};

QTEST_GUILESS_MAIN(TestAlertIncident)
#include "tst_alertincident.moc"
