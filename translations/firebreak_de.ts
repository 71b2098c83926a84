<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Cli</name>
    <message>
        <source>Usage: firebreak-cli [--json] [--log-level LEVEL] COMMAND [ARGS]</source>
        <translation>Aufruf: firebreak-cli [--json] [--log-level LEVEL] COMMAND [ARGS]</translation>
    </message>
    <message>
        <source>Incident journal, metrics, logs and traces from the command line.</source>
        <translation>Vorfalljournal, Metriken, Logs und Traces über die Kommandozeile.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Global options:</source>
        <translation>Globale Optionen:</translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation>maschinenlesbare Ausgabe</translation>
    </message>
    <message>
        <source>trace, debug, info, warn, error or off (log file only)</source>
        <translation>trace, debug, info, warn, error oder off (nur Logdatei)</translation>
    </message>
    <message>
        <source>this text; COMMAND --help describes one command</source>
        <translation>dieser Text; COMMAND --help beschreibt einen einzelnen Befehl</translation>
    </message>
    <message>
        <source>versions of firebreak-cli and its libraries</source>
        <translation>Versionen von firebreak-cli und seinen Bibliotheken</translation>
    </message>
    <message>
        <source>Exit status: 0 success, 1 failure (one line on stderr), 2 bad usage.</source>
        <translation>Exit-Status: 0 Erfolg, 1 Fehler (eine Zeile auf stderr), 2 falscher Aufruf.</translation>
    </message>
    <message>
        <source>(see firebreak-cli --help)</source>
        <translation>(siehe firebreak-cli --help)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a subcommand or has an unknown one</source>
        <translation>&apos;%1&apos; benötigt einen Unterbefehl oder der Unterbefehl ist unbekannt</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>unbekannter Befehl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>No data sources. Add one in the Firebreak window (Data sources…).</source>
        <translation>Keine Datenquellen. Fügen Sie im Firebreak-Fenster eine hinzu (Datenquellen…).</translation>
    </message>
    <message>
        <source>give either a data source name or --kind and --url</source>
        <translation>geben Sie entweder einen Datenquellennamen oder --kind und --url an</translation>
    </message>
    <message>
        <source>no data source named &apos;%1&apos;</source>
        <translation>keine Datenquelle namens &apos;%1&apos;</translation>
    </message>
    <message>
        <source>give a data source name, or --kind and --url</source>
        <translation>geben Sie einen Datenquellennamen oder --kind und --url an</translation>
    </message>
    <message>
        <source>--kind must be prometheus, loki or tempo</source>
        <translation>--kind muss prometheus, loki oder tempo sein</translation>
    </message>
    <message>
        <source>--timeout takes a number of seconds</source>
        <translation>--timeout erwartet eine Anzahl von Sekunden</translation>
    </message>
    <message>
        <source>%1 at %2 is ready (%3 ms)%4</source>
        <translation>%1 unter %2 ist bereit (%3 ms)%4</translation>
    </message>
    <message>
        <source>, version %1</source>
        <translation>, Version %1</translation>
    </message>
    <message>
        <source>List the configured data sources.</source>
        <translation>Listet die konfigurierten Datenquellen auf.</translation>
    </message>
    <message>
        <source>Check that a data source answers; prints its latency and version.</source>
        <translation>Prüft, ob eine Datenquelle antwortet; gibt Latenz und Version aus.</translation>
    </message>
    <message>
        <source>a configured data source</source>
        <translation>eine konfigurierte Datenquelle</translation>
    </message>
    <message>
        <source>prometheus, loki or tempo</source>
        <translation>prometheus, loki oder tempo</translation>
    </message>
    <message>
        <source>base URL of the backend</source>
        <translation>Basis-URL des Backends</translation>
    </message>
    <message>
        <source>seconds to wait (default 10)</source>
        <translation>Wartezeit in Sekunden (Standard: 10)</translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>Give the data source a name.</source>
        <translation>Geben Sie der Datenquelle einen Namen.</translation>
    </message>
    <message>
        <source>The URL must be a full address such as http://localhost:9090.</source>
        <translation>Die URL muss eine vollständige Adresse sein, z. B. http://localhost:9090.</translation>
    </message>
    <message>
        <source>The URL must start with http:// or https://.</source>
        <translation>Die URL muss mit http:// oder https:// beginnen.</translation>
    </message>
    <message>
        <source>Basic authentication needs a user name.</source>
        <translation>Für die Basic-Authentifizierung ist ein Benutzername erforderlich.</translation>
    </message>
    <message>
        <source>Bearer authentication needs a token.</source>
        <translation>Für die Bearer-Authentifizierung ist ein Token erforderlich.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid HTTP header name.</source>
        <translation>„%1“ ist kein gültiger HTTP-Header-Name.</translation>
    </message>
    <message>
        <source>The value of header %1 must be on one line.</source>
        <translation>Der Wert des Headers %1 muss in einer Zeile stehen.</translation>
    </message>
    <message>
        <source>%1 %2 cannot be read.</source>
        <translation>%1 %2 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>A client key needs its client certificate.</source>
        <translation>Ein Client-Schlüssel erfordert das zugehörige Client-Zertifikat.</translation>
    </message>
    <message>
        <source>The timeout must be between 0.1 and 600 seconds.</source>
        <translation>Das Zeitlimit muss zwischen 0,1 und 600 Sekunden liegen.</translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 unter %2</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>%1: no answer within %2 s.</source>
        <translation>%1: keine Antwort innerhalb von %2 s.</translation>
    </message>
    <message>
        <source>%1: the host name cannot be resolved (%2).</source>
        <translation>%1: Der Hostname kann nicht aufgelöst werden (%2).</translation>
    </message>
    <message>
        <source>%1: connection refused or unreachable (%2).</source>
        <translation>%1: Verbindung abgelehnt oder nicht erreichbar (%2).</translation>
    </message>
    <message>
        <source>%1: TLS failed (%2).</source>
        <translation>%1: TLS-Fehler (%2).</translation>
    </message>
    <message>
        <source>%1: cancelled.</source>
        <translation>%1: abgebrochen.</translation>
    </message>
    <message>
        <source>%1: the answer is larger than the limit of %2.</source>
        <translation>%1: Die Antwort überschreitet das Limit von %2.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>%1 at %2 answered %3: %4</source>
        <translation>%1 unter %2 antwortete mit %3: %4</translation>
    </message>
    <message>
        <source>(empty body)</source>
        <translation>(leerer Inhalt)</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>The journal %1 is locked by another program for more than %2 s; the change was not saved. Try again.</source>
        <translation>Das Journal %1 ist seit mehr als %2 s durch ein anderes Programm gesperrt; die Änderung wurde nicht gespeichert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The journal %1 is damaged (%2).</source>
        <translation>Das Journal %1 ist beschädigt (%2).</translation>
    </message>
    <message>
        <source>The journal %1 cannot be written: %2</source>
        <translation>Das Journal %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot read the journal %1: %2</source>
        <translation>Das Journal %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a Firebreak journal (not an SQLite database). It was left untouched.</source>
        <translation>%1 ist kein Firebreak-Journal (keine SQLite-Datenbank). Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>The journal %1 is damaged (quick_check: %2). It was left untouched.</source>
        <translation>Das Journal %1 ist beschädigt (quick_check: %2). Es wurde nicht verändert.</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program, not a Firebreak journal. It was left untouched.</source>
        <translation>%1 ist eine SQLite-Datenbank eines anderen Programms, kein Firebreak-Journal. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The journal %1 was written by a newer Firebreak (schema %2, this build knows %3). Update Firebreak to open it.</source>
        <translation>Das Journal %1 wurde von einer neueren Firebreak-Version geschrieben (Schema %2, dieser Build kennt %3). Aktualisieren Sie Firebreak, um es zu öffnen.</translation>
    </message>
    <message>
        <source>The journal %1 is damaged (%2). It was left untouched.</source>
        <translation>Das Journal %1 ist beschädigt (%2). Es wurde nicht verändert.</translation>
    </message>
    <message>
        <source>An incident needs a title.</source>
        <translation>Ein Vorfall benötigt einen Titel.</translation>
    </message>
    <message>
        <source>Use declare() to start an incident.</source>
        <translation>Verwenden Sie declare(), um einen Vorfall zu beginnen.</translation>
    </message>
    <message>
        <source>There is no incident %1.</source>
        <translation>Es gibt keinen Vorfall %1.</translation>
    </message>
    <message>
        <source>A note needs some text.</source>
        <translation>Eine Notiz benötigt einen Text.</translation>
    </message>
    <message>
        <source>%1 is already %2.</source>
        <translation>%1 ist bereits %2.</translation>
    </message>
    <message>
        <source>A role needs a name.</source>
        <translation>Eine Rolle benötigt einen Namen.</translation>
    </message>
    <message>
        <source>Nobody holds the role %1.</source>
        <translation>Niemand hat die Rolle %1 inne.</translation>
    </message>
    <message>
        <source>%1 is already %2 of %3.</source>
        <translation>%1 ist bereits %2 von %3.</translation>
    </message>
    <message>
        <source>An update needs an audience and a text.</source>
        <translation>Ein Update benötigt eine Zielgruppe und einen Text.</translation>
    </message>
    <message>
        <source>Evidence needs a title or a query.</source>
        <translation>Ein Beleg benötigt einen Titel oder eine Abfrage.</translation>
    </message>
    <message>
        <source>An action item needs a text.</source>
        <translation>Eine Maßnahme benötigt einen Text.</translation>
    </message>
    <message>
        <source>Unknown incident field %1.</source>
        <translation>Unbekanntes Vorfallfeld %1.</translation>
    </message>
    <message>
        <source>There is no event %1 in %2.</source>
        <translation>Es gibt kein Ereignis %1 in %2.</translation>
    </message>
    <message>
        <source>A correction needs a text.</source>
        <translation>Eine Korrektur benötigt einen Text.</translation>
    </message>
    <message>
        <source>Cannot search for &quot;%1&quot;: %2</source>
        <translation>Suche nach „%1“ nicht möglich: %2</translation>
    </message>
    <message>
        <source>Cannot create the backup folder %1.</source>
        <translation>Der Sicherungsordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>The backup to %1 failed: %2</source>
        <translation>Die Sicherung nach %1 ist fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>Cannot write the settings file %1.</source>
        <translation>Die Einstellungsdatei %1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The journal is not open.</source>
        <translation>Das Journal ist nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (%2); secrets were not loaded.</source>
        <translation>%1 ist kein gültiges JSON (%2); die Zugangsdaten wurden nicht geladen.</translation>
    </message>
    <message>
        <source>Cannot move the unreadable %1 aside; nothing was written.</source>
        <translation>Die unlesbare Datei %1 kann nicht beiseitegeschoben werden; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>StakeholderUpdate</name>
    <message>
        <source>[{severity}] {title} — {status}

