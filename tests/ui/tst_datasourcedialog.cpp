#include "common/datasourcedialog.h"
#include "common/profileform.h"
#include "net/httpclient.h"
#include "net/profilestore.h"
#include "testhttpserver.h"
#include "testutils.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace firebreak;
using namespace firebreak::ui;
using namespace firebreak::net;

class TestDataSourceDialog : public QObject
{
    Q_OBJECT

private:
    static void setUrl(DataSourceDialog& dialog, const QString& url)
    {
        auto* edit = dialog.findChild<QLineEdit*>(QStringLiteral("profileUrl"));
        edit->selectAll();
        QTest::keyClicks(edit, url);
    }

private Q_SLOTS:
    void testConnectionReportsLatencyAndVersion()
    {
        test::TestHttpServer server;
        QVERIFY(server.listen());
        server.actLikePrometheus();

        HttpClient client;
        DataSourceDialog dialog(client, {});
        dialog.show();
        dialog.addProfile(BackendKind::Prometheus);
        setUrl(dialog, server.url());
        auto* result = dialog.findChild<QLabel*>(QStringLiteral("testResult"));
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("testConnection")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("Version 2.42.0")), 10000);
        QVERIFY2(
            result->text().startsWith(QStringLiteral("Prometheus is ready: answered in ")), qPrintable(result->text()));
        QCOMPARE(server.received().first().target, QByteArrayLiteral("/-/ready"));
    }

    void testConnectionExplainsAFailure()
    {
        test::TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/ready", { 503, QByteArrayLiteral("Ingester not ready: waiting for 15s after being ready\n") });

        HttpClient client;
        DataSourceDialog dialog(client, {});
        dialog.show();
        dialog.addProfile(BackendKind::Loki);
        setUrl(dialog, server.url());
        auto* result = dialog.findChild<QLabel*>(QStringLiteral("testResult"));
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("testConnection")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!result->text().startsWith(QStringLiteral("Testing")), 10000);
        QVERIFY2(
            result->text().contains(QStringLiteral("answered 503: Ingester not ready")), qPrintable(result->text()));
    }

    void customHeadersAndBasicAuthReachTheServer()
    {
        test::TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/ready", { 200, QByteArrayLiteral("ready\n") });
        server.route("/api/status/buildinfo", { 404, QByteArrayLiteral("404 page not found\n") });
        server.route("/status/version", { 200, test::readData(QStringLiteral("tempo/tempo-status-version.txt")) });

        HttpClient client;
        DataSourceDialog dialog(client, {});
        dialog.show();
        dialog.addProfile(BackendKind::Tempo);
        setUrl(dialog, server.url());
        auto* auth = dialog.findChild<QComboBox*>(QStringLiteral("profileAuth"));
        auth->setCurrentIndex(auth->findData(QStringLiteral("basic")));
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("profileUsername")), QStringLiteral("oncall"));
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("profilePassword")), QStringLiteral("s3cret"));
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("addOrgId")), Qt::LeftButton);
        auto* headers = dialog.findChild<QTableWidget*>(QStringLiteral("profileHeaders"));
        headers->item(0, 1)->setText(QStringLiteral("tenant-a"));

        auto* result = dialog.findChild<QLabel*>(QStringLiteral("testResult"));
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("testConnection")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("Version v2.2.4")), 10000);
        const auto& first = server.received().first();
        QCOMPARE(first.headers.value("x-scope-orgid"), QByteArrayLiteral("tenant-a"));
        QCOMPARE(first.headers.value("authorization"), "Basic " + QByteArrayLiteral("oncall:s3cret").toBase64());
        // FIREBREAK_TEST_SHOTS=DIR keeps a picture of the dialog, for README and for looking at it.
        if (const QString shots = qEnvironmentVariable("FIREBREAK_TEST_SHOTS"); !shots.isEmpty())
            dialog.grab().save(shots + QStringLiteral("/datasource-dialog.png"));

        const ConnectionProfile saved = dialog.profiles().first();
        QCOMPARE(saved.headers, (QList<Header> { { QStringLiteral("X-Scope-OrgID"), QStringLiteral("tenant-a") } }));
        QCOMPARE(saved.auth, AuthKind::Basic);
    }

    void skipVerifyShowsAWarning()
    {
        HttpClient client;
        DataSourceDialog dialog(client, {});
        dialog.show();
        dialog.addProfile(BackendKind::Prometheus);
        auto* warning = dialog.findChild<QLabel*>(QStringLiteral("skipVerifyWarning"));
        QVERIFY(warning->isHidden());
        dialog.findChild<QCheckBox*>(QStringLiteral("profileSkipVerify"))->setChecked(true);
        QVERIFY(!warning->isHidden());
        QVERIFY(warning->text().contains(QStringLiteral("not checked")));
        QVERIFY(dialog.profiles().first().tls.skipVerify);
    }

    void saveRefusesInvalidProfiles()
    {
        HttpClient client;
        DataSourceDialog dialog(client, {});
        dialog.show();
        dialog.addProfile(BackendKind::Prometheus);
        setUrl(dialog, QStringLiteral("not a url"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.isVisible());
        QVERIFY(
            dialog.findChild<QLabel*>(QStringLiteral("testResult"))->text().contains(QStringLiteral("full address")));

        setUrl(dialog, QStringLiteral("http://prometheus.internal:9090"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void duplicateNamesAreRefused()
    {
        HttpClient client;
        ConnectionProfile existing = ProfileStore::newProfile(BackendKind::Loki);
        existing.name = QStringLiteral("loki");
        DataSourceDialog dialog(client, { existing });
        dialog.show();
        dialog.addProfile(BackendKind::Loki); // named "loki-2" by default
        auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("profileName"));
        QCOMPARE(name->text(), QStringLiteral("loki-2"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("LOKI"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(
            dialog.findChild<QLabel*>(QStringLiteral("testResult"))->text().contains(QStringLiteral("already called")));
    }

    void removeDeletesTheSelectedProfile()
    {
        HttpClient client;
        ConnectionProfile a = ProfileStore::newProfile(BackendKind::Loki);
        a.name = QStringLiteral("a");
        ConnectionProfile b = ProfileStore::newProfile(BackendKind::Tempo);
        b.name = QStringLiteral("b");
        DataSourceDialog dialog(client, { a, b });
        dialog.show();
        auto* list = dialog.findChild<QListWidget*>(QStringLiteral("profileList"));
        QCOMPARE(list->count(), 2);
        list->setCurrentRow(0);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("removeProfile")), Qt::LeftButton);
        QCOMPARE(list->count(), 1);
        QCOMPARE(dialog.profiles().size(), 1);
        QCOMPARE(dialog.profiles().first().name, QStringLiteral("b"));
        QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("profileName"))->text(), QStringLiteral("b"));
    }
};

QTEST_MAIN(TestDataSourceDialog)
#include "tst_datasourcedialog.moc"
