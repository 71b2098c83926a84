// Runs the real `firebreak` and `firebreak-cli` executables, as a user or a script would.
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
} // namespace

class TestBinaries : public QObject
{
    Q_OBJECT

private:
    Run run(const QString& program, const QStringList& arguments, int timeoutMs = 30000)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // Never read or write the developer's own settings.
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // --screenshot must choose offscreen by itself
        env.remove(QStringLiteral("DISPLAY"));
        process.setProcessEnvironment(env);
        process.start(program, arguments);
        Run result;
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

    static QString gui() { return QStringLiteral(FIREBREAK_GUI_BINARY); }
    static QString cli() { return QStringLiteral(FIREBREAK_CLI_BINARY); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_home.isValid()); }

    void screenshot_data()
    {
        QTest::addColumn<QString>("view");
        QTest::addColumn<QSize>("size");
        QTest::newRow("incident_default_size") << QStringLiteral("incident") << QSize(1280, 800);
        QTest::newRow("metrics_small") << QStringLiteral("metrics") << QSize(900, 600);
        QTest::newRow("traces_wide") << QStringLiteral("traces") << QSize(1600, 700);
    }

    void screenshot()
    {
        QFETCH(QString, view);
        QFETCH(QSize, size);
        const QString file = m_home.filePath(view + QStringLiteral(".png"));
        const Run result = run(gui(),
            { QStringLiteral("--screenshot"), file, QStringLiteral("--view"), view, QStringLiteral("--size"),
                QStringLiteral("%1x%2").arg(size.width()).arg(size.height()) });
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QImage image(file);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), size);
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 3, "the screenshot is (nearly) a single colour");
    }

    void guiBadUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("unknown_option") << QStringList { QStringLiteral("--frobnicate") };
        QTest::newRow("unknown_view") << QStringList { QStringLiteral("--screenshot"), QStringLiteral("x.png"),
            QStringLiteral("--view"), QStringLiteral("dashboards") };
        QTest::newRow("bad_size") << QStringList { QStringLiteral("--screenshot"), QStringLiteral("x.png"),
            QStringLiteral("--size"), QStringLiteral("huge") };
        QTest::newRow("bad_log_level") << QStringList { QStringLiteral("--log-level"), QStringLiteral("loud") };
    }

    void guiBadUsage()
    {
        QFETCH(QStringList, arguments);
        const Run result = run(gui(), arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.startsWith("firebreak: "));
    }

    void screenshotToAnUnwritablePlaceFails()
    {
        const Run result = run(gui(), { QStringLiteral("--screenshot"), QStringLiteral("/nonexistent-dir/x.png") });
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains("/nonexistent-dir/x.png"));
    }

    void cliExitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("help") << QStringList { QStringLiteral("--help") } << 0;
        QTest::newRow("version") << QStringList { QStringLiteral("--version") } << 0;
        QTest::newRow("no_command") << QStringList {} << 2;
        QTest::newRow("unknown_command") << QStringList { QStringLiteral("frobnicate") } << 2;
        QTest::newRow("unknown_option") << QStringList { QStringLiteral("source"), QStringLiteral("list"),
            QStringLiteral("--frobnicate") }
                                        << 2;
        QTest::newRow("bad_log_level") << QStringList { QStringLiteral("--log-level"), QStringLiteral("loud"),
            QStringLiteral("source"), QStringLiteral("list") }
                                       << 2;
        QTest::newRow("list_nothing_configured")
            << QStringList { QStringLiteral("source"), QStringLiteral("list") } << 0;
    }

    void cliExitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        const Run result = run(cli(), arguments);
        QCOMPARE(result.exitCode, exitCode);
        if (exitCode == 2)
            QVERIFY2(
                result.err.startsWith("firebreak-cli: ") || result.err.startsWith("Usage:"), result.err.constData());
    }

    void cliFailureIsOneLineOnStderr()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const quint16 port = server.serverPort();
        server.close();
        const Run result = run(cli(),
            { QStringLiteral("source"), QStringLiteral("check"), QStringLiteral("--kind"), QStringLiteral("tempo"),
                QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:%1").arg(port), QStringLiteral("--timeout"),
                QStringLiteral("3") });
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(result.err.count('\n'), 1);
        QVERIFY2(result.err.contains("Tempo at http://127.0.0.1:"), result.err.constData());
        QVERIFY(result.out.isEmpty());
    }

private:
    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(TestBinaries)
#include "tst_binaries.moc"