Impact: {impact}
Incident commander: {commander}. Open for {duration} (declared {declared}).

{summary}

Next update by {next_update}.</source>
        <translation>[{severity}] {title} — {status}

Auswirkungen: {impact}
Incident Commander: {commander}. Offen seit {duration} (ausgerufen: {declared}).

{summary}

Nächstes Update: {next_update}.</translation>
    </message>
    <message>
        <source>{title}

We are investigating an issue affecting {services}. {impact}
Current status: {status}. We will post the next update by {next_update}.</source>
        <translation>{title}

Wir untersuchen derzeit ein Problem, das {services} betrifft. Auswirkungen: {impact}
Aktueller Status: {status}. Nächstes Update: {next_update}.</translation>
    </message>
    <message>
        <source>{id} {severity} {status}: {title}
IC: {commander} · services: {services} · started: {started} · open {duration}

{summary}

Next sync: {next_update}</source>
        <translation>{id} {severity} {status}: {title}
IC: {commander} · Dienste: {services} · Beginn: {started} · offen seit {duration}

{summary}

Nächster Sync: {next_update}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation>nicht zugewiesen</translation>
    </message>
    <message>
        <source>being assessed</source>
        <translation>wird noch ermittelt</translation>
    </message>
    <message>
        <source>some services</source>
        <translation>einige Dienste</translation>
    </message>
    <message>
        <source>when there is news</source>
        <translation>sobald es Neuigkeiten gibt</translation>
    </message>
    <message>
        <source>update overdue by %1</source>
        <translation>Update seit %1 überfällig</translation>
    </message>
    <message>
        <source>next update due in %1</source>
        <translation>nächstes Update fällig in %1</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::AboutDialog</name>
    <message>
        <source>About Firebreak</source>
        <translation>Über Firebreak</translation>
    </message>
    <message>
        <source>Incident command, metrics, logs and traces on one time range.</source>
        <translation>Vorfallsteuerung, Metriken, Logs und Traces in einem gemeinsamen Zeitraum.</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>The log goes to standard error (no writable log folder).</source>
        <translation>Das Log wird in die Standardfehlerausgabe geschrieben (kein beschreibbarer Log-Ordner).</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>Logdatei: %1</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::DataSourceDialog</name>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>Datenquellen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 wird getestet…</translation>
    </message>
    <message>
        <source>%1 is ready: answered in %2 ms.</source>
        <translation>%1 ist bereit: Antwort in %2 ms.</translation>
    </message>
    <message>
        <source>Version %1.</source>
        <translation>Version %1.</translation>
    </message>
    <message>
        <source>Warning: TLS certificates were not verified.</source>
        <translation>Warnung: TLS-Zertifikate wurden nicht überprüft.</translation>
    </message>
    <message>
        <source>Another data source is already called &quot;%1&quot;.</source>
        <translation>Es gibt bereits eine andere Datenquelle namens „%1“.</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::IncidentWorkspace</name>
    <message>
        <source>No incident is open</source>
        <translation>Kein Vorfall geöffnet</translation>
    </message>
    <message>
        <source>The incident journal — declaring incidents, the timeline, roles, stakeholder updates and postmortems — is not part of this build yet. Meanwhile, connect the Prometheus, Loki and Tempo servers you will need during an incident.</source>
        <translation>Das Vorfalljournal – Vorfälle ausrufen, Zeitleiste, Rollen, Updates für Stakeholder und Post-Mortems – ist in diesem Build noch nicht enthalten. Verbinden Sie bis dahin schon die Prometheus-, Loki- und Tempo-Server, die Sie während eines Vorfalls benötigen.</translation>
    </message>
    <message>
        <source>Set up data sources…</source>
        <translation>Datenquellen einrichten…</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::MainWindow</name>
    <message>
        <source>Firebreak</source>
        <translation>Firebreak</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Vorfall</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Traces</source>
        <translation>Traces</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Secrets could not be loaded: %1</source>
        <translation>Zugangsdaten konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Data sources…</source>
        <translation>&amp;Datenquellen…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Check data sources now</source>
        <translation>Datenquellen jetzt prüfen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Firebreak</source>
        <translation>Ü&amp;ber Firebreak</translation>
    </message>
    <message>
        <source>Data sources not saved</source>
        <translation>Datenquellen nicht gespeichert</translation>
    </message>
    <message>
        <source>Data sources saved.</source>
        <translation>Datenquellen gespeichert.</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::ProfileForm</name>
    <message>
        <source>Skip TLS certificate verification</source>
        <translation>TLS-Zertifikatsprüfung überspringen</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Basic (user and password)</source>
        <translation>Basic (Benutzer und Passwort)</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>e.g. prod-eu</source>
        <translation>z. B. prod-eu</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Sent with every request, e.g. X-Scope-OrgID for a multi-tenant Loki, Tempo or Mimir. Values are stored with the secrets.</source>
        <translation>Werden mit jeder Anfrage gesendet, z. B. X-Scope-OrgID für ein mandantenfähiges Loki, Tempo oder Mimir. Die Werte werden zusammen mit den Zugangsdaten gespeichert.</translation>
    </message>
    <message>
        <source>Add header</source>
        <translation>Header hinzufügen</translation>
    </message>
    <message>
        <source>Add X-Scope-OrgID</source>
        <translation>X-Scope-OrgID hinzufügen</translation>
    </message>
    <message>
        <source>Remove header</source>
        <translation>Header entfernen</translation>
    </message>
    <message>
        <source>⚠ Certificates are not checked: anyone on the network path can read and change this traffic, including credentials. Use a CA file instead.</source>
        <translation>⚠ Zertifikate werden nicht geprüft: Jeder auf dem Netzwerkpfad kann diesen Datenverkehr einschließlich der Zugangsdaten mitlesen und verändern. Verwenden Sie stattdessen eine CA-Datei.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>HTTP-Header</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <source>Choose a CA certificate</source>
        <translation>CA-Zertifikat auswählen</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>Choose a client certificate</source>
        <translation>Client-Zertifikat auswählen</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>Choose the client key</source>
        <translation>Client-Schlüssel auswählen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::ScreenshotTaker</name>
    <message>
        <source>Cannot write the screenshot to %1.</source>
        <translation>Der Screenshot kann nicht nach %1 geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Written as the author of every journal entry you make</source>
        <translation>Wird als Autor jedes Ihrer Journaleinträge eingetragen</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Systemeinstellung verwenden</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A new language takes effect when Firebreak is started again.</source>
        <translation>Eine geänderte Sprache wird nach einem Neustart von Firebreak wirksam.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Show times in</source>
        <translation>Zeiten anzeigen in</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Check data sources every</source>
        <translation>Datenquellen prüfen alle</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::SourceHealthBar</name>
    <message>
        <source>No data sources — click to add one</source>
        <translation>Keine Datenquellen – zum Hinzufügen klicken</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Ready, answered in %1 ms</source>
        <translation>Bereit, Antwort in %1 ms</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>down</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>Last check %1</source>
        <translation>Letzte Prüfung: %1</translation>
    </message>
    <message>
        <source>Warning: TLS certificate verification is off.</source>
        <translation>Warnung: Die TLS-Zertifikatsprüfung ist deaktiviert.</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::TelemetryWorkspace</name>
    <message>
        <source>Metric charts come from Prometheus.</source>
        <translation>Metrikdiagramme stammen aus Prometheus.</translation>
    </message>
    <message>
        <source>Log streams come from Grafana Loki.</source>
        <translation>Log-Streams stammen aus Grafana Loki.</translation>
    </message>
    <message>
        <source>Trace waterfalls come from Grafana Tempo.</source>
        <translation>Trace-Wasserfalldiagramme stammen aus Grafana Tempo.</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>ready, %1 ms</source>
        <translation>bereit, %1 ms</translation>
    </message>
    <message>
        <source>ready, %1 ms, version %2</source>
        <translation>bereit, %1 ms, Version %2</translation>
    </message>
    <message>
        <source>No %1 data source</source>
        <translation>Keine %1-Datenquelle</translation>
    </message>
    <message>
        <source>Add the address of your %1 server; Firebreak checks that it answers before saving.</source>
        <translation>Fügen Sie die Adresse Ihres %1-Servers hinzu; Firebreak prüft vor dem Speichern, ob er antwortet.</translation>
    </message>
    <message>
        <source>Add %1 data source…</source>
        <translation>%1-Datenquelle hinzufügen…</translation>
    </message>
    <message>
        <source>%1 is connected</source>
        <translation>%1 ist verbunden</translation>
    </message>
    <message>
        <source>Range: %1 – %2</source>
        <translation>Zeitraum: %1 – %2</translation>
    </message>
    <message>
        <source>Queries and views for this workspace are not part of this build yet; the connection and the shared time range are ready for them.</source>
        <translation>Abfragen und Ansichten für diesen Arbeitsbereich sind in diesem Build noch nicht enthalten; die Verbindung und der gemeinsame Zeitraum sind dafür bereits vorbereitet.</translation>
    </message>
    <message>
        <source>Manage data sources…</source>
        <translation>Datenquellen verwalten…</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
    <message>
        <source>%1 does not answer</source>
        <translation>%1 antwortet nicht</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::TimeRangeBar</name>
    <message>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last 1 hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Auto-refresh off</source>
        <translation>Automatische Aktualisierung aus</translation>
    </message>
    <message>
        <source>Every %1 s</source>
        <translation>Alle %1 s</translation>
    </message>
    <message>
        <source>Every %1 min</source>
        <translation>Alle %1 min</translation>
    </message>
    <message>
        <source>Shift back by half the range (Alt+Left)</source>
        <translation>Um den halben Zeitraum zurückverschieben (Alt+Links)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Herauszoomen</translation>
    </message>
    <message>
        <source>Double the range (Ctrl+-)</source>
        <translation>Zeitraum verdoppeln (Strg+-)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Return to the previous range</source>
        <translation>Zum vorherigen Zeitraum zurückkehren</translation>
    </message>
    <message>
        <source>Shift forward by half the range (Alt+Right)</source>
        <translation>Um den halben Zeitraum vorverschieben (Alt+Rechts)</translation>
    </message>
    <message>
        <source>Refresh now (F5)</source>
        <translation>Jetzt aktualisieren (F5)</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Benutzerdefinierter Zeitraum</translation>
    </message>
    <message>
        <source>Time range shown by every workspace</source>
        <translation>Zeitraum für alle Arbeitsbereiche</translation>
    </message>
    <message>
        <source>From (press Enter to apply)</source>
        <translation>Von (zum Übernehmen die Eingabetaste drücken)</translation>
    </message>
    <message>
        <source>To (press Enter to apply)</source>
        <translation>Bis (zum Übernehmen die Eingabetaste drücken)</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Times are shown in UTC (Settings)</source>
        <translation>Zeiten werden in UTC angezeigt (Einstellungen)</translation>
    </message>
    <message>
        <source>Times are shown in local time (Settings)</source>
        <translation>Zeiten werden in Ortszeit angezeigt (Einstellungen)</translation>
    </message>
    <message>
        <source>“To” must be after “From”</source>
        <translation>„Bis“ muss nach „Von“ liegen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Incident command, metrics, logs and traces on one time range.</source>
        <translation>Vorfallsteuerung, Metriken, Logs und Traces in einem gemeinsamen Zeitraum.</translation>
    </message>
    <message>
        <source>Workspace to show: incident, metrics, logs or traces.</source>
        <translation>Anzuzeigender Arbeitsbereich: incident, metrics, logs oder traces.</translation>
    </message>
    <message>
        <source>Window size for --screenshot, e.g. 1280x800.</source>
        <translation>Fenstergröße für --screenshot, z. B. 1280x800.</translation>
    </message>
    <message>
        <source>trace, debug, info, warn, error or off.</source>
        <translation>trace, debug, info, warn, error oder off.</translation>
    </message>
    <message>
        <source>unknown log level &apos;%1&apos;</source>
        <translation>unbekannte Log-Stufe &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--size takes WIDTHxHEIGHT, e.g. 1280x800</source>
        <translation>--size erwartet BREITExHÖHE, z. B. 1280x800</translation>
    </message>
    <message>
        <source>--view takes incident, metrics, logs or traces</source>
        <translation>--view erwartet incident, metrics, logs oder traces</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Version anzeigen.</translation>
    </message>
    <message>
        <source>Render the window to FILE (PNG) once its data has loaded, and exit.</source>
        <translation>Fenster nach dem Laden der Daten als Bild in FILE (PNG) speichern und beenden.</translation>
    </message>
</context>
</TS>
