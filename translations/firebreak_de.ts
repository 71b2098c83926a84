<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Cli</name>
    <message>
        <source>Usage: firebreak-cli [--json] [--log-level LEVEL] COMMAND [ARGS]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident journal, metrics, logs and traces from the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trace, debug, info, warn, error or off (log file only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this text; COMMAND --help describes one command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>versions of firebreak-cli and its libraries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit status: 0 success, 1 failure (one line on stderr), 2 bad usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(see firebreak-cli --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a subcommand or has an unknown one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data sources. Add one in the Firebreak window (Data sources…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either a data source name or --kind and --url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data source named &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give a data source name, or --kind and --url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--kind must be prometheus, loki or tempo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout takes a number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2 is ready (%3 ms)%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the configured data sources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that a data source answers; prints its latency and version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a configured data source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prometheus, loki or tempo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>base URL of the backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds to wait (default 10)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>Give the data source a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL must be a full address such as http://localhost:9090.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL must start with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basic authentication needs a user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer authentication needs a token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid HTTP header name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value of header %1 must be on one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client key needs its client certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timeout must be between 0.1 and 600 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no answer within %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the host name cannot be resolved (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: connection refused or unreachable (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: TLS failed (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the answer is larger than the limit of %2 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2 answered %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty body)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>Cannot write the settings file %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid JSON (%2); secrets were not loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot move the unreadable %1 aside; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>firebreak::ui::AboutDialog</name>
    <message>
        <source>About Firebreak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident command, metrics, logs and traces on one time range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log goes to standard error (no writable log folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>firebreak::ui::DataSourceDialog</name>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is ready: answered in %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: TLS certificates were not verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another data source is already called &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>firebreak::ui::IncidentWorkspace</name>
    <message>
        <source>No incident is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The incident journal — declaring incidents, the timeline, roles, stakeholder updates and postmortems — is not part of this build yet. Meanwhile, connect the Prometheus, Loki and Tempo servers you will need during an incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up data sources…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>firebreak::ui::MainWindow</name>
    <message>
        <source>Firebreak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data sources…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check data sources now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Firebreak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data sources not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data sources saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>firebreak::ui::ProfileForm</name>
    <message>
        <source>Skip TLS certificate verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basic (user and password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. prod-eu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent with every request, e.g. X-Scope-OrgID for a multi-tenant Loki, Tempo or Mimir. Values are stored with the secrets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add X-Scope-OrgID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Certificates are not checked: anyone on the network path can read and change this traffic, including credentials. Use a CA file instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>firebreak::ui::ScreenshotTaker</name>
    <message>
        <source>Cannot write the screenshot to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>firebreak::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written as the author of every journal entry you make</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language takes effect when Firebreak is started again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show times in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check data sources every</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>firebreak::ui::SourceHealthBar</name>
    <message>
        <source>No data sources — click to add one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready, answered in %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last check %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: TLS certificate verification is off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>firebreak::ui::TelemetryWorkspace</name>
    <message>
        <source>Metric charts come from Prometheus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log streams come from Grafana Loki.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace waterfalls come from Grafana Tempo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready, %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready, %1 ms, version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 data source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the address of your %1 server; Firebreak checks that it answers before saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1 data source…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range: %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queries and views for this workspace are not part of this build yet; the connection and the shared time range are ready for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage data sources…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>firebreak::ui::TimeRangeBar</name>
    <message>
        <source>Last 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-refresh off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift back by half the range (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double the range (Ctrl+-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to the previous range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift forward by half the range (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh now (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range shown by every workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From (press Enter to apply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (press Enter to apply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are shown in UTC (Settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are shown in local time (Settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“To” must be after “From”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Incident command, metrics, logs and traces on one time range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the window to FILE (PNG) and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace to show: incident, metrics, logs or traces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size for --screenshot, e.g. 1280x800.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trace, debug, info, warn, error or off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown log level &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--size takes WIDTHxHEIGHT, e.g. 1280x800</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--view takes incident, metrics, logs or traces</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
