#include "journal/stakeholderupdate.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace firebreak;
using namespace firebreak::journal;
using namespace std::chrono_literals;

namespace {
// 2026-11-25 10:00:00 UTC
constexpr qint64 T0 = 1795600800000;
constexpr qint64 Minute = 60000;

Incident sampleIncident()
{
    Incident incident;
    incident.id = QStringLiteral("INC-20261125-1");
    incident.title = QStringLiteral("Checkout returns 502");
    incident.severity = Severity::Sev1;
    incident.status = IncidentStatus::Identified;
    incident.declaredMs = T0;
    incident.startedMs = T0 - 10 * Minute;
    incident.roles.insert(QStringLiteral("commander"), QStringLiteral("ann"));
    incident.services = { QStringLiteral("checkout"), QStringLiteral("payments") };
    incident.customerImpact = QStringLiteral("30% of EU card payments fail.");
    return incident;
}
} // namespace

class TestStakeholderUpdate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fillsEveryPlaceholder()
    {
        const Incident incident = sampleIncident();
        const QString text
            = fillTemplate(QStringLiteral("{id} {severity} {status} | {title} | {impact} | {commander} | {services} | "
                                          "{started} | {declared} | {duration} | {next_update} | {now} | {unknown}"),
                incident, T0 + 20 * Minute, TimeDisplay::Utc, T0 + 30 * Minute);
        QCOMPARE(text,
            QStringLiteral("INC-20261125-1 SEV1 identified | Checkout returns 502 | 30% of EU card payments fail. | "
                           "ann | checkout, payments | 2026-11-25 09:50:00 UTC | 2026-11-25 10:00:00 UTC | 30m | "
                           "by 2026-11-25 10:30:00 UTC | 2026-11-25 10:20:00 UTC | {unknown}"));
    }

    void missingValuesReadAsSentences()
    {
        Incident incident = sampleIncident();
        incident.customerImpact.clear();
        incident.roles.clear();
        incident.services.clear();
        const QString text
            = fillTemplate(QStringLiteral("{impact}|{commander}|{services}|{next_update}\n\n{summary}\n\n\nEnd"),
                incident, T0, TimeDisplay::Utc, std::nullopt);
        QCOMPARE(text, QStringLiteral("still being assessed|not assigned|some services|when there is news\n\nEnd"));
    }

    void defaultTemplatesMentionTheEssentials()
    {
        const auto templates = defaultUpdateTemplates();
        QCOMPARE(templates.size(), 3);
        QStringList audiences;
        for (const auto& t : templates) {
            audiences << t.audience;
            QVERIFY2(t.text.contains(QStringLiteral("{title}")), qPrintable(t.audience));
            QVERIFY2(t.text.contains(QStringLiteral("{next_update}")), qPrintable(t.audience));
        }
        QCOMPARE(audiences,
            (QStringList { QStringLiteral("executives"), QStringLiteral("customers"), QStringLiteral("engineering") }));
    }

    void cadence_data()
    {
        QTest::addColumn<int>("severity");
        QTest::addColumn<int>("minutes");
        QTest::newRow("sev1_every_30_minutes") << 1 << 30;
        QTest::newRow("sev2_every_hour") << 2 << 60;
        QTest::newRow("sev3_every_two_hours") << 3 << 120;
        QTest::newRow("sev4_no_cadence") << 4 << 0;
        QTest::newRow("sev5_no_cadence") << 5 << 0;
    }

    void cadence()
    {
        QFETCH(int, severity);
        QFETCH(int, minutes);
        QCOMPARE(defaultCadence(static_cast<Severity>(severity)), std::chrono::minutes(minutes));
    }

    void nextUpdateCountsFromTheLastUpdate()
    {
        Incident incident = sampleIncident();
        QCOMPARE(nextUpdateDue(incident, 30min), std::optional<qint64>(T0 + 30 * Minute));
        incident.updates.append({ T0 + 25 * Minute, QStringLiteral("executives"), QStringLiteral("x"), {}, {} });
        QCOMPARE(nextUpdateDue(incident, 30min), std::optional<qint64>(T0 + 55 * Minute));
        QCOMPARE(nextUpdateDue(incident, 0min), std::nullopt);
        incident.status = IncidentStatus::Resolved;
        QCOMPARE(nextUpdateDue(incident, 30min), std::nullopt);
    }

    void countdown()
    {
        bool overdue = true;
        QCOMPARE(countdownText(T0 + 12 * Minute + 3000, T0, &overdue), QStringLiteral("next update due in 12:03"));
        QVERIFY(!overdue);
        QCOMPARE(countdownText(T0, T0 + 4 * Minute + 10000, &overdue), QStringLiteral("update overdue by 4:10"));
        QVERIFY(overdue);
        QCOMPARE(countdownText(T0 + 90 * Minute, T0, nullptr), QStringLiteral("next update due in 1:30:00"));
    }

    void templatesAndCadenceFromSettings()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        QCOMPARE(loadTemplates(settings).first().text, defaultUpdateTemplates().first().text);
        saveTemplate(settings, { QStringLiteral("executives"), QStringLiteral("Short: {title}") });
        QCOMPARE(loadTemplates(settings).first().text, QStringLiteral("Short: {title}"));
        QCOMPARE(loadTemplates(settings).at(1).text, defaultUpdateTemplates().at(1).text);
        settings.setValue(QStringLiteral("updateCadence/SEV3"), 45);
        QCOMPARE(journal::cadence(settings, Severity::Sev3), 45min);
        QCOMPARE(journal::cadence(settings, Severity::Sev1), 30min);
    }

    void copyFormats()
    {
        const Incident incident = sampleIncident();
        const UpdateRecord update { T0, QStringLiteral("customers"), QStringLiteral("We are on it."),
            QStringLiteral("cat"), {} };
        QCOMPARE(updateAsMarkdown(incident, update, TimeDisplay::Utc),
            QStringLiteral("**INC-20261125-1 · SEV1 · customers** — 2026-11-25 10:00:00 UTC\n\nWe are on it.\n"));
        QCOMPARE(updateAsPlainText(incident, update, TimeDisplay::Utc),
            QStringLiteral("INC-20261125-1 · SEV1 · customers — 2026-11-25 10:00:00 UTC\n\nWe are on it.\n"));
    }
};

QTEST_GUILESS_MAIN(TestStakeholderUpdate)
#include "tst_stakeholderupdate.moc"
