<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Cli</name>
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
        <source>Usage: firebreak-cli [--journal PATH] [--json] [--log-level LEVEL] COMMAND [ARGS]</source>
        <translation>Aufruf: firebreak-cli [--journal PATH] [--json] [--log-level LEVEL] COMMAND [ARGS]</translation>
    </message>
    <message>
        <source>incident journal to use (default %1)</source>
        <translation>zu verwendendes Vorfalljournal (Standard: %1)</translation>
    </message>
    <message>
        <source>--journal needs the path of a journal file</source>
        <translation>--journal benötigt den Pfad einer Journaldatei</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>missing arguments: %1</source>
        <translation>fehlende Argumente: %1</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;: %2</source>
        <translation>unerwartetes Argument &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a severity: use SEV1 (most severe) … SEV5</source>
        <translation>&apos;%1&apos; ist kein Schweregrad: verwenden Sie SEV1 (höchster) … SEV5</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a status: use investigating, identified, mitigated, resolved or closed</source>
        <translation>&apos;%1&apos; ist kein Status: verwenden Sie investigating, identified, mitigated, resolved oder closed</translation>
    </message>
    <message>
        <source>--author needs a name</source>
        <translation>--author benötigt einen Namen</translation>
    </message>
    <message>
        <source>who writes this (default: your name in the settings)</source>
        <translation>Autor des Eintrags (Standard: Ihr Name in den Einstellungen)</translation>
    </message>
    <message>
        <source>There is no incident %1: the journal %2 does not exist.</source>
        <translation>Es gibt keinen Vorfall %1: Das Journal %2 existiert nicht.</translation>
    </message>
    <message>
        <source>There is no incident %1.</source>
        <translation>Es gibt keinen Vorfall %1.</translation>
    </message>
    <message>
        <source>%1 #%2: %3</source>
        <translation>%1 #%2: %3</translation>
    </message>
    <message>
        <source>incident declare needs --title and --severity</source>
        <translation>incident declare benötigt --title und --severity</translation>
    </message>
    <message>
        <source>--status must be open or all</source>
        <translation>--status muss open oder all sein</translation>
    </message>
    <message>
        <source>No open incidents.</source>
        <translation>Keine offenen Vorfälle.</translation>
    </message>
    <message>
        <source>No incidents.</source>
        <translation>Keine Vorfälle.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>SEVERITY</source>
        <translation>SCHWEREGRAD</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>COMMANDER</source>
        <translation>EINSATZLEITUNG</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>TITEL</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>Schweregrad:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Declared:</source>
        <translation>Ausgerufen:</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Impact began:</source>
        <translation>Beginn der Auswirkungen:</translation>
    </message>
    <message>
        <source>Commander:</source>
        <translation>Einsatzleitung:</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>Zusammenfassung:</translation>
    </message>
    <message>
        <source>Impact:</source>
        <translation>Auswirkungen:</translation>
    </message>
    <message>
        <source>Services:</source>
        <translation>Dienste:</translation>
    </message>
    <message>
        <source>Durations</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>from declared</source>
        <translation>ab Ausrufung</translation>
    </message>
    <message>
        <source>from impact start</source>
        <translation>ab Beginn der Auswirkungen</translation>
    </message>
    <message>
        <source>  to acknowledge</source>
        <translation>  bis zur Bestätigung</translation>
    </message>
    <message>
        <source>  to mitigate</source>
        <translation>  bis zur Eindämmung</translation>
    </message>
    <message>
        <source>  to resolve</source>
        <translation>  bis zur Behebung</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Maßnahmen</translation>
    </message>
    <message>
        <source>owner %1</source>
        <translation>verantwortlich: %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>fällig: %1</translation>
    </message>
    <message>
        <source>Updates sent: none</source>
        <translation>Gesendete Updates: keine</translation>
    </message>
    <message>
        <source>Updates sent: %1 (last %2 to %3)</source>
        <translation>Gesendete Updates: %1 (letztes am %2 an %3)</translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation>Ereignisse: %1</translation>
    </message>
    <message>
        <source>incident update needs --audience and --text</source>
        <translation>incident update benötigt --audience und --text</translation>
    </message>
    <message>
        <source>(of #%1)</source>
        <translation>(zu #%1)</translation>
    </message>
    <message>
        <source>[key]</source>
        <translation>[Schlüsselereignis]</translation>
    </message>
    <message>
        <source>[corrected by #%1]</source>
        <translation>[korrigiert durch #%1]</translation>
    </message>
    <message>
        <source>--format must be md, html or pdf</source>
        <translation>--format muss md, html oder pdf sein</translation>
    </message>
    <message>
        <source>-o needs a file name</source>
        <translation>-o benötigt einen Dateinamen</translation>
    </message>
    <message>
        <source>--format pdf writes a file: add -o FILE</source>
        <translation>--format pdf schreibt eine Datei: Geben Sie -o FILE an</translation>
    </message>
    <message>
        <source>This firebreak-cli cannot write PDF.</source>
        <translation>Diese Version von firebreak-cli kann kein PDF schreiben.</translation>
    </message>
    <message>
        <source>This firebreak-cli cannot write HTML.</source>
        <translation>Diese Version von firebreak-cli kann kein HTML schreiben.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Declare an incident; prints its id (INC-YYYYMMDD-N).</source>
        <translation>Ruft einen Vorfall aus; gibt dessen ID aus (INC-YYYYMMDD-N).</translation>
    </message>
    <message>
        <source>what is happening</source>
        <translation>was gerade passiert</translation>
    </message>
    <message>
        <source>SEV1 (most severe) … SEV5</source>
        <translation>SEV1 (höchster) … SEV5</translation>
    </message>
    <message>
        <source>incident commander</source>
        <translation>Einsatzleitung des Vorfalls</translation>
    </message>
    <message>
        <source>what is known so far</source>
        <translation>was bisher bekannt ist</translation>
    </message>
    <message>
        <source>List incidents, newest first: id, severity, status, commander, title.</source>
        <translation>Listet Vorfälle auf, die neuesten zuerst: ID, Schweregrad, Status, Einsatzleitung, Titel.</translation>
    </message>
    <message>
        <source>open (default) or all</source>
        <translation>open (Standard) oder all</translation>
    </message>
    <message>
        <source>Show an incident: state, durations, roles and action items.</source>
        <translation>Zeigt einen Vorfall an: Zustand, Dauer, Rollen und Maßnahmen.</translation>
    </message>
    <message>
        <source>incident id</source>
        <translation>Vorfall-ID</translation>
    </message>
    <message>
        <source>Add a note to the incident&apos;s timeline.</source>
        <translation>Fügt der Zeitleiste des Vorfalls eine Notiz hinzu.</translation>
    </message>
    <message>
        <source>the note</source>
        <translation>die Notiz</translation>
    </message>
    <message>
        <source>Change the severity.</source>
        <translation>Ändert den Schweregrad.</translation>
    </message>
    <message>
        <source>Assign a role (commander, communications, operations, scribe or any other) to NAME.</source>
        <translation>Weist NAME eine Rolle zu (commander, communications, operations, scribe oder eine beliebige andere).</translation>
    </message>
    <message>
        <source>commander, communications, …</source>
        <translation>commander, communications, …</translation>
    </message>
    <message>
        <source>who takes it (&quot;&quot; releases it)</source>
        <translation>wer sie übernimmt (&quot;&quot; gibt sie frei)</translation>
    </message>
    <message>
        <source>Change the status: investigating, identified, mitigated, resolved or closed.</source>
        <translation>Ändert den Status: investigating, identified, mitigated, resolved oder closed.</translation>
    </message>
    <message>
        <source>the new status</source>
        <translation>der neue Status</translation>
    </message>
    <message>
        <source>Record a stakeholder update that was sent.</source>
        <translation>Erfasst ein gesendetes Stakeholder-Update.</translation>
    </message>
    <message>
        <source>executives, customers, engineering …</source>
        <translation>executives, customers, engineering …</translation>
    </message>
    <message>
        <source>the update as sent</source>
        <translation>das Update im gesendeten Wortlaut</translation>
    </message>
    <message>
        <source>Every event of an incident, oldest first; corrected events are marked.</source>
        <translation>Alle Ereignisse eines Vorfalls, die ältesten zuerst; korrigierte Ereignisse sind markiert.</translation>
    </message>
    <message>
        <source>The postmortem draft (the edited one if any); md and html go to stdout without -o.</source>
        <translation>Der Postmortem-Entwurf (der bearbeitete, falls vorhanden); md und html werden ohne -o auf stdout ausgegeben.</translation>
    </message>
    <message>
        <source>md (default), html or pdf</source>
        <translation>md (Standard), html oder pdf</translation>
    </message>
    <message>
        <source>write to FILE</source>
        <translation>in FILE schreiben</translation>
    </message>
    <message>
        <source>seconds to wait (default: the data source&apos;s timeout, else 10)</source>
        <translation>Wartezeit in Sekunden (Standard: Zeitlimit der Datenquelle, sonst 10)</translation>
    </message>
    <message>
        <source>--%1 &apos;%2&apos; is not a time (unix seconds or nanoseconds, RFC 3339, now or now-1h)</source>
        <translation>--%1 &apos;%2&apos; ist keine Zeitangabe (Unix-Sekunden oder -Nanosekunden, RFC 3339, now oder now-1h)</translation>
    </message>
    <message>
        <source>give exactly one LogQL query</source>
        <translation>geben Sie genau eine LogQL-Abfrage an</translation>
    </message>
    <message>
        <source>--url is required (the base URL of Loki)</source>
        <translation>--url ist erforderlich (die Basis-URL von Loki)</translation>
    </message>
    <message>
        <source>--end is before --start</source>
        <translation>--end liegt vor --start</translation>
    </message>
    <message>
        <source>--limit takes a number of lines from 1 to %1</source>
        <translation>--limit erwartet eine Zeilenanzahl von 1 bis %1</translation>
    </message>
    <message>
        <source>--direction is backward (newest first) or forward (oldest first)</source>
        <translation>--direction ist backward (neueste zuerst) oder forward (älteste zuerst)</translation>
    </message>
    <message>
        <source>--step &apos;%1&apos; is not a step (seconds, or a duration such as 30s or 1m)</source>
        <translation>--step &apos;%1&apos; ist keine gültige Schrittweite (Sekunden oder eine Dauer wie 30s oder 1m)</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>more than %1 lines; the oldest shown is at %2 (raise --limit, or continue with --end %3)</source>
        <translation>mehr als %1 Zeilen; die älteste angezeigte stammt von %2 (erhöhen Sie --limit oder setzen Sie mit --end %3 fort)</translation>
    </message>
    <message>
        <source>more than %1 lines; the newest shown is at %2 (raise --limit, or continue with --start %3)</source>
        <translation>mehr als %1 Zeilen; die neueste angezeigte stammt von %2 (erhöhen Sie --limit oder setzen Sie mit --start %3 fort)</translation>
    </message>
    <message>
        <source>Log lines (or a LogQL metric) from Loki; --limit may exceed the server&apos;s per-query limit.</source>
        <translation>Logzeilen (oder eine LogQL-Metrik) aus Loki; --limit darf das Limit des Servers pro Abfrage überschreiten.</translation>
    </message>
    <message>
        <source>the LogQL query</source>
        <translation>die LogQL-Abfrage</translation>
    </message>
    <message>
        <source>base URL of Loki</source>
        <translation>Basis-URL von Loki</translation>
    </message>
    <message>
        <source>start of the range (included): unix seconds or nanoseconds, RFC 3339, now-1h… (default: an hour before the end)</source>
        <translation>Beginn des Zeitraums (einschließlich): Unix-Sekunden oder -Nanosekunden, RFC 3339, now-1h… (Standard: eine Stunde vor dem Ende)</translation>
    </message>
    <message>
        <source>end of the range (not included; default now)</source>
        <translation>Ende des Zeitraums (ausschließlich; Standard: now)</translation>
    </message>
    <message>
        <source>lines at most (default 100); fetched page by page past the server&apos;s limit</source>
        <translation>höchstens so viele Zeilen (Standard: 100); über das Limit des Servers hinaus seitenweise abgerufen</translation>
    </message>
    <message>
        <source>backward: newest first (default); forward: oldest first</source>
        <translation>backward: neueste zuerst (Standard); forward: älteste zuerst</translation>
    </message>
    <message>
        <source>resolution of a metric query: seconds or 30s, 1m… (default: the server&apos;s)</source>
        <translation>Auflösung einer Metrikabfrage: Sekunden oder 30s, 1m… (Standard: die des Servers)</translation>
    </message>
    <message>
        <source>seconds to wait per request (default 10)</source>
        <translation>Wartezeit pro Anfrage in Sekunden (Standard: 10)</translation>
    </message>
    <message>
        <source>--%1 &apos;%2&apos; is not a time (unix seconds, RFC 3339, now or now-1h)</source>
        <translation>--%1 &apos;%2&apos; ist keine Zeitangabe (Unix-Sekunden, RFC 3339, now oder now-1h)</translation>
    </message>
    <message>
        <source>give exactly one PromQL expression</source>
        <translation>geben Sie genau einen PromQL-Ausdruck an</translation>
    </message>
    <message>
        <source>--url is required (the base URL of Prometheus)</source>
        <translation>--url ist erforderlich (die Basis-URL von Prometheus)</translation>
    </message>
    <message>
        <source>--step needs --start (a range query)</source>
        <translation>--step benötigt --start (eine Bereichsabfrage)</translation>
    </message>
    <message>
        <source>%1 points per series is too many (at most %2): choose a larger --step</source>
        <translation>%1 Punkte pro Serie sind zu viele (höchstens %2): Wählen Sie ein größeres --step</translation>
    </message>
    <message>
        <source>Evaluate PromQL: at one time (without --start), or over a range.</source>
        <translation>Wertet PromQL aus: zu einem Zeitpunkt (ohne --start) oder über einen Zeitraum.</translation>
    </message>
    <message>
        <source>the PromQL expression</source>
        <translation>der PromQL-Ausdruck</translation>
    </message>
    <message>
        <source>base URL of Prometheus</source>
        <translation>Basis-URL von Prometheus</translation>
    </message>
    <message>
        <source>start of a range query: unix seconds, RFC 3339, now or now-1h</source>
        <translation>Beginn einer Bereichsabfrage: Unix-Sekunden, RFC 3339, now oder now-1h</translation>
    </message>
    <message>
        <source>end of the range, or the time of an instant query (default now)</source>
        <translation>Ende des Zeitraums oder Zeitpunkt einer Instant-Abfrage (Standard: now)</translation>
    </message>
    <message>
        <source>resolution of a range query: seconds or 30s, 1m… (default: about 1000 points)</source>
        <translation>Auflösung einer Bereichsabfrage: Sekunden oder 30s, 1m… (Standard: etwa 1000 Punkte)</translation>
    </message>
    <message>
        <source>seconds to wait (default 10)</source>
        <translation>Wartezeit in Sekunden (Standard: 10)</translation>
    </message>
    <message>
        <source>give exactly one trace id</source>
        <translation>geben Sie genau eine Trace-ID an</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a trace id (1 to 32 hexadecimal digits)</source>
        <translation>&apos;%1&apos; ist keine Trace-ID (1 bis 32 Hexadezimalziffern)</translation>
    </message>
    <message>
        <source>--url is required (the base URL of Tempo)</source>
        <translation>--url ist erforderlich (die Basis-URL von Tempo)</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>1 span</source>
        <translation>1 Span</translation>
    </message>
    <message>
        <source>%1 spans</source>
        <translation>%1 Spans</translation>
    </message>
    <message>
        <source>1 service</source>
        <translation>1 Dienst</translation>
    </message>
    <message>
        <source>%1 services</source>
        <translation>%1 Dienste</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 Fehler</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 Fehler</translation>
    </message>
    <message>
        <source>root %1: %2</source>
        <translation>Root-Span %1: %2</translation>
    </message>
    <message>
        <source>written to %1 (%2, %3 bytes)</source>
        <translation>nach %1 geschrieben (%2, %3 Bytes)</translation>
    </message>
    <message>
        <source>trace stats takes one FILE (OTLP protobuf .pb, or OTLP / Tempo JSON)</source>
        <translation>trace stats erwartet genau eine Datei FILE (OTLP-Protobuf .pb oder OTLP-/Tempo-JSON)</translation>
    </message>
    <message>
        <source>cannot read the trace: %1</source>
        <translation>der Trace kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>trace %1: %2, %3 services, %4, %5 errors, depth %6</source>
        <translation>Trace %1: %2, %3 Dienste, %4, %5 Fehler, Tiefe %6</translation>
    </message>
    <message>
        <source>root: %1: %2</source>
        <translation>Root-Span: %1: %2</translation>
    </message>
    <message>
        <source>critical path: %1 (%2)</source>
        <translation>kritischer Pfad: %1 (%2)</translation>
    </message>
    <message>
        <source>  … and %1 more</source>
        <translation>  … und %1 weitere</translation>
    </message>
    <message>
        <source>by service (spans, errors, total, self, p95):</source>
        <translation>nach Dienst (Spans, Fehler, gesamt, Eigenzeit, p95):</translation>
    </message>
    <message>
        <source>parsed in %1 ms, laid out in %2 ms</source>
        <translation>in %1 ms geparst, Layout in %2 ms berechnet</translation>
    </message>
    <message>
        <source>Fetch a trace from Tempo: a summary, and with -o the trace itself (protobuf as received, or OTLP JSON when FILE ends in .json).</source>
        <translation>Ruft einen Trace aus Tempo ab: eine Zusammenfassung und mit -o den Trace selbst (Protobuf wie empfangen oder OTLP-JSON, wenn FILE auf .json endet).</translation>
    </message>
    <message>
        <source>the trace id (hex)</source>
        <translation>die Trace-ID (hex)</translation>
    </message>
    <message>
        <source>base URL of Tempo</source>
        <translation>Basis-URL von Tempo</translation>
    </message>
    <message>
        <source>write the trace to FILE (.json: OTLP JSON; otherwise protobuf)</source>
        <translation>den Trace in FILE schreiben (.json: OTLP-JSON; sonst Protobuf)</translation>
    </message>
    <message>
        <source>Read a trace file (OTLP protobuf, or OTLP / Tempo JSON) and print its shape, critical path and per-service statistics, with the time taken to parse and lay it out.</source>
        <translation>Liest eine Trace-Datei (OTLP-Protobuf oder OTLP-/Tempo-JSON) und gibt ihre Struktur, den kritischen Pfad und Statistiken pro Dienst aus, zusammen mit der Zeit für Parsen und Layout.</translation>
    </message>
    <message>
        <source>the trace file</source>
        <translation>die Trace-Datei</translation>
    </message>
    <message>
        <source>%1 is not an object</source>
        <translation>%1 ist kein Objekt</translation>
    </message>
    <message>
        <source>%1 has no &quot;line&quot; text</source>
        <translation>%1 hat keinen Text in „line“</translation>
    </message>
    <message>
        <source>%1: &quot;ts_ns&quot; is not a number of nanoseconds</source>
        <translation>%1: „ts_ns“ ist keine Anzahl von Nanosekunden</translation>
    </message>
    <message>
        <source>not a usable Loki answer: %1</source>
        <translation>keine verwertbare Loki-Antwort: %1</translation>
    </message>
    <message>
        <source>a Loki answer of type %1 has no log lines</source>
        <translation>eine Loki-Antwort vom Typ %1 enthält keine Logzeilen</translation>
    </message>
    <message>
        <source>give a file of log lines, or --url URL and a LogQL query</source>
        <translation>geben Sie eine Datei mit Logzeilen an oder --url URL und eine LogQL-Abfrage</translation>
    </message>
    <message>
        <source>--%1 needs --url (it shapes the query to Loki)</source>
        <translation>--%1 benötigt --url (es steuert die Abfrage an Loki)</translation>
    </message>
    <message>
        <source>the query gave a %1, not log lines: patterns need a log query</source>
        <translation>die Abfrage lieferte ein Ergebnis vom Typ %1, keine Logzeilen: Muster benötigen eine Log-Abfrage</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>COUNT</source>
        <translation>ANZAHL</translation>
    </message>
    <message>
        <source>FIRST</source>
        <translation>ZUERST</translation>
    </message>
    <message>
        <source>LAST</source>
        <translation>ZULETZT</translation>
    </message>
    <message>
        <source>PATTERN</source>
        <translation>MUSTER</translation>
    </message>
    <message>
        <source>1 line</source>
        <translation>1 Zeile</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>1 pattern</source>
        <translation>1 Muster</translation>
    </message>
    <message>
        <source>%1 patterns</source>
        <translation>%1 Muster</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>the limit cut the lines read (raise --limit to mine more of the range)</source>
        <translation>das Limit hat die gelesenen Zeilen gekürzt (erhöhen Sie --limit, um mehr vom Zeitraum auszuwerten)</translation>
    </message>
    <message>
        <source>Line templates mined from log lines (Drain) with their counts, first and last times.</source>
        <translation>Aus Logzeilen gewonnene Zeilenvorlagen (Drain) mit Anzahl sowie erstem und letztem Zeitpunkt.</translation>
    </message>
    <message>
        <source>a file of log lines (`logs query --json` output, a Loki query_range answer, or plain text; - for standard input), or with --url the LogQL query</source>
        <translation>eine Datei mit Logzeilen (Ausgabe von `logs query --json`, eine query_range-Antwort von Loki oder reiner Text; - für die Standardeingabe) oder mit --url die LogQL-Abfrage</translation>
    </message>
    <message>
        <source>lines at most (default %1); fetched page by page past the server&apos;s limit</source>
        <translation>höchstens so viele Zeilen (Standard: %1); über das Limit des Servers hinaus seitenweise abgerufen</translation>
    </message>
    <message>
        <source>which lines the limit keeps: backward, the newest (default); forward, the oldest</source>
        <translation>welche Zeilen das Limit behält: backward die neuesten (Standard), forward die ältesten</translation>
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
    <message>
        <source>The gRPC address must be host:port, such as tempo:9095.</source>
        <translation>Die gRPC-Adresse muss die Form host:port haben, z. B. tempo:9095.</translation>
    </message>
    <message>
        <source>Parallel requests must be between 1 and 64.</source>
        <translation>Die Anzahl paralleler Anfragen muss zwischen 1 und 64 liegen.</translation>
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
    <message>
        <source>%1: the answer was cut off after %2 bytes (%3).</source>
        <translation>%1: Die Antwort wurde nach %2 Bytes abgeschnitten (%3).</translation>
    </message>
    <message>
        <source>%1: the server closed the connection without answering.</source>
        <translation>%1: Der Server hat die Verbindung ohne Antwort geschlossen.</translation>
    </message>
    <message>
        <source>, after %1 attempts.</source>
        <translation>, nach %1 Versuchen.</translation>
    </message>
</context>
<context>
    <name>Incident</name>
    <message>
        <source>Investigating</source>
        <translation>Wird untersucht</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>Ursache identifiziert</translation>
    </message>
    <message>
        <source>Mitigated</source>
        <translation>Eingedämmt</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
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
    <message>
        <source>An incident is started by declaring it.</source>
        <translation>Ein Vorfall kann nur durch Ausrufen begonnen werden.</translation>
    </message>
    <message>
        <source>severity definition</source>
        <translation>Definition eines Schweregrads</translation>
    </message>
    <message>
        <source>The journal is not open.</source>
        <translation>Das Journal ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>An SLO needs a name.</source>
        <translation>Ein SLO benötigt einen Namen.</translation>
    </message>
    <message>
        <source>The objective of an SLO must be between 0 % and 100 %, exclusive (it is %1 %).</source>
        <translation>Das Ziel eines SLO muss zwischen 0 % und 100 % liegen, beide ausgeschlossen (es ist %1 %).</translation>
    </message>
    <message>
        <source>The window of an SLO must be longer than zero.</source>
        <translation>Das Zeitfenster eines SLO muss länger als null sein.</translation>
    </message>
    <message>
        <source>An SLO needs either an error-ratio query or both a good-events and a total-events query.</source>
        <translation>Ein SLO benötigt entweder eine Fehlerquoten-Abfrage oder sowohl eine Abfrage für gute Ereignisse als auch eine für alle Ereignisse.</translation>
    </message>
</context>
<context>
    <name>JsonReading</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>ein String</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Boolean</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>something else</source>
        <translation>etwas anderes</translation>
    </message>
    <message>
        <source>empty answer, expected JSON</source>
        <translation>leere Antwort, JSON erwartet</translation>
    </message>
    <message>
        <source>not valid JSON: the answer ends early, after byte %1</source>
        <translation>kein gültiges JSON: Die Antwort endet vorzeitig nach Byte %1</translation>
    </message>
    <message>
        <source>not valid JSON (at byte %1 of %2)</source>
        <translation>kein gültiges JSON (bei Byte %1 von %2)</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>kein gültiges JSON: %1</translation>
    </message>
</context>
<context>
    <name>LogFilter</name>
    <message>
        <source>Not a regular expression: %1</source>
        <translation>Kein regulärer Ausdruck: %1</translation>
    </message>
    <message>
        <source>Filtering by pattern needs the patterns of the lines.</source>
        <translation>Zum Filtern nach Muster werden die Muster der Zeilen benötigt.</translation>
    </message>
</context>
<context>
    <name>LokiClient</name>
    <message>
        <source>%1 at %2 answered %3: %4</source>
        <translation>%1 unter %2 antwortete mit %3: %4</translation>
    </message>
    <message>
        <source>%1 at %2 sent %3 where JSON was expected (is the URL that of Loki?): %4</source>
        <translation>%1 unter %2 hat %3 statt JSON gesendet (ist das die URL von Loki?): %4</translation>
    </message>
    <message>
        <source>(empty body)</source>
        <translation>(leerer Inhalt)</translation>
    </message>
    <message>
        <source>%1 at %2 sent an answer that cannot be read: %3</source>
        <translation>%1 unter %2 hat eine nicht lesbare Antwort gesendet: %3</translation>
    </message>
    <message>
        <source>%1: cancelled.</source>
        <translation>%1: abgebrochen.</translation>
    </message>
    <message>
        <source>Loki gives at most %1 lines per request and at least as many share the timestamp %2 ns: any more at that nanosecond cannot be fetched.</source>
        <translation>Loki liefert höchstens %1 Zeilen pro Anfrage, und mindestens ebenso viele haben den Zeitstempel %2 ns: Weitere Zeilen in dieser Nanosekunde können nicht abgerufen werden.</translation>
    </message>
    <message>
        <source>The query is empty.</source>
        <translation>Die Abfrage ist leer.</translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation>Der Zeitraum endet, bevor er beginnt.</translation>
    </message>
    <message>
        <source>The line limit must be positive.</source>
        <translation>Das Zeilenlimit muss positiv sein.</translation>
    </message>
    <message>
        <source>The step must be positive.</source>
        <translation>Die Schrittweite muss positiv sein.</translation>
    </message>
    <message>
        <source>Which label? The name is empty.</source>
        <translation>Welches Label? Der Name ist leer.</translation>
    </message>
    <message>
        <source>Listing series needs at least one stream selector.</source>
        <translation>Zum Auflisten von Serien ist mindestens ein Stream-Selektor erforderlich.</translation>
    </message>
</context>
<context>
    <name>LokiParser</name>
    <message>
        <source>missing &quot;%1&quot;</source>
        <translation>„%1“ fehlt</translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation>ein Objekt erwartet, %1 erhalten</translation>
    </message>
    <message>
        <source>expected an array, got %1</source>
        <translation>ein Array erwartet, %1 erhalten</translation>
    </message>
    <message>
        <source>expected a whole number, got %1</source>
        <translation>eine ganze Zahl erwartet, %1 erhalten</translation>
    </message>
    <message>
        <source>expected a number, got %1</source>
        <translation>eine Zahl erwartet, %1 erhalten</translation>
    </message>
    <message>
        <source>timestamp %1 is out of range</source>
        <translation>Zeitstempel %1 liegt außerhalb des gültigen Bereichs</translation>
    </message>
    <message numerus="yes">
        <source>expected [time, &quot;value&quot;], got %n element(s)</source>
        <translation>
            <numerusform>[time, &quot;value&quot;] erwartet, %n Element erhalten</numerusform>
            <numerusform>[time, &quot;value&quot;] erwartet, %n Elemente erhalten</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a sample value</source>
        <translation>„%1“ ist kein Messwert</translation>
    </message>
    <message>
        <source>expected [&quot;&lt;ns&gt;&quot;, &quot;&lt;line&gt;&quot;] or [&quot;&lt;ns&gt;&quot;, &quot;&lt;line&gt;&quot;, {…}], got %1</source>
        <translation>[&quot;&lt;ns&gt;&quot;, &quot;&lt;line&gt;&quot;] oder [&quot;&lt;ns&gt;&quot;, &quot;&lt;line&gt;&quot;, {…}] erwartet, %1 erhalten</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a nanosecond timestamp</source>
        <translation>„%1“ ist kein Zeitstempel in Nanosekunden</translation>
    </message>
    <message>
        <source>unknown result type &quot;%1&quot;</source>
        <translation>unbekannter Ergebnistyp „%1“</translation>
    </message>
    <message>
        <source>expected a JSON object, got %1</source>
        <translation>ein JSON-Objekt erwartet, %1 erhalten</translation>
    </message>
    <message>
        <source>no &quot;status&quot; in the answer</source>
        <translation>kein „status“ in der Antwort</translation>
    </message>
    <message>
        <source>status %1 without a description</source>
        <translation>Status %1 ohne Beschreibung</translation>
    </message>
    <message>
        <source>expected a vector of volumes, got %1</source>
        <translation>einen Vektor mit Log-Volumen erwartet, %1 erhalten</translation>
    </message>
</context>
<context>
    <name>LokiTail</name>
    <message>
        <source>Only log queries can be tailed; this one gives a %1.</source>
        <translation>Nur Log-Abfragen können live verfolgt werden; diese liefert ein Ergebnis vom Typ %1.</translation>
    </message>
    <message>
        <source>Loki gives at most %1 lines per request and at least as many share the timestamp %2 ns: any more at that nanosecond cannot be fetched.</source>
        <translation>Loki liefert höchstens %1 Zeilen pro Anfrage, und mindestens ebenso viele haben den Zeitstempel %2 ns: Weitere Zeilen in dieser Nanosekunde können nicht abgerufen werden.</translation>
    </message>
</context>
<context>
    <name>PatternsView</name>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
</context>
<context>
    <name>Postmortem</name>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Grundursache</translation>
    </message>
    <message>
        <source>What, at the deepest level we can act on, made this happen?</source>
        <translation>Was hat dies verursacht – auf der tiefsten Ebene, auf der wir handeln können?</translation>
    </message>
    <message>
        <source>Contributing factors</source>
        <translation>Begünstigende Faktoren</translation>
    </message>
    <message>
        <source>What made it more likely, larger or longer: load, config, alerts, process, timing.</source>
        <translation>Was hat den Vorfall wahrscheinlicher, größer oder länger gemacht: Last, Konfiguration, Alarme, Prozesse, Timing.</translation>
    </message>
    <message>
        <source>What went well</source>
        <translation>Was gut lief</translation>
    </message>
    <message>
        <source>What helped us notice, decide and recover quickly?</source>
        <translation>Was hat uns geholfen, schnell zu erkennen, zu entscheiden und den Betrieb wiederherzustellen?</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>Was schlecht lief</translation>
    </message>
    <message>
        <source>What slowed us down or made the impact worse?</source>
        <translation>Was hat uns aufgehalten oder die Auswirkungen verschlimmert?</translation>
    </message>
    <message>
        <source>Where we got lucky</source>
        <translation>Wo wir Glück hatten</translation>
    </message>
    <message>
        <source>What could have made this much worse, and did not?</source>
        <translation>Was hätte die Lage deutlich verschlimmern können, ist aber nicht eingetreten?</translation>
    </message>
    <message>
        <source>Postmortem: %1 (%2, %3, %4)</source>
        <translation>Postmortem: %1 (%2, %3, %4)</translation>
    </message>
    <message>
        <source>Declared %1 by %2. Commander: %3.</source>
        <translation>Ausgerufen am %1 von %2. Einsatzleitung: %3.</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>No summary was recorded.</source>
        <translation>Es wurde keine Zusammenfassung erfasst.</translation>
    </message>
    <message>
        <source>**Services:** %1</source>
        <translation>**Dienste:** %1</translation>
    </message>
    <message>
        <source>**Tags:** %1</source>
        <translation>**Tags:** %1</translation>
    </message>
    <message>
        <source>Customer impact</source>
        <translation>Auswirkungen auf Kunden</translation>
    </message>
    <message>
        <source>No customer impact was recorded: who was affected, how, and for how long?</source>
        <translation>Es wurden keine Auswirkungen auf Kunden erfasst: Wer war betroffen, wie und wie lange?</translation>
    </message>
    <message>
        <source>Durations</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Impact began</source>
        <translation>Beginn der Auswirkungen</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>Ausgerufen</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Mitigated</source>
        <translation>Eingedämmt</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>From declaration</source>
        <translation>Ab Ausrufung</translation>
    </message>
    <message>
        <source>From start of impact</source>
        <translation>Ab Beginn der Auswirkungen</translation>
    </message>
    <message>
        <source>Time to acknowledge</source>
        <translation>Zeit bis zur Bestätigung</translation>
    </message>
    <message>
        <source>Time to mitigate</source>
        <translation>Zeit bis zur Eindämmung</translation>
    </message>
    <message>
        <source>Time to resolve</source>
        <translation>Zeit bis zur Behebung</translation>
    </message>
    <message>
        <source>Severity history</source>
        <translation>Verlauf des Schweregrads</translation>
    </message>
    <message>
        <source>No severity was recorded.</source>
        <translation>Es wurde kein Schweregrad erfasst.</translation>
    </message>
    <message>
        <source>Highest severity: **%1**.</source>
        <translation>Höchster Schweregrad: **%1**.</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 at declaration</source>
        <translation>%1 bei Ausrufung</translation>
    </message>
    <message>
        <source>Roles and handoffs</source>
        <translation>Rollen und Übergaben</translation>
    </message>
    <message>
        <source>Nobody holds a role now.</source>
        <translation>Derzeit hat niemand eine Rolle inne.</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Aktuell:</translation>
    </message>
    <message>
        <source>Handoffs:</source>
        <translation>Übergaben:</translation>
    </message>
    <message>
        <source>%1 released %2</source>
        <translation>%1 hat die Rolle %2 abgegeben</translation>
    </message>
    <message>
        <source>%1 became %2</source>
        <translation>%1 hat die Rolle %2 übernommen</translation>
    </message>
    <message>
        <source>%1 handed %2 to %3</source>
        <translation>%1 hat die Rolle %2 an %3 übergeben</translation>
    </message>
    <message>
        <source>Timeline of key events</source>
        <translation>Zeitleiste der Schlüsselereignisse</translation>
    </message>
    <message>
        <source>No event was marked as key; these are the status and severity changes.</source>
        <translation>Kein Ereignis wurde als Schlüsselereignis markiert; hier sind die Status- und Schweregradänderungen.</translation>
    </message>
    <message>
        <source>*Corrected by %1 at %2:* %3</source>
        <translation>*Korrigiert von %1 am %2:* %3</translation>
    </message>
    <message>
        <source>Stakeholder updates sent</source>
        <translation>Gesendete Stakeholder-Updates</translation>
    </message>
    <message>
        <source>No stakeholder update was sent.</source>
        <translation>Es wurde kein Stakeholder-Update gesendet.</translation>
    </message>
    <message>
        <source>%1 — to %2</source>
        <translation>%1 — an %2</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Ohne Titel</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>pinned by %1 at %2</source>
        <translation>angeheftet von %1 am %2</translation>
    </message>
    <message>
        <source>No evidence was pinned.</source>
        <translation>Es wurden keine Belege angeheftet.</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Maßnahmen</translation>
    </message>
    <message>
        <source>No action items yet.</source>
        <translation>Noch keine Maßnahmen.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Postmortem: %1 (%2)</source>
        <translation>Postmortem: %1 (%2)</translation>
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
    <name>PrometheusClient</name>
    <message>
        <source>%1 at %2 answered %3: %4</source>
        <translation>%1 unter %2 antwortete mit %3: %4</translation>
    </message>
    <message>
        <source>%1 at %2 sent an answer that cannot be read: %3</source>
        <translation>%1 unter %2 hat eine nicht lesbare Antwort gesendet: %3</translation>
    </message>
    <message>
        <source>%1: cancelled.</source>
        <translation>%1: abgebrochen.</translation>
    </message>
    <message>
        <source>The step must be positive.</source>
        <translation>Die Schrittweite muss positiv sein.</translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation>Der Zeitraum endet, bevor er beginnt.</translation>
    </message>
    <message>
        <source>Listing series needs at least one series selector.</source>
        <translation>Zum Auflisten von Serien ist mindestens ein Serien-Selektor erforderlich.</translation>
    </message>
</context>
<context>
    <name>PrometheusParser</name>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>missing &quot;%1&quot;</source>
        <translation>„%1“ fehlt</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>%1 erwartet, %2 erhalten</translation>
    </message>
    <message>
        <source>timestamp %1 is out of range</source>
        <translation>Zeitstempel %1 liegt außerhalb des gültigen Bereichs</translation>
    </message>
    <message numerus="yes">
        <source>expected [time, &quot;value&quot;], got %n element(s)</source>
        <translation>
            <numerusform>[time, &quot;value&quot;] erwartet, %n Element erhalten</numerusform>
            <numerusform>[time, &quot;value&quot;] erwartet, %n Elemente erhalten</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a sample value</source>
        <translation>„%1“ ist kein Messwert</translation>
    </message>
    <message>
        <source>missing &quot;values&quot;</source>
        <translation>„values“ fehlt</translation>
    </message>
    <message>
        <source>missing &quot;value&quot;</source>
        <translation>„value“ fehlt</translation>
    </message>
    <message>
        <source>expected [time, &quot;text&quot;]</source>
        <translation>[time, &quot;text&quot;] erwartet</translation>
    </message>
    <message>
        <source>unknown result type &quot;%1&quot;</source>
        <translation>unbekannter Ergebnistyp „%1“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an RFC 3339 time</source>
        <translation>„%1“ ist keine Zeitangabe nach RFC 3339</translation>
    </message>
    <message>
        <source>%1 seconds is out of range</source>
        <translation>%1 Sekunden liegen außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>unknown alert state &quot;%1&quot;</source>
        <translation>unbekannter Alarmzustand „%1“</translation>
    </message>
    <message>
        <source>unknown rule type &quot;%1&quot;</source>
        <translation>unbekannter Regeltyp „%1“</translation>
    </message>
    <message>
        <source>unknown rule health &quot;%1&quot;</source>
        <translation>unbekannter Regelzustand (health) „%1“</translation>
    </message>
    <message>
        <source>expected a JSON object, got %1</source>
        <translation>ein JSON-Objekt erwartet, %1 erhalten</translation>
    </message>
    <message>
        <source>no &quot;status&quot; in the answer</source>
        <translation>kein „status“ in der Antwort</translation>
    </message>
    <message>
        <source>error without a description</source>
        <translation>Fehler ohne Beschreibung</translation>
    </message>
    <message>
        <source>status: expected &quot;success&quot; or &quot;error&quot;, got %1</source>
        <translation>status: „success“ oder „error“ erwartet, %1 erhalten</translation>
    </message>
</context>
<context>
    <name>QuerySyntax</name>
    <message>
        <source>Per-second average rate of increase of a counter over the range</source>
        <translation>Durchschnittliche Anstiegsrate eines Counters pro Sekunde über den Zeitraum</translation>
    </message>
    <message>
        <source>Per-second rate from the last two samples of the range</source>
        <translation>Rate pro Sekunde aus den letzten beiden Messwerten des Zeitraums</translation>
    </message>
    <message>
        <source>Increase of a counter over the range</source>
        <translation>Anstieg eines Counters über den Zeitraum</translation>
    </message>
    <message>
        <source>φ-quantile (0 ≤ φ ≤ 1) from histogram buckets (by le)</source>
        <translation>φ-Quantil (0 ≤ φ ≤ 1) aus Histogramm-Buckets (nach le)</translation>
    </message>
    <message>
        <source>Sum over dimensions</source>
        <translation>Summe über Dimensionen</translation>
    </message>
    <message>
        <source>Average over dimensions</source>
        <translation>Durchschnitt über Dimensionen</translation>
    </message>
    <message>
        <source>Minimum over dimensions</source>
        <translation>Minimum über Dimensionen</translation>
    </message>
    <message>
        <source>Maximum over dimensions</source>
        <translation>Maximum über Dimensionen</translation>
    </message>
    <message>
        <source>Number of series</source>
        <translation>Anzahl der Serien</translation>
    </message>
    <message>
        <source>Largest k series by value</source>
        <translation>Die k größten Serien nach Wert</translation>
    </message>
    <message>
        <source>Smallest k series by value</source>
        <translation>Die k kleinsten Serien nach Wert</translation>
    </message>
    <message>
        <source>φ-quantile over dimensions</source>
        <translation>φ-Quantil über Dimensionen</translation>
    </message>
    <message>
        <source>1 when the vector has no elements</source>
        <translation>1, wenn der Vektor keine Elemente hat</translation>
    </message>
    <message>
        <source>Difference between the first and last value of a gauge over the range</source>
        <translation>Differenz zwischen erstem und letztem Wert eines Gauges über den Zeitraum</translation>
    </message>
    <message>
        <source>Per-second derivative of a gauge (linear regression)</source>
        <translation>Ableitung eines Gauges pro Sekunde (lineare Regression)</translation>
    </message>
    <message>
        <source>Predicted value t seconds from now (linear regression)</source>
        <translation>Vorhergesagter Wert in t Sekunden (lineare Regression)</translation>
    </message>
    <message>
        <source>Adds a label from a regular expression match of another</source>
        <translation>Fügt ein Label aus dem Treffer eines regulären Ausdrucks auf ein anderes Label hinzu</translation>
    </message>
    <message>
        <source>Average of all values in the range</source>
        <translation>Durchschnitt aller Werte im Zeitraum</translation>
    </message>
    <message>
        <source>Maximum value in the range</source>
        <translation>Höchster Wert im Zeitraum</translation>
    </message>
    <message>
        <source>Minimum value in the range</source>
        <translation>Niedrigster Wert im Zeitraum</translation>
    </message>
    <message>
        <source>Values below min raised to min</source>
        <translation>Werte unter min werden auf min angehoben</translation>
    </message>
    <message>
        <source>Values above max lowered to max</source>
        <translation>Werte über max werden auf max gesenkt</translation>
    </message>
    <message>
        <source>Log lines per second over the range</source>
        <translation>Logzeilen pro Sekunde über den Zeitraum</translation>
    </message>
    <message>
        <source>Number of log lines in the range, per stream</source>
        <translation>Anzahl der Logzeilen im Zeitraum, pro Stream</translation>
    </message>
    <message>
        <source>Bytes of log lines per second</source>
        <translation>Bytes der Logzeilen pro Sekunde</translation>
    </message>
    <message>
        <source>Bytes of log lines in the range</source>
        <translation>Bytes der Logzeilen im Zeitraum</translation>
    </message>
    <message>
        <source>Sum over labels</source>
        <translation>Summe über Labels</translation>
    </message>
    <message>
        <source>φ-quantile of an unwrapped label over the range</source>
        <translation>φ-Quantil eines mit unwrap entnommenen Labels über den Zeitraum</translation>
    </message>
    <message>
        <source>Parser: JSON fields become labels (nested keys joined with _)</source>
        <translation>Parser: JSON-Felder werden zu Labels (verschachtelte Schlüssel mit _ verbunden)</translation>
    </message>
    <message>
        <source>Parser: key=value pairs become labels</source>
        <translation>Parser: key=value-Paare werden zu Labels</translation>
    </message>
    <message>
        <source>Parser: fields from a &lt;name&gt; pattern</source>
        <translation>Parser: Felder aus einem &lt;name&gt;-Muster</translation>
    </message>
    <message>
        <source>Parser: named capture groups become labels</source>
        <translation>Parser: benannte Capture-Gruppen werden zu Labels</translation>
    </message>
    <message>
        <source>Parser: unpacks Promtail&apos;s packed JSON</source>
        <translation>Parser: entpackt das gepackte JSON von Promtail</translation>
    </message>
    <message>
        <source>Rewrites the line from a Go template</source>
        <translation>Schreibt die Zeile anhand eines Go-Templates neu</translation>
    </message>
    <message>
        <source>Renames or sets labels</source>
        <translation>Benennt Labels um oder setzt sie</translation>
    </message>
    <message>
        <source>Uses a label&apos;s value as the sample value</source>
        <translation>Verwendet den Wert eines Labels als Messwert</translation>
    </message>
    <message>
        <source>Keeps only the listed labels</source>
        <translation>Behält nur die aufgeführten Labels</translation>
    </message>
    <message>
        <source>Drops the listed labels</source>
        <translation>Entfernt die aufgeführten Labels</translation>
    </message>
    <message>
        <source>Strips ANSI colour codes</source>
        <translation>Entfernt ANSI-Farbcodes</translation>
    </message>
</context>
<context>
    <name>Render</name>
    <message>
        <source>Cannot write the PDF %1: no graphical application (QGuiApplication) is running.</source>
        <translation>Das PDF %1 kann nicht geschrieben werden: Es läuft keine grafische Anwendung (QGuiApplication).</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
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
    <name>Slo</name>
    <message>
        <source>Give the SLO a name.</source>
        <translation>Geben Sie dem SLO einen Namen.</translation>
    </message>
    <message>
        <source>The objective must be above 0 % and below 100 % (100 % leaves no error budget).</source>
        <translation>Das Ziel muss über 0 % und unter 100 % liegen (bei 100 % bleibt kein Fehlerbudget).</translation>
    </message>
    <message>
        <source>The window must be between 1 hour and 365 days.</source>
        <translation>Das Zeitfenster muss zwischen 1 Stunde und 365 Tagen liegen.</translation>
    </message>
    <message>
        <source>The %1 query is empty.</source>
        <translation>Die Abfrage %1 ist leer.</translation>
    </message>
    <message>
        <source>The %1 query has unbalanced brackets or quotes.</source>
        <translation>Die Abfrage %1 hat unausgeglichene Klammern oder Anführungszeichen.</translation>
    </message>
    <message>
        <source>The %1 query must be a counter selector such as http_requests_total{code!~&quot;5..&quot;}, or an expression with %2 where the range goes, such as sum(rate(http_requests_total{code!~&quot;5..&quot;}[%2])).</source>
        <translation>Die Abfrage %1 muss ein Counter-Selektor sein, etwa http_requests_total{code!~&quot;5..&quot;}, oder ein Ausdruck mit %2 an der Stelle des Zeitraums, etwa sum(rate(http_requests_total{code!~&quot;5..&quot;}[%2])).</translation>
    </message>
    <message>
        <source>Give either the good and total queries or an error-ratio query, not both.</source>
        <translation>Geben Sie entweder die Abfragen für gute und alle Ereignisse oder eine Fehlerquoten-Abfrage an, nicht beides.</translation>
    </message>
    <message>
        <source>The error-ratio query has unbalanced brackets or quotes.</source>
        <translation>Die Fehlerquoten-Abfrage hat unausgeglichene Klammern oder Anführungszeichen.</translation>
    </message>
    <message>
        <source>The error-ratio query needs %1 where the range goes, such as sum(rate(http_requests_total{code=~&quot;5..&quot;}[%1])) / sum(rate(http_requests_total[%1])).</source>
        <translation>Die Fehlerquoten-Abfrage benötigt %1 an der Stelle des Zeitraums, etwa sum(rate(http_requests_total{code=~&quot;5..&quot;}[%1])) / sum(rate(http_requests_total[%1])).</translation>
    </message>
    <message>
        <source>good-events</source>
        <translation>für gute Ereignisse</translation>
    </message>
    <message>
        <source>total-events</source>
        <translation>für alle Ereignisse</translation>
    </message>
</context>
<context>
    <name>StakeholderUpdate</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation>nicht zugewiesen</translation>
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
    <message>
        <source>[{severity}] {title} — {status}

Impact: {impact}
Incident commander: {commander}. Open for {duration} (declared {declared}).

{summary}

Next update {next_update}.</source>
        <translation>[{severity}] {title} — {status}

Auswirkungen: {impact}
Einsatzleitung: {commander}. Seit {duration} offen (ausgerufen am {declared}).

{summary}

Nächstes Update: {next_update}.</translation>
    </message>
    <message>
        <source>{title}

We are investigating an issue affecting {services}.
Impact: {impact}
Current status: {status}. We will post the next update {next_update}.</source>
        <translation>{title}

Wir untersuchen derzeit ein Problem, das {services} betrifft.
Auswirkungen: {impact}
Aktueller Status: {status}. Nächstes Update: {next_update}.</translation>
    </message>
    <message>
        <source>{id} {severity} {status}: {title}
IC: {commander} · services: {services} · started: {started} · open {duration}

{summary}

Next sync {next_update}.</source>
        <translation>{id} {severity} {status}: {title}
Einsatzleitung: {commander} · Dienste: {services} · Beginn: {started} · offen seit {duration}

{summary}

Nächste Abstimmung: {next_update}.</translation>
    </message>
    <message>
        <source>still being assessed</source>
        <translation>noch in Bewertung</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>bis %1</translation>
    </message>
</context>
<context>
    <name>TempoClient</name>
    <message>
        <source>%1 at %2: cancelled.</source>
        <translation>%1 unter %2: abgebrochen.</translation>
    </message>
    <message>
        <source>%1 at %2 refuses the trace as too large (%3): %4</source>
        <translation>%1 unter %2 lehnt den Trace als zu groß ab (%3): %4</translation>
    </message>
    <message>
        <source>%1 at %2 refused the query: %3</source>
        <translation>%1 unter %2 hat die Abfrage abgelehnt: %3</translation>
    </message>
    <message>
        <source>%1 at %2 sent an answer that cannot be read: %3</source>
        <translation>%1 unter %2 hat eine nicht lesbare Antwort gesendet: %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a trace id (1 to 32 hexadecimal digits).</source>
        <translation>„%1“ ist keine Trace-ID (1 bis 32 Hexadezimalziffern).</translation>
    </message>
    <message>
        <source>Trace %1 not found in %2 at %3.</source>
        <translation>Trace %1 wurde in %2 unter %3 nicht gefunden.</translation>
    </message>
    <message>
        <source>The search range ends before it starts.</source>
        <translation>Der Suchzeitraum endet, bevor er beginnt.</translation>
    </message>
    <message>
        <source>The search limit must be positive.</source>
        <translation>Das Suchlimit muss positiv sein.</translation>
    </message>
    <message>
        <source>Which tag? The name is empty.</source>
        <translation>Welches Tag? Der Name ist leer.</translation>
    </message>
    <message>
        <source>%1: cancelled.</source>
        <translation>%1: abgebrochen.</translation>
    </message>
    <message>
        <source>%1: the stream broke off: %2</source>
        <translation>%1: Der Stream ist abgebrochen: %2</translation>
    </message>
    <message>
        <source>%1: the search did not finish in time (%2).</source>
        <translation>%1: Die Suche wurde nicht rechtzeitig abgeschlossen (%2).</translation>
    </message>
    <message>
        <source>%1 refused the credentials: %2</source>
        <translation>%1 hat die Zugangsdaten abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 refused the query: %2</source>
        <translation>%1 hat die Abfrage abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1: the answer is too large: %2</source>
        <translation>%1: Die Antwort ist zu groß: %2</translation>
    </message>
    <message>
        <source>%1 answered %2: %3</source>
        <translation>%1 antwortete mit %2: %3</translation>
    </message>
    <message>
        <source>%1 at %2 (gRPC)</source>
        <translation>%1 unter %2 (gRPC)</translation>
    </message>
</context>
<context>
    <name>TempoParser</name>
    <message>
        <source>not JSON</source>
        <translation>kein JSON</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>ein JSON-Objekt erwartet</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>einen String erwartet</translation>
    </message>
    <message>
        <source>expected an integer</source>
        <translation>eine Ganzzahl erwartet</translation>
    </message>
    <message>
        <source>expected an array</source>
        <translation>ein Array erwartet</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>ein Objekt erwartet</translation>
    </message>
    <message>
        <source>no traceID</source>
        <translation>keine traceID</translation>
    </message>
    <message>
        <source>no tagNames</source>
        <translation>keine tagNames</translation>
    </message>
    <message>
        <source>no scopes</source>
        <translation>keine scopes</translation>
    </message>
    <message>
        <source>no tagValues</source>
        <translation>keine tagValues</translation>
    </message>
    <message>
        <source>no version</source>
        <translation>keine version</translation>
    </message>
    <message>
        <source>no &quot;version …&quot; line</source>
        <translation>keine Zeile „version …“</translation>
    </message>
    <message>
        <source>%1 bytes that are not a tempopb.TraceByIDResponse</source>
        <translation>%1 Bytes, die keine tempopb.TraceByIDResponse sind</translation>
    </message>
    <message>
        <source>Tempo returned a partial trace: %1</source>
        <translation>Tempo hat einen unvollständigen Trace geliefert: %1</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
</context>
<context>
    <name>Text</name>
    <message>
        <source>expected a string, got %1</source>
        <translation>einen String erwartet, %1 erhalten</translation>
    </message>
    <message>
        <source>%1 is too large</source>
        <translation>%1 ist zu groß</translation>
    </message>
    <message>
        <source>expected an integer</source>
        <translation>eine Ganzzahl erwartet</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an integer</source>
        <translation>„%1“ ist keine Ganzzahl</translation>
    </message>
    <message>
        <source>%1 is negative, expected nanoseconds since 1970</source>
        <translation>%1 ist negativ, Nanosekunden seit 1970 erwartet</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>einen String erwartet</translation>
    </message>
</context>
<context>
    <name>TraceIdFinder</name>
    <message>
        <source>Not a regular expression (at character %1): %2</source>
        <translation>Kein regulärer Ausdruck (bei Zeichen %1): %2</translation>
    </message>
</context>
<context>
    <name>TraceParser</name>
    <message>
        <source>a trace id of %1 bytes, expected 16</source>
        <translation>eine Trace-ID mit %1 Bytes, 16 erwartet</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither hex nor base64</source>
        <translation>„%1“ ist weder hex noch base64</translation>
    </message>
    <message>
        <source>a span id of %1 bytes, expected 8</source>
        <translation>eine Span-ID mit %1 Bytes, 8 erwartet</translation>
    </message>
    <message>
        <source>unknown value &quot;%1&quot;</source>
        <translation>unbekannter Wert „%1“</translation>
    </message>
    <message>
        <source>expected a number or a name</source>
        <translation>eine Zahl oder einen Namen erwartet</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>eine Zahl erwartet</translation>
    </message>
    <message>
        <source>expected an array</source>
        <translation>ein Array erwartet</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>ein Objekt erwartet</translation>
    </message>
    <message>
        <source>Tempo returned a partial trace: %1</source>
        <translation>Tempo hat einen unvollständigen Trace geliefert: %1</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <source>neither &quot;batches&quot; nor &quot;resourceSpans&quot;: not a trace</source>
        <translation>weder „batches“ noch „resourceSpans“: kein Trace</translation>
    </message>
    <message>
        <source>the span has no spanId</source>
        <translation>der Span hat keine spanId</translation>
    </message>
    <message>
        <source>an attribute without a key</source>
        <translation>ein Attribut ohne Schlüssel</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>true oder false erwartet</translation>
    </message>
    <message>
        <source>not base64</source>
        <translation>kein base64</translation>
    </message>
    <message>
        <source>values nested deeper than %1</source>
        <translation>Werte tiefer verschachtelt als %1</translation>
    </message>
    <message>
        <source>the span has no span_id</source>
        <translation>der Span hat keine span_id</translation>
    </message>
    <message>
        <source>at byte %1: %2</source>
        <translation>bei Byte %1: %2</translation>
    </message>
    <message>
        <source>not a field tag</source>
        <translation>kein Feld-Tag</translation>
    </message>
    <message>
        <source>the data ends inside a number</source>
        <translation>die Daten enden innerhalb einer Zahl</translation>
    </message>
    <message>
        <source>the data ends inside a length</source>
        <translation>die Daten enden innerhalb einer Längenangabe</translation>
    </message>
    <message>
        <source>a field of %1 bytes, but only %2 are left</source>
        <translation>ein Feld mit %1 Bytes, aber nur %2 sind übrig</translation>
    </message>
    <message>
        <source>messages nested deeper than 100</source>
        <translation>Nachrichten tiefer verschachtelt als 100</translation>
    </message>
    <message>
        <source>text that is not UTF-8</source>
        <translation>Text, der kein UTF-8 ist</translation>
    </message>
    <message>
        <source>a group that does not end</source>
        <translation>eine Gruppe ohne Ende</translation>
    </message>
    <message>
        <source>wire type %1 does not exist</source>
        <translation>Wire-Type %1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 of protobuf is more than a protobuf message can hold (2 GiB)</source>
        <translation>%1 Protobuf-Daten sind mehr, als eine Protobuf-Nachricht aufnehmen kann (2 GiB)</translation>
    </message>
    <message>
        <source>%1 that are not a tempopb.Trace or OTLP TracesData</source>
        <translation>%1 Daten, die weder tempopb.Trace noch OTLP TracesData sind</translation>
    </message>
    <message>
        <source>byte %1</source>
        <translation>Byte %1</translation>
    </message>
    <message>
        <source>not JSON (%1)</source>
        <translation>kein JSON (%1)</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
</context>
<context>
    <name>ValueUnits</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>percent (0–100)</source>
        <translation>Prozent (0–100)</translation>
    </message>
    <message>
        <source>ratio (0–1, shown as %)</source>
        <translation>Anteil (0–1, als % angezeigt)</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>pro Sekunde</translation>
    </message>
    <message>
        <source>requests per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <source>bytes per second</source>
        <translation>Bytes pro Sekunde</translation>
    </message>
</context>
<context>
    <name>firebreak::analysis::PatternTableModel</name>
    <message>
        <source>&lt; 0.1 %</source>
        <translation>&lt; 0,1 %</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Example: %1</source>
        <translation>Beispiel: %1</translation>
    </message>
    <message>
        <source>%1 — new: first seen after %2</source>
        <translation>%1 — neu: zuerst gesehen nach %2</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>Zeitverlauf</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <source>Lines of the pattern over the range</source>
        <translation>Zeilen des Musters über den Zeitraum</translation>
    </message>
</context>
<context>
    <name>firebreak::analysis::SpanAttributesModel</name>
    <message numerus="yes">
        <source>Span attributes (%n)</source>
        <translation>
            <numerusform>Span-Attribute (%n)</numerusform>
            <numerusform>Span-Attribute (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resource attributes (%n)</source>
        <translation>
            <numerusform>Ressourcenattribute (%n)</numerusform>
            <numerusform>Ressourcenattribute (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>version</source>
        <translation>Version</translation>
    </message>
    <message numerus="yes">
        <source>Events (%n)</source>
        <translation>
            <numerusform>Ereignisse (%n)</numerusform>
            <numerusform>Ereignisse (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Links (%n)</source>
        <translation>
            <numerusform>Links (%n)</numerusform>
            <numerusform>Links (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Link %1</source>
        <translation>Link %1</translation>
    </message>
    <message>
        <source>trace id</source>
        <translation>Trace-ID</translation>
    </message>
    <message>
        <source>span id</source>
        <translation>Span-ID</translation>
    </message>
    <message>
        <source>trace state</source>
        <translation>Trace-State</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>firebreak::analysis::TraceDiffModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>only A</source>
        <translation>nur A</translation>
    </message>
    <message>
        <source>only B</source>
        <translation>nur B</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>%1 (%2%3 %)</source>
        <translation>%1 (%2%3 %)</translation>
    </message>
    <message>
        <source>Average duration in B minus average in A; slower in red, faster in green</source>
        <translation>Durchschnittliche Dauer in B minus Durchschnitt in A; langsamer in Rot, schneller in Grün</translation>
    </message>
    <message>
        <source>Service: operation</source>
        <translation>Dienst: Operation</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>Vorkommen</translation>
    </message>
    <message>
        <source>Count A</source>
        <translation>Anzahl A</translation>
    </message>
    <message>
        <source>Count B</source>
        <translation>Anzahl B</translation>
    </message>
    <message>
        <source>Avg A</source>
        <translation>Ø A</translation>
    </message>
    <message>
        <source>Avg B</source>
        <translation>Ø B</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
</context>
<context>
    <name>firebreak::analysis::TraceStatisticsModel</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>95th percentile of the durations (nearest rank)</source>
        <translation>95. Perzentil der Dauern (Nearest-Rank-Methode)</translation>
    </message>
    <message>
        <source>Time spent in the spans themselves, not in their children</source>
        <translation>Zeit in den Spans selbst, ohne ihre Kind-Spans</translation>
    </message>
    <message>
        <source>Self time as a share of the trace&apos;s end-to-end duration</source>
        <translation>Eigenzeit als Anteil an der End-to-End-Dauer des Traces</translation>
    </message>
    <message>
        <source>Service / operation</source>
        <translation>Dienst / Operation</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Avg</source>
        <translation>Ø</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>P95</source>
        <translation>P95</translation>
    </message>
    <message>
        <source>Self total</source>
        <translation>Eigenzeit gesamt</translation>
    </message>
    <message>
        <source>Self %</source>
        <translation>Eigenzeit %</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>firebreak::journal::IncidentListModel</name>
    <message>
        <source>%1 — %2, %3, commander %4, declared %5</source>
        <translation>%1 — %2, %3, Einsatzleitung: %4, ausgerufen am %5</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Sev</source>
        <translation>Sev</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Commander</source>
        <translation>Einsatzleitung</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>Ausgerufen</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>firebreak::journal::TimelineModel</name>
    <message>
        <source>Declared</source>
        <translation>Ausgerufen</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>Update sent</source>
        <translation>Update gesendet</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>Postmortem</source>
        <translation>Postmortem</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <source>Key event</source>
        <translation>Schlüsselereignis</translation>
    </message>
    <message>
        <source>%1 declared: %2%3</source>
        <translation>%1 ausgerufen: %2%3</translation>
    </message>
    <message>
        <source> (commander %1)</source>
        <translation> (Einsatzleitung: %1)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 set to: %2</source>
        <translation>%1 gesetzt auf: %2</translation>
    </message>
    <message>
        <source>Severity %1 → %2</source>
        <translation>Schweregrad %1 → %2</translation>
    </message>
    <message>
        <source>Severity %1 → %2 (%3)</source>
        <translation>Schweregrad %1 → %2 (%3)</translation>
    </message>
    <message>
        <source>Status %1 → %2</source>
        <translation>Status %1 → %2</translation>
    </message>
    <message>
        <source>%1 released by %2</source>
        <translation>%2 hat die Rolle %1 abgegeben</translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <translation>%1 hat jetzt die Rolle %2</translation>
    </message>
    <message>
        <source>%1 handed %2 to %3</source>
        <translation>%1 hat die Rolle %2 an %3 übergeben</translation>
    </message>
    <message>
        <source>%1 [%2] %3 — %4 to %5</source>
        <translation>%1 [%2] %3 — %4 bis %5</translation>
    </message>
    <message>
        <source>To %1: %2</source>
        <translation>An %1: %2</translation>
    </message>
    <message>
        <source>%1 (owner %2)</source>
        <translation>%1 (verantwortlich: %2)</translation>
    </message>
    <message>
        <source>Action item now %1</source>
        <translation>Maßnahme jetzt: %1</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message numerus="yes">
        <source>Postmortem draft saved (%n characters)</source>
        <translation>
            <numerusform>Postmortem-Entwurf gespeichert (%n Zeichen)</numerusform>
            <numerusform>Postmortem-Entwurf gespeichert (%n Zeichen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Correction: %1</source>
        <translation>Korrektur: %1</translation>
    </message>
    <message>
        <source>Marked an event as key</source>
        <translation>Ein Ereignis als Schlüsselereignis markiert</translation>
    </message>
    <message>
        <source>Unmarked a key event</source>
        <translation>Markierung eines Schlüsselereignisses aufgehoben</translation>
    </message>
    <message>
        <source>corrected: %1</source>
        <translation>korrigiert: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>%1 by %2 (device %3)</source>
        <translation>%1 von %2 (Gerät %3)</translation>
    </message>
</context>
<context>
    <name>firebreak::tempo::SearchResultsModel</name>
    <message>
        <source>&lt;root span not yet received&gt;</source>
        <translation>&lt;Root-Span noch nicht empfangen&gt;</translation>
    </message>
    <message>
        <source>&lt; 1 ms</source>
        <translation>&lt; 1 ms</translation>
    </message>
    <message>
        <source>Double-click to open the trace</source>
        <translation>Doppelklicken, um den Trace zu öffnen</translation>
    </message>
    <message>
        <source>Spans of the trace that matched the query</source>
        <translation>Spans des Traces, die der Abfrage entsprechen</translation>
    </message>
    <message>
        <source>Trace ID</source>
        <translation>Trace-ID</translation>
    </message>
    <message>
        <source>Root service</source>
        <translation>Root-Dienst</translation>
    </message>
    <message>
        <source>Root operation</source>
        <translation>Root-Operation</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Treffer</translation>
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
    <name>firebreak::ui::ActionItemsPanel</name>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Won&apos;t do</source>
        <translation>Wird nicht umgesetzt</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Add action item…</source>
        <translation>Maßnahme hinzufügen…</translation>
    </message>
    <message>
        <source>New action item</source>
        <translation>Neue Maßnahme</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::AlertsModel</name>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>%1 ago (%2)</source>
        <translation>vor %1 (%2)</translation>
    </message>
    <message>
        <source>Firing</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::AlertsPanel</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Show query</source>
        <translation>Abfrage anzeigen</translation>
    </message>
    <message>
        <source>Declare incident from this alert…</source>
        <translation>Vorfall aus diesem Alarm ausrufen…</translation>
    </message>
    <message>
        <source>Open the alert&apos;s rule expression in the chart</source>
        <translation>Den Regelausdruck des Alarms im Diagramm öffnen</translation>
    </message>
    <message>
        <source>Declare an incident with this alert&apos;s name, severity and services, and pin the alert as evidence</source>
        <translation>Einen Vorfall mit Name, Schweregrad und Diensten dieses Alarms ausrufen und den Alarm als Beleg anheften</translation>
    </message>
    <message>
        <source>Select an alert to see its labels, annotations and query.</source>
        <translation>Wählen Sie einen Alarm aus, um seine Labels, Annotationen und Abfrage zu sehen.</translation>
    </message>
    <message>
        <source>No Prometheus data source</source>
        <translation>Keine Prometheus-Datenquelle</translation>
    </message>
    <message>
        <source>Alerts of &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Alarme von &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>The alerts could not be loaded: %1</source>
        <translation>Die Alarme konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Showing the alerts of the last successful reload.</source>
        <translation>Angezeigt werden die Alarme der letzten erfolgreichen Aktualisierung.</translation>
    </message>
    <message>
        <source>The alerting rules could not be loaded, so queries and rule health are missing: %1</source>
        <translation>Die Alarmregeln konnten nicht geladen werden, daher fehlen Abfragen und Regelzustand: %1</translation>
    </message>
    <message>
        <source>No alert pending or firing on %1 · as of %2</source>
        <translation>Kein Alarm ausstehend oder ausgelöst auf %1 · Stand: %2</translation>
    </message>
    <message>
        <source>%1 firing, %2 pending · as of %3</source>
        <translation>%1 ausgelöst, %2 ausstehend · Stand: %3</translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>Seit %1</translation>
    </message>
    <message>
        <source>Value %1</source>
        <translation>Wert %1</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>Rule health: %1</source>
        <translation>Regelzustand: %1</translation>
    </message>
    <message>
        <source>fires after %1 pending</source>
        <translation>löst nach %1 im Zustand „Ausstehend“ aus</translation>
    </message>
    <message>
        <source>last evaluated %1</source>
        <translation>zuletzt ausgewertet: %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>The alert&apos;s rule was not found; this query shows the alert&apos;s own series.</source>
        <translation>Die Regel des Alarms wurde nicht gefunden; diese Abfrage zeigt die eigene Serie des Alarms.</translation>
    </message>
    <message>
        <source>Add a Prometheus data source under File › Data sources… to see its alerts.</source>
        <translation>Fügen Sie unter Datei › Datenquellen… eine Prometheus-Datenquelle hinzu, um ihre Alarme zu sehen.</translation>
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
    <name>firebreak::ui::DeclareDialog</name>
    <message>
        <source>Declare incident</source>
        <translation>Vorfall ausrufen</translation>
    </message>
    <message>
        <source>What is broken, as customers see it</source>
        <translation>Was aus Kundensicht nicht funktioniert</translation>
    </message>
    <message>
        <source>Optional: what is known so far</source>
        <translation>Optional: was bisher bekannt ist</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Commander</source>
        <translation>Einsatzleitung</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Declare</source>
        <translation>Ausrufen</translation>
    </message>
    <message>
        <source>An incident needs a title.</source>
        <translation>Ein Vorfall benötigt einen Titel.</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::EvidencePane</name>
    <message>
        <source>Frozen data…</source>
        <translation>Eingefrorene Daten…</translation>
    </message>
    <message>
        <source>Runs the pinned query again over the pinned range (needs the data source).</source>
        <translation>Führt die angeheftete Abfrage erneut über den angehefteten Zeitraum aus (benötigt die Datenquelle).</translation>
    </message>
    <message>
        <source>The copy of the data taken when it was pinned.</source>
        <translation>Die Kopie der Daten, die beim Anheften erstellt wurde.</translation>
    </message>
    <message>
        <source>Open in Metrics</source>
        <translation>In Metriken öffnen</translation>
    </message>
    <message>
        <source>Open in Logs</source>
        <translation>In Logs öffnen</translation>
    </message>
    <message>
        <source>Open trace</source>
        <translation>Trace öffnen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Frozen data: %1</source>
        <translation>Eingefrorene Daten: %1</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Save frozen data</source>
        <translation>Eingefrorene Daten speichern</translation>
    </message>
    <message>
        <source>JSON (*.json);;Text (*.txt);;All files (*)</source>
        <translation>JSON (*.json);;Text (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::IncidentHeader</name>
    <message>
        <source>Impact began</source>
        <translation>Beginn der Auswirkungen</translation>
    </message>
    <message>
        <source>tags, comma-separated</source>
        <translation>Tags, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Edit the title and press Enter</source>
        <translation>Bearbeiten Sie den Titel und drücken Sie die Eingabetaste</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>noch niemand</translation>
    </message>
    <message>
        <source>What customers experience</source>
        <translation>Was Kunden bemerken</translation>
    </message>
    <message>
        <source>checkout, payments, …</source>
        <translation>checkout, payments, …</translation>
    </message>
    <message>
        <source>Commander</source>
        <translation>Einsatzleitung</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Auswirkungen</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Assign role…</source>
        <translation>Rolle zuweisen…</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Assign a role</source>
        <translation>Rolle zuweisen</translation>
    </message>
    <message>
        <source>empty releases the role</source>
        <translation>leer lassen, um die Rolle freizugeben</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>nobody has a role yet</source>
        <translation>bisher hat niemand eine Rolle</translation>
    </message>
    <message>
        <source>Open for %1 (declared %2)</source>
        <translation>Seit %1 offen (ausgerufen am %2)</translation>
    </message>
    <message>
        <source>Lasted %1 (declared %2)</source>
        <translation>Dauerte %1 (ausgerufen am %2)</translation>
    </message>
    <message>
        <source>From declared — acknowledged %1 · mitigated %2 · resolved %3</source>
        <translation>Ab Ausrufung — bestätigt nach %1 · eingedämmt nach %2 · behoben nach %3</translation>
    </message>
    <message>
        <source>From impact start — declared %1 · mitigated %2 · resolved %3</source>
        <translation>Ab Beginn der Auswirkungen — ausgerufen nach %1 · eingedämmt nach %2 · behoben nach %3</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::IncidentView</name>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Stakeholder updates</source>
        <translation>Stakeholder-Updates</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Maßnahmen</translation>
    </message>
    <message>
        <source>Postmortem</source>
        <translation>Postmortem</translation>
    </message>
    <message>
        <source>title of %1</source>
        <translation>Titel von %1</translation>
    </message>
    <message>
        <source>severity of %1</source>
        <translation>Schweregrad von %1</translation>
    </message>
    <message>
        <source>status of %1</source>
        <translation>Status von %1</translation>
    </message>
    <message>
        <source>commander of %1</source>
        <translation>Einsatzleitung von %1</translation>
    </message>
    <message>
        <source>impact of %1</source>
        <translation>Auswirkungen von %1</translation>
    </message>
    <message>
        <source>services of %1</source>
        <translation>Dienste von %1</translation>
    </message>
    <message>
        <source>tags of %1</source>
        <translation>Tags von %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>impact start of %1</source>
        <translation>Beginn der Auswirkungen von %1</translation>
    </message>
    <message>
        <source>note on %1</source>
        <translation>Notiz zu %1</translation>
    </message>
    <message>
        <source>key event on %1</source>
        <translation>Schlüsselereignis zu %1</translation>
    </message>
    <message>
        <source>correction on %1</source>
        <translation>Korrektur zu %1</translation>
    </message>
    <message>
        <source>action item on %1</source>
        <translation>Maßnahme zu %1</translation>
    </message>
    <message>
        <source>update on %1</source>
        <translation>Update zu %1</translation>
    </message>
    <message>
        <source>postmortem of %1</source>
        <translation>Postmortem von %1</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::IncidentWorkspace</name>
    <message>
        <source>No incident is open</source>
        <translation>Kein Vorfall geöffnet</translation>
    </message>
    <message>
        <source>Search titles, notes, updates…</source>
        <translation>Titel, Notizen, Updates durchsuchen…</translation>
    </message>
    <message>
        <source>Open incidents</source>
        <translation>Offene Vorfälle</translation>
    </message>
    <message>
        <source>All incidents</source>
        <translation>Alle Vorfälle</translation>
    </message>
    <message>
        <source>Declare incident</source>
        <translation>Vorfall ausrufen</translation>
    </message>
    <message>
        <source>Cannot copy the backup %1 to %2.</source>
        <translation>Die Sicherung %1 kann nicht nach %2 kopiert werden.</translation>
    </message>
    <message numerus="yes">
        <source>Not saved yet (%n change(s) waiting, retrying): %1 — %2</source>
        <translation>
            <numerusform>Noch nicht gespeichert (%n Änderung ausstehend, wird erneut versucht): %1 — %2</numerusform>
            <numerusform>Noch nicht gespeichert (%n Änderungen ausstehend, wird erneut versucht): %1 — %2</numerusform>
        </translation>
    </message>
    <message>
        <source>All changes are saved in the journal.</source>
        <translation>Alle Änderungen sind im Journal gespeichert.</translation>
    </message>
    <message>
        <source>Not recorded: %1 — %2</source>
        <translation>Nicht erfasst: %1 — %2</translation>
    </message>
    <message>
        <source>The journal is not open, so no incident can be declared.</source>
        <translation>Das Journal ist nicht geöffnet, daher kann kein Vorfall ausgerufen werden.</translation>
    </message>
    <message>
        <source>declaration of &quot;%1&quot;</source>
        <translation>Ausrufen von „%1“</translation>
    </message>
    <message>
        <source>Severity definitions</source>
        <translation>Definitionen der Schweregrade</translation>
    </message>
    <message>
        <source>What each severity means in your organisation; shown when an incident is declared.</source>
        <translation>Was jeder Schweregrad in Ihrer Organisation bedeutet; wird beim Ausrufen eines Vorfalls angezeigt.</translation>
    </message>
    <message>
        <source>The incident journal cannot be opened</source>
        <translation>Das Vorfalljournal kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>There is no backup of it. You can start a new, empty journal; the file above is kept as it is.</source>
        <translation>Es gibt keine Sicherung davon. Sie können ein neues, leeres Journal beginnen; die oben genannte Datei bleibt unverändert erhalten.</translation>
    </message>
    <message>
        <source>The newest backup is %1. Restoring copies it to a new journal file; the file above is kept as it is.</source>
        <translation>Die neueste Sicherung ist %1. Beim Wiederherstellen wird sie in eine neue Journaldatei kopiert; die oben genannte Datei bleibt unverändert erhalten.</translation>
    </message>
    <message>
        <source>Restore the latest backup</source>
        <translation>Neueste Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Start a new journal</source>
        <translation>Neues Journal beginnen</translation>
    </message>
    <message>
        <source>No incidents yet</source>
        <translation>Noch keine Vorfälle</translation>
    </message>
    <message>
        <source>Declare an incident to start its timeline: severity, commander and roles, notes, stakeholder updates and the postmortem draft are kept in the journal at %1 — on this machine, even with no network.</source>
        <translation>Rufen Sie einen Vorfall aus, um seine Zeitleiste zu beginnen: Schweregrad, Einsatzleitung und Rollen, Notizen, Stakeholder-Updates und der Postmortem-Entwurf werden im Journal unter %1 gespeichert — auf diesem Rechner, auch ohne Netzwerk.</translation>
    </message>
    <message>
        <source>Choose an incident</source>
        <translation>Vorfall auswählen</translation>
    </message>
    <message>
        <source>Pick one from the list, or declare a new one.</source>
        <translation>Wählen Sie einen Vorfall aus der Liste aus oder rufen Sie einen neuen aus.</translation>
    </message>
    <message>
        <source>Declare incident…</source>
        <translation>Vorfall ausrufen…</translation>
    </message>
    <message>
        <source>evidence &quot;%1&quot;</source>
        <translation>Beleg „%1“</translation>
    </message>
    <message>
        <source>The incident was not declared.</source>
        <translation>Der Vorfall wurde nicht ausgerufen.</translation>
    </message>
    <message>
        <source>The journal is not open, so nothing can be pinned.</source>
        <translation>Das Journal ist nicht geöffnet, daher kann nichts angeheftet werden.</translation>
    </message>
    <message>
        <source>The open incidents could not be read: %1</source>
        <translation>Die offenen Vorfälle konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>evidence &quot;%1&quot; on %2</source>
        <translation>Beleg „%1“ zu %2</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::LiveTailController</name>
    <message>
        <source>Live tail needs a Loki source: add one under Data sources.</source>
        <translation>Live-Tail benötigt eine Loki-Quelle: Fügen Sie unter Datenquellen eine hinzu.</translation>
    </message>
    <message>
        <source>The Loki source of this tail is gone.</source>
        <translation>Die Loki-Quelle dieses Live-Tails existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Only log queries can be tailed; a metric query has no lines to follow.</source>
        <translation>Nur Log-Abfragen können live verfolgt werden; eine Metrikabfrage hat keine Zeilen zum Verfolgen.</translation>
    </message>
    <message>
        <source>Paused for longer than the catch-up limit: lines older than %1 were skipped.</source>
        <translation>Länger als das Aufhollimit pausiert: Zeilen, die älter als %1 sind, wurden übersprungen.</translation>
    </message>
    <message numerus="yes">
        <source>Catching up after the pause took more than %n line(s): the rest of the backlog was skipped.</source>
        <translation>
            <numerusform>Das Aufholen nach der Pause umfasste mehr als %n Zeile: Der Rest des Rückstands wurde übersprungen.</numerusform>
            <numerusform>Das Aufholen nach der Pause umfasste mehr als %n Zeilen: Der Rest des Rückstands wurde übersprungen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>firebreak::ui::LogDetailsPane</name>
    <message>
        <source>Copy line</source>
        <translation>Zeile kopieren</translation>
    </message>
    <message>
        <source>Copy as JSON</source>
        <translation>Als JSON kopieren</translation>
    </message>
    <message>
        <source>Show context</source>
        <translation>Kontext anzeigen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>The lines just before and after this one in the same stream, asked from Loki</source>
        <translation>Die Zeilen direkt vor und nach dieser im selben Stream, von Loki abgerufen</translation>
    </message>
    <message>
        <source>Select a line to see its labels, fields and context.</source>
        <translation>Wählen Sie eine Zeile aus, um ihre Labels, Felder und ihren Kontext zu sehen.</translation>
    </message>
    <message>
        <source>Stream labels</source>
        <translation>Stream-Labels</translation>
    </message>
    <message>
        <source>Structured metadata</source>
        <translation>Strukturierte Metadaten</translation>
    </message>
    <message>
        <source>Parsed labels</source>
        <translation>Geparste Labels</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>Trace: %1</source>
        <translation>Trace: %1</translation>
    </message>
    <message>
        <source>Asking %1 for the lines around this one in %2…</source>
        <translation>Zeilen um diese herum in %2 werden von %1 abgerufen…</translation>
    </message>
    <message>
        <source>The context could not be loaded: %1</source>
        <translation>Der Kontext konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%L1 lines of the stream around this time (the line itself was not found again).</source>
        <translation>%L1 Zeilen des Streams um diesen Zeitpunkt (die Zeile selbst wurde nicht wiedergefunden).</translation>
    </message>
    <message>
        <source>%L1 lines before and %L2 after, in %3.</source>
        <translation>%L1 Zeilen davor und %L2 danach, in %3.</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::LogLineDelegate</name>
    <message>
        <source>Open trace %1</source>
        <translation>Trace %1 öffnen</translation>
    </message>
    <message>
        <source>%1 (%2 ns)
Level: %3
%4</source>
        <translation>%1 (%2 ns)
Stufe: %3
%4</translation>
    </message>
    <message>
        <source>Stands for %L1 lines (deduplicated)</source>
        <translation>Steht für %L1 Zeilen (dedupliziert)</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::LogVolumeHistogram</name>
    <message>
        <source>Log volume</source>
        <translation>Log-Volumen</translation>
    </message>
    <message>
        <source>Lines over time by level; drag across it to zoom into that time</source>
        <translation>Zeilen im Zeitverlauf nach Stufe; zum Zoomen auf diesen Zeitraum darüber ziehen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Estimated from loaded lines</source>
        <translation>Aus geladenen Zeilen geschätzt</translation>
    </message>
    <message>
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <source>No volume to show</source>
        <translation>Kein Volumen anzuzeigen</translation>
    </message>
    <message>
        <source>max %1</source>
        <translation>max. %1</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::LogVolumeLoader</name>
    <message>
        <source>no Loki source is set up</source>
        <translation>keine Loki-Quelle eingerichtet</translation>
    </message>
    <message>
        <source>the Loki source is gone</source>
        <translation>die Loki-Quelle existiert nicht mehr</translation>
    </message>
    <message>
        <source>only a log query&apos;s lines can be counted</source>
        <translation>nur die Zeilen einer Log-Abfrage können gezählt werden</translation>
    </message>
    <message>
        <source>Loki answered the count with a %1, not a matrix</source>
        <translation>Loki hat die Zählung mit einem Ergebnis vom Typ %1 beantwortet, nicht mit einer Matrix</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::LogsWorkspace</name>
    <message>
        <source>No Loki data source</source>
        <translation>Keine Loki-Datenquelle</translation>
    </message>
    <message>
        <source>Log streams come from Grafana Loki. Add the address of your Loki server; Firebreak checks that it answers before saving.</source>
        <translation>Log-Streams kommen aus Grafana Loki. Fügen Sie die Adresse Ihres Loki-Servers hinzu; Firebreak prüft vor dem Speichern, ob er antwortet.</translation>
    </message>
    <message>
        <source>The Loki data source to ask</source>
        <translation>Die abzufragende Loki-Datenquelle</translation>
    </message>
    <message>
        <source>LogQL, e.g. {service=&quot;checkout&quot;} |= &quot;error&quot;  (Ctrl+Enter runs)</source>
        <translation>LogQL, z. B. {service=&quot;checkout&quot;} |= &quot;error&quot;  (Strg+Eingabe führt aus)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Run the query over the shared time range (Ctrl+Enter)</source>
        <translation>Die Abfrage über den gemeinsamen Zeitraum ausführen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Limit </source>
        <translation>Limit </translation>
    </message>
    <message>
        <source>Lines to fetch; more than Loki&apos;s per-query limit are fetched page by page</source>
        <translation>Abzurufende Zeilen; mehr als das Loki-Limit pro Abfrage werden seitenweise abgerufen</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Neueste zuerst</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Älteste zuerst</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Live tail: poll Loki for new lines of the query, newest at the bottom</source>
        <translation>Live-Tail: Loki regelmäßig nach neuen Zeilen der Abfrage fragen, neueste unten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause / resume the live tail</source>
        <translation>Live-Tail anhalten / fortsetzen</translation>
    </message>
    <message>
        <source>Load older</source>
        <translation>Ältere laden</translation>
    </message>
    <message>
        <source>Load newer</source>
        <translation>Neuere laden</translation>
    </message>
    <message>
        <source>Filter loaded lines</source>
        <translation>Geladene Zeilen filtern</translation>
    </message>
    <message>
        <source>Regular expression (RE2, as Loki&apos;s |~)</source>
        <translation>Regulärer Ausdruck (RE2, wie |~ in Loki)</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Show lines of level %1</source>
        <translation>Zeilen der Stufe %1 anzeigen</translation>
    </message>
    <message>
        <source>No dedup</source>
        <translation>Keine Deduplizierung</translation>
    </message>
    <message>
        <source>Dedup exact</source>
        <translation>Exakt deduplizieren</translation>
    </message>
    <message>
        <source>Dedup numbers/ids</source>
        <translation>Zahlen/IDs deduplizieren</translation>
    </message>
    <message>
        <source>Show repeated lines once with a count: identical lines, or lines that differ only in numbers, ids, addresses and durations</source>
        <translation>Wiederholte Zeilen einmal mit Anzahl anzeigen: identische Zeilen oder Zeilen, die sich nur in Zahlen, IDs, Adressen und Dauern unterscheiden</translation>
    </message>
    <message>
        <source>Wrap</source>
        <translation>Umbruch</translation>
    </message>
    <message>
        <source>Wrap long lines</source>
        <translation>Lange Zeilen umbrechen</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Show each line&apos;s stream labels</source>
        <translation>Stream-Labels jeder Zeile anzeigen</translation>
    </message>
    <message>
        <source>µs</source>
        <translation>µs</translation>
    </message>
    <message>
        <source>Show times to the microsecond</source>
        <translation>Zeiten auf die Mikrosekunde genau anzeigen</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <source>Pin the selected lines to the incident as evidence</source>
        <translation>Die ausgewählten Zeilen als Beleg an den Vorfall anheften</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Patterns</source>
        <translation>Muster</translation>
    </message>
    <message>
        <source>Copy selected lines</source>
        <translation>Ausgewählte Zeilen kopieren</translation>
    </message>
    <message>
        <source>Pin selected lines to the incident</source>
        <translation>Ausgewählte Zeilen an den Vorfall anheften</translation>
    </message>
    <message>
        <source>Show context</source>
        <translation>Kontext anzeigen</translation>
    </message>
    <message>
        <source>Pattern: %1  ✕</source>
        <translation>Muster: %1  ✕</translation>
    </message>
    <message>
        <source>Only lines of the pattern %1; click to show all patterns again</source>
        <translation>Nur Zeilen des Musters %1; klicken, um wieder alle Muster anzuzeigen</translation>
    </message>
    <message>
        <source>The query is empty: write a LogQL stream selector such as {service=&quot;checkout&quot;}.</source>
        <translation>Die Abfrage ist leer: Schreiben Sie einen LogQL-Stream-Selektor wie {service=&quot;checkout&quot;}.</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>Abfrage an %1…</translation>
    </message>
    <message>
        <source>This is a metric query (its answer is a %1, not log lines): run it in the Metrics workspace, or remove the aggregation to see the lines.</source>
        <translation>Dies ist eine Metrikabfrage (ihr Ergebnis ist vom Typ %1, keine Logzeilen): Führen Sie sie im Arbeitsbereich Metriken aus oder entfernen Sie die Aggregation, um die Zeilen zu sehen.</translation>
    </message>
    <message>
        <source>Asking %1 for older lines…</source>
        <translation>Ältere Zeilen werden von %1 abgerufen…</translation>
    </message>
    <message>
        <source>Asking %1 for newer lines…</source>
        <translation>Neuere Zeilen werden von %1 abgerufen…</translation>
    </message>
    <message>
        <source>older and newer lines exist</source>
        <translation>ältere und neuere Zeilen vorhanden</translation>
    </message>
    <message>
        <source>older lines exist</source>
        <translation>ältere Zeilen vorhanden</translation>
    </message>
    <message>
        <source>newer lines exist</source>
        <translation>neuere Zeilen vorhanden</translation>
    </message>
    <message>
        <source>Loki&apos;s limit cut the result: showing %L1 lines from %2 to %3; %4.</source>
        <translation>Das Loki-Limit hat das Ergebnis gekürzt: %L1 Zeilen von %2 bis %3 werden angezeigt; %4.</translation>
    </message>
    <message>
        <source>%L1 lines</source>
        <translation>%L1 Zeilen</translation>
    </message>
    <message>
        <source>%L1 lines, %L2 shown</source>
        <translation>%L1 Zeilen, %L2 angezeigt</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s), %1 ms</source>
        <translation>
            <numerusform>%n Anfrage, %1 ms</numerusform>
            <numerusform>%n Anfragen, %1 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>levels %1 ms</source>
        <translation>Stufen %1 ms</translation>
    </message>
    <message>
        <source>filter %1 ms</source>
        <translation>Filter %1 ms</translation>
    </message>
    <message>
        <source>dedup %1 ms</source>
        <translation>Dedup %1 ms</translation>
    </message>
    <message>
        <source>filter error: %1</source>
        <translation>Filterfehler: %1</translation>
    </message>
    <message>
        <source>working…</source>
        <translation>wird verarbeitet…</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>%1 lines/s</source>
        <translation>%1 Zeilen/s</translation>
    </message>
    <message>
        <source>%L1 dropped (bound %L2)</source>
        <translation>%L1 verworfen (Grenze %L2)</translation>
    </message>
    <message>
        <source>following</source>
        <translation>folgt</translation>
    </message>
    <message>
        <source>scrolled up: scroll to the bottom to follow</source>
        <translation>hochgescrollt: zum Folgen ans Ende scrollen</translation>
    </message>
    <message>
        <source>Live tail needs a query: write a LogQL stream selector first.</source>
        <translation>Live-Tail benötigt eine Abfrage: Schreiben Sie zuerst einen LogQL-Stream-Selektor.</translation>
    </message>
    <message numerus="yes">
        <source>%n log line(s): %1</source>
        <translation>
            <numerusform>%n Logzeile: %1</numerusform>
            <numerusform>%n Logzeilen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>loaded lines</source>
        <translation>geladene Zeilen</translation>
    </message>
    <message>
        <source>Add Loki data source…</source>
        <translation>Loki-Datenquelle hinzufügen…</translation>
    </message>
    <message>
        <source>No Loki data source is configured: add one under File › Data sources….</source>
        <translation>Keine Loki-Datenquelle eingerichtet: Fügen Sie unter Datei › Datenquellen… eine hinzu.</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::LokiCompletionSource</name>
    <message>
        <source>stream label</source>
        <translation>Stream-Label</translation>
    </message>
    <message>
        <source>parsed field</source>
        <translation>geparstes Feld</translation>
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
    <message>
        <source>Journal backed up to %1</source>
        <translation>Journal nach %1 gesichert</translation>
    </message>
    <message>
        <source>Journal backup failed: %1</source>
        <translation>Sicherung des Journals fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&amp;Incident</source>
        <translation>&amp;Vorfall</translation>
    </message>
    <message>
        <source>&amp;Declare incident…</source>
        <translation>&amp;Vorfall ausrufen…</translation>
    </message>
    <message>
        <source>&amp;Severity definitions…</source>
        <translation>&amp;Definitionen der Schweregrade…</translation>
    </message>
    <message>
        <source>&amp;Back up the journal now</source>
        <translation>&amp;Journal jetzt sichern</translation>
    </message>
    <message>
        <source>Unsaved postmortem draft</source>
        <translation>Nicht gespeicherter Postmortem-Entwurf</translation>
    </message>
    <message numerus="yes">
        <source>%n postmortem draft(s) have changes that are not saved in the journal. Close anyway and lose them?</source>
        <translation>
            <numerusform>%n Postmortem-Entwurf hat Änderungen, die nicht im Journal gespeichert sind. Trotzdem schließen und sie verwerfen?</numerusform>
            <numerusform>%n Postmortem-Entwürfe haben Änderungen, die nicht im Journal gespeichert sind. Trotzdem schließen und sie verwerfen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes not saved yet</source>
        <translation>Änderungen noch nicht gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to the incident journal could not be saved yet and are being retried. Firebreak tries once more while it closes and writes anything that still fails to its log.

Close anyway?</source>
        <translation>
            <numerusform>%n Änderung am Vorfall-Journal konnte noch nicht gespeichert werden und wird erneut versucht. Firebreak versucht es beim Schließen ein letztes Mal und schreibt alles, was dann noch fehlschlägt, in sein Log.

Trotzdem schließen?</numerusform>
            <numerusform>%n Änderungen am Vorfall-Journal konnten noch nicht gespeichert werden und werden erneut versucht. Firebreak versucht es beim Schließen ein letztes Mal und schreibt alles, was dann noch fehlschlägt, in sein Log.

Trotzdem schließen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Open &amp;trace…</source>
        <translation>&amp;Trace öffnen…</translation>
    </message>
    <message>
        <source>Open trace</source>
        <translation>Trace öffnen</translation>
    </message>
    <message>
        <source>Traces (*.pb *.json *.bin *.proto);;All files (*)</source>
        <translation>Traces (*.pb *.json *.bin *.proto);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>SLOs</source>
        <translation>SLOs</translation>
    </message>
    <message>
        <source>Pinned &quot;%1&quot; to %2</source>
        <translation>„%1“ an %2 angeheftet</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::MetricsChartView</name>
    <message>
        <source>Exemplars</source>
        <translation>Exemplare</translation>
    </message>
    <message>
        <source>Click: hide or show. Ctrl+click: show only this one (again: show all).</source>
        <translation>Klick: aus- oder einblenden. Strg+Klick: nur diese anzeigen (erneut: alle anzeigen).</translation>
    </message>
    <message>
        <source>Exemplar</source>
        <translation>Exemplar</translation>
    </message>
    <message>
        <source>Trace %1 — click to open</source>
        <translation>Trace %1 — zum Öffnen klicken</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiteres</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>No data at this time</source>
        <translation>Keine Daten zu diesem Zeitpunkt</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::MetricsQueryRow</name>
    <message>
        <source>PromQL, e.g. sum by (service) (rate(http_requests_total[5m]))  — Ctrl+Enter runs</source>
        <translation>PromQL, z. B. sum by (service) (rate(http_requests_total[5m]))  — Strg+Eingabe führt aus</translation>
    </message>
    <message>
        <source>Legend: {{label}}</source>
        <translation>Legende: {{label}}</translation>
    </message>
    <message>
        <source>How each series is named: {{label}} is replaced by the label&apos;s value; empty shows all labels</source>
        <translation>Benennung jeder Serie: {{label}} wird durch den Wert des Labels ersetzt; leer zeigt alle Labels</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Hide this query: it is not run and not shown</source>
        <translation>Diese Abfrage ausblenden: Sie wird weder ausgeführt noch angezeigt</translation>
    </message>
    <message>
        <source>Remove this query</source>
        <translation>Diese Abfrage entfernen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Einblenden</translation>
    </message>
    <message>
        <source>Hidden: not run, not shown.</source>
        <translation>Ausgeblendet: nicht ausgeführt, nicht angezeigt.</translation>
    </message>
    <message>
        <source>The query failed.</source>
        <translation>Die Abfrage ist fehlgeschlagen.</translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n Serie</numerusform>
            <numerusform>%n Serien</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 Punkte</translation>
    </message>
    <message>
        <source>instant</source>
        <translation>Instant</translation>
    </message>
    <message>
        <source>A string: %1</source>
        <translation>Eine Zeichenkette: %1</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Wird ausgeführt…</translation>
    </message>
    <message numerus="yes">
        <source>%n exemplars</source>
        <translation>
            <numerusform>%n Exemplar</numerusform>
            <numerusform>%n Exemplare</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Exemplars: %1</source>
        <translation>Exemplare: %1</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::MetricsTableModel</name>
    <message>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::MetricsWorkspace</name>
    <message>
        <source>Instant</source>
        <translation>Instant</translation>
    </message>
    <message>
        <source>Log Y</source>
        <translation>Y logarithmisch</translation>
    </message>
    <message>
        <source>Y from 0</source>
        <translation>Y ab 0</translation>
    </message>
    <message>
        <source>Exemplars</source>
        <translation>Exemplare</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Pin to incident</source>
        <translation>An Vorfall anheften</translation>
    </message>
    <message>
        <source>The Prometheus (or compatible) data source the queries go to</source>
        <translation>Die Prometheus-Datenquelle (oder kompatible Quelle), an die die Abfragen gehen</translation>
    </message>
    <message>
        <source>Ask for the value at the end of the range only (an instant query)</source>
        <translation>Nur den Wert am Ende des Zeitraums abfragen (eine Instant-Abfrage)</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Linien</translation>
    </message>
    <message>
        <source>Stacked area</source>
        <translation>Gestapelte Fläche</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Schwellenwerte</translation>
    </message>
    <message>
        <source>Thresholds: values to draw as horizontal lines, separated by commas, in the series&apos; own unit (0.25 for 250 ms)</source>
        <translation>Schwellenwerte: als horizontale Linien zu zeichnende Werte, durch Kommas getrennt, in der Einheit der Serie (0.25 für 250 ms)</translation>
    </message>
    <message>
        <source>Markers for the exemplars of the range; a click opens the trace</source>
        <translation>Markierungen für die Exemplare des Zeitraums; ein Klick öffnet den Trace</translation>
    </message>
    <message>
        <source>Run all queries (Ctrl+Enter in a query)</source>
        <translation>Alle Abfragen ausführen (Strg+Eingabe in einer Abfrage)</translation>
    </message>
    <message>
        <source>Add this chart — queries, range, picture and data points — to an incident&apos;s timeline</source>
        <translation>Dieses Diagramm — Abfragen, Zeitraum, Bild und Datenpunkte — zur Zeitleiste eines Vorfalls hinzufügen</translation>
    </message>
    <message>
        <source>+ Query</source>
        <translation>+ Abfrage</translation>
    </message>
    <message>
        <source>Add a query to this chart</source>
        <translation>Diesem Diagramm eine Abfrage hinzufügen</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Raw samples</source>
        <translation>Rohe Messwerte</translation>
    </message>
    <message>
        <source>One row per series (the instant value or the last sample), or one per sample</source>
        <translation>Eine Zeile pro Serie (der Instant-Wert oder der letzte Messwert) oder eine pro Messwert</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>No Prometheus data source</source>
        <translation>Keine Prometheus-Datenquelle</translation>
    </message>
    <message>
        <source>Metric charts come from Prometheus (or Thanos, Mimir, VictoriaMetrics).</source>
        <translation>Metrikdiagramme kommen aus Prometheus (oder Thanos, Mimir, VictoriaMetrics).</translation>
    </message>
    <message>
        <source>Add the address of your Prometheus server; Firebreak checks that it answers before saving.</source>
        <translation>Fügen Sie die Adresse Ihres Prometheus-Servers hinzu; Firebreak prüft vor dem Speichern, ob er antwortet.</translation>
    </message>
    <message>
        <source>Add Prometheus data source…</source>
        <translation>Prometheus-Datenquelle hinzufügen…</translation>
    </message>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n Serie</numerusform>
            <numerusform>%n Serien</numerusform>
        </translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 Punkte</translation>
    </message>
    <message>
        <source>Metrics: %1</source>
        <translation>Metriken: %1</translation>
    </message>
    <message>
        <source>Metrics chart</source>
        <translation>Metrikdiagramm</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::PatternsView</name>
    <message>
        <source>Click a pattern to show only its lines</source>
        <translation>Klicken Sie auf ein Muster, um nur seine Zeilen anzuzeigen</translation>
    </message>
    <message>
        <source>Patterns first seen at or after this moment are marked new</source>
        <translation>Muster, die zu oder nach diesem Zeitpunkt zuerst auftraten, werden als neu markiert</translation>
    </message>
    <message>
        <source>Most lines first</source>
        <translation>Meiste Zeilen zuerst</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Neueste zuerst</translation>
    </message>
    <message>
        <source>New since</source>
        <translation>Neu seit</translation>
    </message>
    <message numerus="yes">
        <source>%n pattern(s) in %1 lines</source>
        <translation>
            <numerusform>%n Muster in %1 Zeilen</numerusform>
            <numerusform>%n Muster in %1 Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n new</source>
        <translation>
            <numerusform>, %n neu</numerusform>
            <numerusform>, %n neu</numerusform>
        </translation>
    </message>
    <message>
        <source>mining…</source>
        <translation>wird analysiert…</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::PinEvidenceDialog</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Pin to incident</source>
        <translation>An Vorfall anheften</translation>
    </message>
    <message>
        <source>There is no open incident to pin this to. Declare one first (Incident › Declare).</source>
        <translation>Es gibt keinen offenen Vorfall, an den dies angeheftet werden kann. Rufen Sie zuerst einen aus (Vorfall › Vorfall ausrufen).</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Vorfall</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Frozen data</source>
        <translation>Eingefrorene Daten</translation>
    </message>
    <message>
        <source>%1 kept in the journal, readable after the server&apos;s retention has passed</source>
        <translation>%1 im Journal aufbewahrt, auch nach Ablauf der Aufbewahrungsfrist des Servers lesbar</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <source>Give the evidence a title.</source>
        <translation>Geben Sie dem Beleg einen Titel.</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::PostmortemPanel</name>
    <message>
        <source>Save draft</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <source>Regenerate from journal</source>
        <translation>Aus dem Journal neu erzeugen</translation>
    </message>
    <message>
        <source>Replace the draft with one generated from the timeline, key events, updates and action items</source>
        <translation>Ersetzt den Entwurf durch einen neuen, erzeugt aus Zeitleiste, Schlüsselereignissen, Updates und Maßnahmen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Regenerate the postmortem?</source>
        <translation>Postmortem neu erzeugen?</translation>
    </message>
    <message>
        <source>Your unsaved edits will be replaced by a draft generated from the journal.</source>
        <translation>Ihre nicht gespeicherten Änderungen werden durch einen aus dem Journal erzeugten Entwurf ersetzt.</translation>
    </message>
    <message>
        <source>Export postmortem</source>
        <translation>Postmortem exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md);;HTML (*.html);;PDF (*.pdf)</source>
        <translation>Markdown (*.md);;HTML (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Generated from the journal; not saved as a draft yet</source>
        <translation>Aus dem Journal erzeugt; noch nicht als Entwurf gespeichert</translation>
    </message>
    <message>
        <source>Saved in the journal</source>
        <translation>Im Journal gespeichert</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
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
    <message>
        <source>Requests sent to this source at the same time; further ones wait their turn, so a busy dashboard cannot overload a struggling backend.</source>
        <translation>Anfragen, die gleichzeitig an diese Quelle gesendet werden; weitere warten, bis sie an der Reihe sind, damit ein ausgelastetes Dashboard ein angeschlagenes Backend nicht überlastet.</translation>
    </message>
    <message>
        <source>Parallel requests</source>
        <translation>Parallele Anfragen</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::PrometheusCompletionSource</name>
    <message>
        <source>No answer.</source>
        <translation>Keine Antwort.</translation>
    </message>
    <message>
        <source>metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>label</source>
        <translation>Label</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::QueryCompletionSource</name>
    <message>
        <source>function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>parser</source>
        <translation>Parser</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>Stufe</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::QueryEditor</name>
    <message>
        <source>PromQL, e.g. rate(http_requests_total[5m]) — Ctrl+Enter runs, Ctrl+Space completes</source>
        <translation>PromQL, z. B. rate(http_requests_total[5m]) — Strg+Eingabe führt aus, Strg+Leertaste vervollständigt</translation>
    </message>
    <message>
        <source>LogQL, e.g. {app=&quot;checkout&quot;} |= &quot;error&quot; — Ctrl+Enter runs, Ctrl+Space completes</source>
        <translation>LogQL, z. B. {app=&quot;checkout&quot;} |= &quot;error&quot; — Strg+Eingabe führt aus, Strg+Leertaste vervollständigt</translation>
    </message>
    <message>
        <source>function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>Stufe</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::QueryHistoryButton</name>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Queries run before (starred first)</source>
        <translation>Bisher ausgeführte Abfragen (mit Stern markierte zuerst)</translation>
    </message>
    <message>
        <source>Search queries</source>
        <translation>Abfragen durchsuchen</translation>
    </message>
    <message>
        <source>Starred: click to unstar</source>
        <translation>Mit Stern markiert: klicken, um den Stern zu entfernen</translation>
    </message>
    <message>
        <source>Click to star</source>
        <translation>Klicken, um mit Stern zu markieren</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s), last %1</source>
        <translation>
            <numerusform>%n Ausführung, zuletzt %1</numerusform>
            <numerusform>%n Ausführungen, zuletzt %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The query history cannot be read: %1</source>
        <translation>Der Abfrageverlauf kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No queries run yet.</source>
        <translation>Noch keine Abfragen ausgeführt.</translation>
    </message>
    <message>
        <source>No query contains “%1”.</source>
        <translation>Keine Abfrage enthält „%1“.</translation>
    </message>
    <message>
        <source>Click a query to use it; click ☆ to keep it at the top.</source>
        <translation>Klicken Sie auf eine Abfrage, um sie zu verwenden; klicken Sie auf ☆, um sie oben zu halten.</translation>
    </message>
    <message>
        <source>The star cannot be saved: %1</source>
        <translation>Der Stern kann nicht gespeichert werden: %1</translation>
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
    <message>
        <source>Copies of the incident journal made at start and every 15 minutes while an incident is open</source>
        <translation>Kopien des Vorfalljournals, die beim Start und alle 15 Minuten angelegt werden, solange ein Vorfall offen ist</translation>
    </message>
    <message>
        <source>Journal backups to keep</source>
        <translation>Aufzubewahrende Journalsicherungen</translation>
    </message>
    <message>
        <source>Built in: W3C trace ids and trace_id= / traceID= values</source>
        <translation>Integriert: W3C-Trace-IDs und Werte von trace_id= / traceID=</translation>
    </message>
    <message>
        <source>A regular expression that finds trace ids in log lines (they become links to the Traces workspace). The first capture group is the id, or the whole match without one; ids must be 16 or 32 hex digits. Empty: the built-in pattern.</source>
        <translation>Ein regulärer Ausdruck, der Trace-IDs in Logzeilen findet (sie werden zu Links in den Arbeitsbereich Traces). Die erste Capture-Gruppe ist die ID, ohne Gruppe der gesamte Treffer; IDs müssen 16 oder 32 Hexadezimalziffern lang sein. Leer: das integrierte Muster.</translation>
    </message>
    <message>
        <source>Trace ids in log lines</source>
        <translation>Trace-IDs in Logzeilen</translation>
    </message>
    <message>
        <source>The trace-id pattern is not a valid regular expression: %1</source>
        <translation>Das Trace-ID-Muster ist kein gültiger regulärer Ausdruck: %1</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::SloDialog</name>
    <message>
        <source>Good and total events</source>
        <translation>Gute und alle Ereignisse</translation>
    </message>
    <message>
        <source>Error ratio</source>
        <translation>Fehlerquote</translation>
    </message>
    <message>
        <source>http_requests_total{job=&quot;api&quot;, code!~&quot;5..&quot;}</source>
        <translation>http_requests_total{job=&quot;api&quot;, code!~&quot;5..&quot;}</translation>
    </message>
    <message>
        <source>http_requests_total{job=&quot;api&quot;}</source>
        <translation>http_requests_total{job=&quot;api&quot;}</translation>
    </message>
    <message>
        <source>sum(rate(http_requests_total{code=~&quot;5..&quot;}[$__window])) / sum(rate(http_requests_total[$__window]))</source>
        <translation>sum(rate(http_requests_total{code=~&quot;5..&quot;}[$__window])) / sum(rate(http_requests_total[$__window]))</translation>
    </message>
    <message>
        <source>Good events</source>
        <translation>Gute Ereignisse</translation>
    </message>
    <message>
        <source>Total events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Service level objective</source>
        <translation>Service Level Objective</translation>
    </message>
    <message>
        <source>Checkout availability</source>
        <translation>Verfügbarkeit Checkout</translation>
    </message>
    <message>
        <source>checkout</source>
        <translation>checkout</translation>
    </message>
    <message>
        <source>A counter selector (its rate is summed over each window), or an expression with %1 where the window goes.</source>
        <translation>Ein Counter-Selektor (seine Rate wird über jedes Zeitfenster summiert) oder ein Ausdruck mit %1 an der Stelle des Zeitfensters.</translation>
    </message>
    <message>
        <source>The fraction of bad events (0 to 1); write %1 where the window goes.</source>
        <translation>Der Anteil schlechter Ereignisse (0 bis 1); schreiben Sie %1 an die Stelle des Zeitfensters.</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>28 days</source>
        <translation>28 Tage</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>e.g. 14d, 90d, 12h</source>
        <translation>z. B. 14d, 90d, 12h</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>SLI</source>
        <translation>SLI</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Zeitfenster</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>The custom window “%1” is not a duration such as 14d or 12h.</source>
        <translation>Das benutzerdefinierte Zeitfenster „%1“ ist keine Dauer wie 14d oder 12h.</translation>
    </message>
    <message>
        <source>Choose the error-ratio form to use an error-ratio query.</source>
        <translation>Wählen Sie die Fehlerquoten-Form, um eine Fehlerquoten-Abfrage zu verwenden.</translation>
    </message>
    <message>
        <source>Error budget: %1 of the events, %2 of the window&apos;s time</source>
        <translation>Fehlerbudget: %1 der Ereignisse, %2 der Zeit des Zeitfensters</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::SloPanel</name>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Export rules…</source>
        <translation>Regeln exportieren…</translation>
    </message>
    <message>
        <source>Copy rules</source>
        <translation>Regeln kopieren</translation>
    </message>
    <message>
        <source>Save the SLO&apos;s Prometheus recording and alerting rules as a YAML file</source>
        <translation>Die Prometheus-Recording- und -Alerting-Regeln des SLO als YAML-Datei speichern</translation>
    </message>
    <message>
        <source>Copy the SLO&apos;s Prometheus rules (YAML) to the clipboard</source>
        <translation>Die Prometheus-Regeln des SLO (YAML) in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Long window</source>
        <translation>Langes Fenster</translation>
    </message>
    <message>
        <source>Short window</source>
        <translation>Kurzes Fenster</translation>
    </message>
    <message>
        <source>Burn rate over</source>
        <translation>Burn-Rate über</translation>
    </message>
    <message>
        <source>Long burn</source>
        <translation>Burn-Rate lang</translation>
    </message>
    <message>
        <source>Short burn</source>
        <translation>Burn-Rate kurz</translation>
    </message>
    <message>
        <source>Budget used when it fires</source>
        <translation>Verbrauchtes Budget beim Auslösen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Multi-window multi-burn-rate alerts (Google SRE workbook): a row fires when both its windows burn the error budget faster than its rate</source>
        <translation>Multi-Window-Multi-Burn-Rate-Alarme (Google SRE Workbook): Eine Zeile löst aus, wenn beide Fenster das Fehlerbudget schneller als mit ihrer Rate verbrauchen</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>SLI</source>
        <translation>SLI</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>SLI over the shown range</source>
        <translation>SLI über den angezeigten Zeitraum</translation>
    </message>
    <message>
        <source>Error budget remaining</source>
        <translation>Verbleibendes Fehlerbudget</translation>
    </message>
    <message>
        <source>Burn rate (last hour)</source>
        <translation>Burn-Rate (letzte Stunde)</translation>
    </message>
    <message>
        <source>Budget lasts at this rate</source>
        <translation>Budget reicht bei dieser Rate noch</translation>
    </message>
    <message>
        <source>No SLOs yet</source>
        <translation>Noch keine SLOs</translation>
    </message>
    <message>
        <source>Define a service level objective — good and total events, or an error ratio, with an objective such as 99.9 % over 30 days — to see its error budget and burn rates.</source>
        <translation>Definieren Sie ein Service Level Objective — gute und alle Ereignisse oder eine Fehlerquote, mit einem Ziel wie 99,9 % über 30 Tage —, um sein Fehlerbudget und seine Burn-Raten zu sehen.</translation>
    </message>
    <message>
        <source>Define an SLO…</source>
        <translation>SLO definieren…</translation>
    </message>
    <message>
        <source>Rules copied to the clipboard.</source>
        <translation>Regeln in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>The SLOs could not be read from the journal: %1</source>
        <translation>Die SLOs konnten nicht aus dem Journal gelesen werden: %1</translation>
    </message>
    <message>
        <source>The SLO could not be saved: %1</source>
        <translation>Das SLO konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The SLO could not be deleted: %1</source>
        <translation>Das SLO konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>%1 over %2</source>
        <translation>%1 über %2</translation>
    </message>
    <message>
        <source>error ratio = %1</source>
        <translation>Fehlerquote = %1</translation>
    </message>
    <message>
        <source>good = %1
total = %2</source>
        <translation>gut = %1
gesamt = %2</translation>
    </message>
    <message>
        <source>Delete SLO</source>
        <translation>SLO löschen</translation>
    </message>
    <message>
        <source>Delete the SLO “%1”?</source>
        <translation>Das SLO „%1“ löschen?</translation>
    </message>
    <message>
        <source>No SLO is selected.</source>
        <translation>Es ist kein SLO ausgewählt.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export Prometheus rules</source>
        <translation>Prometheus-Regeln exportieren</translation>
    </message>
    <message>
        <source>Prometheus rules (*.yml *.yaml);;All files (*)</source>
        <translation>Prometheus-Regeln (*.yml *.yaml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Rules saved to %1 and copied to the clipboard.</source>
        <translation>Regeln in %1 gespeichert und in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>This SLO cannot be measured: %1</source>
        <translation>Dieses SLO kann nicht gemessen werden: %1</translation>
    </message>
    <message>
        <source>Measuring on %1…</source>
        <translation>Messung auf %1…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>error ratio over %1</source>
        <translation>Fehlerquote über %1</translation>
    </message>
    <message>
        <source>SLI over the range</source>
        <translation>SLI über den Zeitraum</translation>
    </message>
    <message>
        <source>SLI over time</source>
        <translation>SLI im Zeitverlauf</translation>
    </message>
    <message>
        <source>Good events over all events from %1 to %2</source>
        <translation>Gute Ereignisse im Verhältnis zu allen Ereignissen von %1 bis %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>not burning</source>
        <translation>kein Verbrauch</translation>
    </message>
    <message>
        <source>exhausted</source>
        <translation>aufgebraucht</translation>
    </message>
    <message>
        <source>Error ratio %1 over %2</source>
        <translation>Fehlerquote %1 über %2</translation>
    </message>
    <message>
        <source>Firing</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Measured at %1</source>
        <translation>Gemessen: %1</translation>
    </message>
    <message>
        <source>Some measurements failed: %1</source>
        <translation>Einige Messungen sind fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No Prometheus data source: add one under File › Data sources… to measure SLOs.</source>
        <translation>Keine Prometheus-Datenquelle: Fügen Sie unter Datei › Datenquellen… eine hinzu, um SLOs zu messen.</translation>
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
    <name>firebreak::ui::SpanDetailsPane</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Unset</source>
        <translation>Nicht gesetzt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>unspecified</source>
        <translation>unspecified</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>internal</translation>
    </message>
    <message>
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <source>client</source>
        <translation>client</translation>
    </message>
    <message>
        <source>producer</source>
        <translation>producer</translation>
    </message>
    <message>
        <source>consumer</source>
        <translation>consumer</translation>
    </message>
    <message>
        <source>Select a span to see its attributes, events and links.</source>
        <translation>Wählen Sie einen Span aus, um seine Attribute, Ereignisse und Links zu sehen.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message>
        <source>Span ID</source>
        <translation>Span-ID</translation>
    </message>
    <message>
        <source>Parent ID</source>
        <translation>Parent-ID</translation>
    </message>
    <message>
        <source>Trace ID</source>
        <translation>Trace-ID</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Self time</source>
        <translation>Eigenzeit</translation>
    </message>
    <message>
        <source>Filter attributes, events, links…</source>
        <translation>Attribute, Ereignisse, Links filtern…</translation>
    </message>
    <message>
        <source>Copy as JSON</source>
        <translation>Als JSON kopieren</translation>
    </message>
    <message>
        <source>Copy the span with all its attributes, events and links as JSON</source>
        <translation>Den Span mit allen Attributen, Ereignissen und Links als JSON kopieren</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <source>Copy key=value</source>
        <translation>Schlüssel=Wert kopieren</translation>
    </message>
    <message>
        <source>Copy all as JSON</source>
        <translation>Alles als JSON kopieren</translation>
    </message>
    <message>
        <source>none (root span)</source>
        <translation>keine (Root-Span)</translation>
    </message>
    <message>
        <source>%1 (not in this trace)</source>
        <translation>%1 (nicht in diesem Trace)</translation>
    </message>
    <message>
        <source>%1 (%2 into the trace)</source>
        <translation>%1 (%2 nach Trace-Beginn)</translation>
    </message>
    <message>
        <source>%1 (%2 % of the span)</source>
        <translation>%1 (%2 % des Spans)</translation>
    </message>
    <message>
        <source>On the critical path: %1 of its %2</source>
        <translation>Auf dem kritischen Pfad: %1 von insgesamt %2</translation>
    </message>
    <message>
        <source>Shifted by %1 to correct clock skew against its parent (Jaeger&apos;s rule)</source>
        <translation>Um %1 verschoben, um die Uhrenabweichung gegenüber dem übergeordneten Span auszugleichen (Jaeger-Regel)</translation>
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
        <source>Zoom out</source>
        <translation>Herauszoomen</translation>
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
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Shift back by half the range (%1)</source>
        <translation>Um einen halben Zeitraum früher (%1)</translation>
    </message>
    <message>
        <source>Double the range (%1)</source>
        <translation>Zeitraum verdoppeln (%1)</translation>
    </message>
    <message>
        <source>Shift forward by half the range (%1)</source>
        <translation>Um einen halben Zeitraum später (%1)</translation>
    </message>
    <message>
        <source>Refresh now (%1)</source>
        <translation>Jetzt aktualisieren (%1)</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::TimelinePanel</name>
    <message>
        <source>Mark key</source>
        <translation>Als Schlüsselereignis markieren</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Korrigieren…</translation>
    </message>
    <message>
        <source>Action item…</source>
        <translation>Maßnahme…</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <source>All authors</source>
        <translation>Alle Autoren</translation>
    </message>
    <message>
        <source>Add a note — Enter saves it to the timeline</source>
        <translation>Notiz hinzufügen — die Eingabetaste speichert sie in der Zeitleiste</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Correct an event</source>
        <translation>Ereignis korrigieren</translation>
    </message>
    <message>
        <source>The original stays in the timeline; this correction is shown with it.

Original: %1</source>
        <translation>Das Original bleibt in der Zeitleiste; diese Korrektur wird zusammen damit angezeigt.

Original: %1</translation>
    </message>
    <message>
        <source>Unmark key</source>
        <translation>Markierung aufheben</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::TraceDiffView</name>
    <message>
        <source>Changed only</source>
        <translation>Nur geänderte</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>Vergleichen mit…</translation>
    </message>
    <message>
        <source>Show only paths that exist in one trace, or whose average duration changed by 10 % or more, with the paths leading to them</source>
        <translation>Nur Pfade anzeigen, die in nur einem Trace vorkommen oder deren durchschnittliche Dauer sich um 10 % oder mehr geändert hat, samt den Pfaden, die zu ihnen führen</translation>
    </message>
    <message>
        <source>Pick the trace to compare with: a file or a trace id</source>
        <translation>Trace zum Vergleichen auswählen: eine Datei oder eine Trace-ID</translation>
    </message>
    <message>
        <source>No trace open</source>
        <translation>Kein Trace geöffnet</translation>
    </message>
    <message>
        <source>Open a trace, then compare it with another one to see which operations appeared, disappeared or changed in latency.</source>
        <translation>Öffnen Sie einen Trace und vergleichen Sie ihn dann mit einem anderen, um zu sehen, welche Operationen hinzugekommen oder weggefallen sind oder eine veränderte Latenz haben.</translation>
    </message>
    <message>
        <source>Compare with another trace</source>
        <translation>Mit einem anderen Trace vergleichen</translation>
    </message>
    <message>
        <source>Pick a second trace — a file or a trace id — to see which operations appeared, disappeared or changed in latency against %1.</source>
        <translation>Wählen Sie einen zweiten Trace — eine Datei oder eine Trace-ID —, um zu sehen, welche Operationen gegenüber %1 hinzugekommen oder weggefallen sind oder eine veränderte Latenz haben.</translation>
    </message>
    <message>
        <source>A: %1   B: %2</source>
        <translation>A: %1   B: %2</translation>
    </message>
    <message>
        <source>A: %1
B: %2</source>
        <translation>A: %1
B: %2</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Wird verglichen…</translation>
    </message>
    <message>
        <source>%1 only in A · %2 only in B · %3 in both, %4 of them changed by 10 % or more</source>
        <translation>%1 nur in A · %2 nur in B · %3 in beiden, davon %4 um 10 % oder mehr geändert</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::TraceMinimap</name>
    <message>
        <source>The whole trace: drag the frame to move the waterfall</source>
        <translation>Der gesamte Trace: Ziehen Sie den Rahmen, um den Wasserfall zu verschieben</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::TraceSearchPanel</name>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>TraceQL, e.g. { resource.service.name = &quot;checkout&quot; &amp;&amp; status = error }</source>
        <translation>TraceQL, z. B. { resource.service.name = &quot;checkout&quot; &amp;&amp; status = error }</translation>
    </message>
    <message>
        <source>TraceQL query; empty finds the most recent traces. Ctrl+Enter searches.</source>
        <translation>TraceQL-Abfrage; leer findet die neuesten Traces. Strg+Eingabe startet die Suche.</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Only traces that took at least this long</source>
        <translation>Nur Traces, die mindestens so lange gedauert haben</translation>
    </message>
    <message>
        <source>At most this many traces</source>
        <translation>Höchstens so viele Traces</translation>
    </message>
    <message>
        <source>Search (Ctrl+Enter)</source>
        <translation>Suchen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Min duration</source>
        <translation>Mindestdauer</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>No Tempo data source: add one under Data sources.</source>
        <translation>Keine Tempo-Datenquelle: Fügen Sie unter Datenquellen eine hinzu.</translation>
    </message>
    <message>
        <source>Search %1 for traces in the selected time range.</source>
        <translation>%1 nach Traces im ausgewählten Zeitraum durchsuchen.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>Searching… traces found so far: %1</source>
        <translation>Suche läuft… bisher gefundene Traces: %1</translation>
    </message>
    <message>
        <source>Search cancelled; traces found until then: %1</source>
        <translation>Suche abgebrochen; bis dahin gefundene Traces: %1</translation>
    </message>
    <message>
        <source>The search failed.</source>
        <translation>Die Suche ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>%1 (traces found before the error: %2)</source>
        <translation>%1 (vor dem Fehler gefundene Traces: %2)</translation>
    </message>
    <message>
        <source>No traces matched in the selected time range (%1 s).</source>
        <translation>Im ausgewählten Zeitraum wurden keine passenden Traces gefunden (%1 s).</translation>
    </message>
    <message>
        <source>Traces found: %1 in %2 s</source>
        <translation>Gefundene Traces: %1 in %2 s</translation>
    </message>
    <message>
        <source>inspected %1 traces, %2</source>
        <translation>%1 Traces durchsucht, %2</translation>
    </message>
    <message>
        <source>inspected %1</source>
        <translation>%1 durchsucht</translation>
    </message>
    <message>
        <source>limit reached: raise it or narrow the query to see more</source>
        <translation>Limit erreicht: Erhöhen Sie es oder grenzen Sie die Abfrage ein, um mehr zu sehen</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::TraceStatisticsView</name>
    <message>
        <source>Filter services and operations…</source>
        <translation>Dienste und Operationen filtern…</translation>
    </message>
    <message>
        <source>No trace</source>
        <translation>Kein Trace</translation>
    </message>
    <message>
        <source>Computing statistics…</source>
        <translation>Statistik wird berechnet…</translation>
    </message>
    <message>
        <source>Spans: %1 · Services: %2 · Errors: %3 · %4 end to end</source>
        <translation>Spans: %1 · Dienste: %2 · Fehler: %3 · %4 End-to-End</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::TracesWorkspace</name>
    <message>
        <source>Matches only</source>
        <translation>Nur Treffer</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Critical path only</source>
        <translation>Nur kritischer Pfad</translation>
    </message>
    <message>
        <source>Show critical path</source>
        <translation>Kritischen Pfad anzeigen</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>Datei öffnen…</translation>
    </message>
    <message>
        <source>An OTLP protobuf (.pb) or OTLP / Tempo JSON (.json) trace; you can also drop a file here</source>
        <translation>Ein Trace als OTLP-Protobuf (.pb) oder OTLP-/Tempo-JSON (.json); Sie können eine Datei auch hierher ziehen</translation>
    </message>
    <message>
        <source>Trace id (32 hex digits)</source>
        <translation>Trace-ID (32 Hexadezimalziffern)</translation>
    </message>
    <message>
        <source>Open from Tempo</source>
        <translation>Aus Tempo öffnen</translation>
    </message>
    <message>
        <source>Find: text or key=value  ( / )</source>
        <translation>Suchen: Text oder Schlüssel=Wert  ( / )</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>≥ </source>
        <translation>≥ </translation>
    </message>
    <message>
        <source>Only spans at least this long (with their ancestors)</source>
        <translation>Nur Spans, die mindestens so lange dauern (mit ihren übergeordneten Spans)</translation>
    </message>
    <message>
        <source>Expand</source>
        <translation>Aufklappen</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Waterfall</source>
        <translation>Wasserfall</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>Alle zuklappen</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Alle aufklappen</translation>
    </message>
    <message>
        <source>Expand to depth %1</source>
        <translation>Bis Tiefe %1 aufklappen</translation>
    </message>
    <message>
        <source>Compare with trace</source>
        <translation>Mit Trace vergleichen</translation>
    </message>
    <message>
        <source>Traces (*.pb *.json *.bin *.proto);;All files (*)</source>
        <translation>Traces (*.pb *.json *.bin *.proto);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Open trace</source>
        <translation>Trace öffnen</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>“%1” is not a trace id: expected up to 32 hexadecimal digits.</source>
        <translation>„%1“ ist keine Trace-ID: Erwartet werden bis zu 32 Hexadezimalziffern.</translation>
    </message>
    <message>
        <source>Asking %1 for trace %2…</source>
        <translation>Trace %2 wird von %1 abgerufen…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle Dienste</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>kein Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Open a trace file (.pb or .json, or drop one here), or enter a trace id to fetch it from Tempo. Keys: ↑↓ move, ←→ collapse/expand, Enter details, / find; drag the ruler to zoom.</source>
        <translation>Öffnen Sie eine Trace-Datei (.pb oder .json, oder ziehen Sie eine hierher) oder geben Sie eine Trace-ID ein, um den Trace aus Tempo abzurufen. Tasten: ↑↓ bewegen, ←→ zu-/aufklappen, Eingabe Details, / suchen; zum Zoomen das Lineal ziehen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · trace %2 · %3 · %4 services · %5 · %6 errors · depth %7 · loaded in %8 ms (parse %9 ms, layout %10 ms)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · Trace %2 · %3 · %4 Dienste · %5 · %6 Fehler · Tiefe %7 · geladen in %8 ms (Parsen %9 ms, Layout %10 ms)</translation>
    </message>
    <message>
        <source>1 span</source>
        <translation>1 Span</translation>
    </message>
    <message>
        <source>%L1 spans</source>
        <translation>%L1 Spans</translation>
    </message>
    <message>
        <source>Trace file…</source>
        <translation>Trace-Datei…</translation>
    </message>
    <message>
        <source>Trace id from Tempo…</source>
        <translation>Trace-ID aus Tempo…</translation>
    </message>
    <message>
        <source>Trace id (32 hex digits):</source>
        <translation>Trace-ID (32 Hexadezimalziffern):</translation>
    </message>
    <message>
        <source>%1 %2 (span %3)</source>
        <translation>%1 %2 (Span %3)</translation>
    </message>
    <message>
        <source>No Tempo data source is configured: add one under File › Data sources…, or open a file.</source>
        <translation>Keine Tempo-Datenquelle eingerichtet: Fügen Sie unter Datei › Datenquellen… eine hinzu oder öffnen Sie eine Datei.</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::UpdatesPanel</name>
    <message>
        <source>Executives</source>
        <translation>Geschäftsleitung</translation>
    </message>
    <message>
        <source>Customers / status page</source>
        <translation>Kunden / Statusseite</translation>
    </message>
    <message>
        <source>Engineering</source>
        <translation>Technik</translation>
    </message>
    <message>
        <source>Record as sent</source>
        <translation>Als gesendet erfassen</translation>
    </message>
    <message>
        <source>Refill from template</source>
        <translation>Aus Vorlage neu füllen</translation>
    </message>
    <message>
        <source>Edit template…</source>
        <translation>Vorlage bearbeiten…</translation>
    </message>
    <message>
        <source>Copy as Markdown</source>
        <translation>Als Markdown kopieren</translation>
    </message>
    <message>
        <source>Copy as plain text</source>
        <translation>Als reinen Text kopieren</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Zielgruppe</translation>
    </message>
    <message>
        <source>Sent so far</source>
        <translation>Bisher gesendet</translation>
    </message>
    <message>
        <source>no update cadence for %1</source>
        <translation>kein Update-Rhythmus für %1</translation>
    </message>
    <message>
        <source>incident %1</source>
        <translation>Vorfall %1</translation>
    </message>
    <message>
        <source>Template for %1</source>
        <translation>Vorlage für %1</translation>
    </message>
    <message>
        <source>Placeholders: %1</source>
        <translation>Platzhalter: %1</translation>
    </message>
</context>
<context>
    <name>firebreak::ui::WaterfallView</name>
    <message>
        <source>No trace open</source>
        <translation>Kein Trace geöffnet</translation>
    </message>
    <message>
        <source>Service and operation (%L1)</source>
        <translation>Dienst und Operation (%L1)</translation>
    </message>
    <message>
        <source>Service and operation</source>
        <translation>Dienst und Operation</translation>
    </message>
    <message>
        <source>zoomed · double-click to reset</source>
        <translation>gezoomt · Doppelklick zum Zurücksetzen</translation>
    </message>
    <message>
        <source>Missing parent %1 (orphans below: %2)</source>
        <translation>Fehlender übergeordneter Span %1 (verwaiste Spans darunter: %2)</translation>
    </message>
    <message>
        <source>Span details</source>
        <translation>Span-Details</translation>
    </message>
    <message>
        <source>Logs for this span</source>
        <translation>Logs zu diesem Span</translation>
    </message>
    <message>
        <source>Metrics for %1</source>
        <translation>Metriken für %1</translation>
    </message>
    <message>
        <source>Pin to incident</source>
        <translation>An Vorfall anheften</translation>
    </message>
    <message>
        <source>Zoom to this span</source>
        <translation>Auf diesen Span zoomen</translation>
    </message>
    <message>
        <source>Expand all below</source>
        <translation>Alle darunter aufklappen</translation>
    </message>
    <message>
        <source>Collapse all below</source>
        <translation>Alle darunter zuklappen</translation>
    </message>
    <message>
        <source>Copy span id</source>
        <translation>Span-ID kopieren</translation>
    </message>
    <message>
        <source>These spans name parent %1, which is not in the trace: it was not sent, was dropped, or the trace was cut by a size limit.</source>
        <translation>Diese Spans nennen %1 als übergeordneten Span, der nicht im Trace enthalten ist: Er wurde nicht gesendet, wurde verworfen, oder der Trace wurde durch ein Größenlimit abgeschnitten.</translation>
    </message>
    <message>
        <source>Duration %1, self %2, starts at +%3</source>
        <translation>Dauer %1, Eigenzeit %2, beginnt bei +%3</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Shifted by %1 to correct clock skew</source>
        <translation>Um %1 verschoben, um die Uhrenabweichung auszugleichen</translation>
    </message>
    <message>
        <source>On the critical path</source>
        <translation>Auf dem kritischen Pfad</translation>
    </message>
    <message>
        <source>Depth %1</source>
        <translation>Tiefe %1</translation>
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
    <message>
        <source>Use the incident journal at PATH instead of the usual one.</source>
        <translation>Das Vorfalljournal unter PATH statt des üblichen verwenden.</translation>
    </message>
    <message>
        <source>--size takes WxH, e.g. 1280x800</source>
        <translation>--size erwartet WxH, z. B. 1280x800</translation>
    </message>
    <message>
        <source>A trace file (.pb or .json) to open in the Traces workspace.</source>
        <translation>Eine Trace-Datei (.pb oder .json), die im Arbeitsbereich Traces geöffnet wird.</translation>
    </message>
    <message>
        <source>only one trace file can be opened</source>
        <translation>es kann nur eine Trace-Datei geöffnet werden</translation>
    </message>
</context>
</TS>
