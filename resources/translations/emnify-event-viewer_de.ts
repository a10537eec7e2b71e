<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About emnify Event Viewer</source>
        <translation>Über emnify Event Viewer</translation>
    </message>
    <message>
        <source>&lt;h3&gt;emnify Event Viewer %1&lt;/h3&gt;&lt;p&gt;Browse, filter and export emnify platform events.&lt;/p&gt;&lt;p&gt;Licensed under the MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;emnify Event Viewer %1&lt;/h3&gt;&lt;p&gt;Ereignisse der emnify-Plattform durchsuchen, filtern und exportieren.&lt;/p&gt;&lt;p&gt;Lizenziert unter der MIT-Lizenz.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Running on Qt %1 (built with Qt %2), licensed under the LGPL 3.0.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Läuft mit Qt %1 (erstellt mit Qt %2), lizenziert unter der LGPL 3.0.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;It uses these libraries:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Verwendete Bibliotheken:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Apache License 2.0 or MIT</source>
        <translation>Apache License 2.0 oder MIT</translation>
    </message>
    <message>
        <source>BSD 3-Clause or GPL 2.0</source>
        <translation>BSD 3-Clause oder GPL 2.0</translation>
    </message>
    <message>
        <source>BSD 3-Clause</source>
        <translation>BSD 3-Clause</translation>
    </message>
</context>
<context>
    <name>AccountArchive</name>
    <message>
        <source>The archive folder %1 could not be created.</source>
        <translation>Der Archivordner %1 konnte nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>AccountFlow</name>
    <message>
        <source>S&amp;witch account</source>
        <translation>Konto &amp;wechseln</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>Konto &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Manage accounts…</source>
        <translation>Konten &amp;verwalten…</translation>
    </message>
    <message>
        <source>A&amp;rchive…</source>
        <translation>A&amp;rchiv…</translation>
    </message>
    <message>
        <source>The archive could not be pruned: %1</source>
        <translation>Das Archiv konnte nicht bereinigt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n archived event(s) beyond the retention settings removed.</source>
        <translation>
            <numerusform>%n archiviertes Ereignis jenseits der Aufbewahrungseinstellungen entfernt.</numerusform>
            <numerusform>%n archivierte Ereignisse jenseits der Aufbewahrungseinstellungen entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>No saved accounts</source>
        <translation>Keine gespeicherten Konten</translation>
    </message>
    <message>
        <source>The archive of %1 could not be opened: %2</source>
        <translation>Das Archiv von %1 konnte nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Saved accounts</source>
        <translation>Gespeicherte Konten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Rename the selected account</source>
        <translation>Das ausgewählte Konto umbenennen</translation>
    </message>
    <message>
        <source>Remove the selected account</source>
        <translation>Das ausgewählte Konto entfernen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>noch nicht bekannt</translation>
    </message>
    <message>
        <source>The account shown now</source>
        <translation>Das jetzt angezeigte Konto</translation>
    </message>
    <message>
        <source>An account needs a name.</source>
        <translation>Ein Konto braucht einen Namen.</translation>
    </message>
    <message>
        <source>Another account is named “%1”.</source>
        <translation>Ein anderes Konto heißt bereits „%1“.</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove the account “%1” and its token from the keychain? Its archive stays until you forget it under File &gt; Archive…</source>
        <translation>Das Konto „%1“ und sein Token im Schlüsselbund entfernen? Sein Archiv bleibt, bis Sie es unter Datei &gt; Archiv… vergessen.</translation>
    </message>
</context>
<context>
    <name>ApiErrorText</name>
    <message>
        <source>Could not reach the emnify API: %1</source>
        <translation>Die emnify-API ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>The secure connection to the emnify API failed: %1</source>
        <translation>Die sichere Verbindung zur emnify-API ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The emnify API did not answer in time: %1</source>
        <translation>Die emnify-API hat nicht rechtzeitig geantwortet: %1</translation>
    </message>
    <message>
        <source>Reading events failed: %1</source>
        <translation>Das Lesen der Ereignisse ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Not connected.&lt;br&gt;&lt;a href=&quot;connect&quot;&gt;Connect to an emnify account…&lt;/a&gt;</source>
        <translation>Nicht verbunden.&lt;br&gt;&lt;a href=&quot;connect&quot;&gt;Mit einem emnify-Konto verbinden…&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Loading events…</source>
        <translation>Ereignisse werden geladen…</translation>
    </message>
    <message>
        <source>This application token has no access to the events of this account (HTTP %1).&lt;br&gt;&lt;a href=&quot;connect&quot;&gt;Use another token…&lt;/a&gt;</source>
        <translation>Dieses Anwendungstoken hat keinen Zugriff auf die Ereignisse dieses Kontos (HTTP %1).&lt;br&gt;&lt;a href=&quot;connect&quot;&gt;Anderes Token verwenden…&lt;/a&gt;</translation>
    </message>
    <message>
        <source>No events could be loaded: %1&lt;br&gt;&lt;a href=&quot;retry&quot;&gt;Try again&lt;/a&gt;</source>
        <translation>Es konnten keine Ereignisse geladen werden: %1&lt;br&gt;&lt;a href=&quot;retry&quot;&gt;Erneut versuchen&lt;/a&gt;</translation>
    </message>
    <message>
        <source>No events in the selected time range.</source>
        <translation>Keine Ereignisse im gewählten Zeitraum.</translation>
    </message>
    <message>
        <source>All %1 loaded events are hidden by filters.&lt;br&gt;&lt;a href=&quot;clear&quot;&gt;Clear filters&lt;/a&gt;</source>
        <translation>Alle %1 geladenen Ereignisse sind durch Filter ausgeblendet.&lt;br&gt;&lt;a href=&quot;clear&quot;&gt;Filter zurücksetzen&lt;/a&gt;</translation>
    </message>
    <message>
        <source>No events matched %1 in the selected time range.</source>
        <translation>Keine Ereignisse zu %1 im gewählten Zeitraum.</translation>
    </message>
    <message>
        <source>The application token was not accepted (%1)</source>
        <translation>Das Anwendungstoken wurde nicht akzeptiert (%1)</translation>
    </message>
    <message>
        <source>No events archived between %1 and %2: older than the API&apos;s 30-day retention.</source>
        <translation>Keine Ereignisse zwischen %1 und %2 archiviert: älter als die 30 Tage, die die API aufbewahrt.</translation>
    </message>
    <message>
        <source>%1 from the archive, %2 from the API</source>
        <translation>%1 aus dem Archiv, %2 von der API</translation>
    </message>
    <message>
        <source>Showing %1 of %2 events</source>
        <translation>%1 von %2 Ereignissen angezeigt</translation>
    </message>
    <message>
        <source>Showing %1 events</source>
        <translation>%1 Ereignisse angezeigt</translation>
    </message>
    <message>
        <source>%1: page %2 failed</source>
        <translation>%1: Seite %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: the read failed</source>
        <translation>%1: das Lesen ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>All %1 loaded events (%2) are hidden by filters.&lt;br&gt;&lt;a href=&quot;clear&quot;&gt;Clear filters&lt;/a&gt;</source>
        <translation>Alle %1 geladenen Ereignisse (%2) sind durch Filter ausgeblendet.&lt;br&gt;&lt;a href=&quot;clear&quot;&gt;Filter zurücksetzen&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>ArchiveDialog</name>
    <message>
        <source>&amp;Forget this account&apos;s archive…</source>
        <translation>Archiv dieses Kontos &amp;vergessen…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>Events read from the API are kept on this computer, one archive per account, so that they show at once and stay available beyond the API&apos;s 30 days.</source>
        <translation>Aus der API gelesene Ereignisse werden auf diesem Rechner aufbewahrt, ein Archiv je Konto, damit sie sofort erscheinen und über die 30 Tage der API hinaus verfügbar bleiben.</translation>
    </message>
    <message>
        <source>Archives of the accounts</source>
        <translation>Archive der Konten</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>Abgedeckt</translation>
    </message>
    <message>
        <source>Oldest event</source>
        <translation>Ältestes Ereignis</translation>
    </message>
    <message>
        <source>Newest event</source>
        <translation>Neuestes Ereignis</translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation>Größe auf der Festplatte</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Forget the selected account&apos;s archive</source>
        <translation>Das Archiv des ausgewählten Kontos vergessen</translation>
    </message>
    <message>
        <source> months</source>
        <translation> Monate</translation>
    </message>
    <message>
        <source>Keep archived events for this many months</source>
        <translation>Archivierte Ereignisse so viele Monate aufbewahren</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Keine Grenze</translation>
    </message>
    <message>
        <source>Size limit of each archive in GiB, 0 for no limit</source>
        <translation>Größengrenze jedes Archivs in GiB, 0 für keine Grenze</translation>
    </message>
    <message>
        <source>&amp;Keep archived events for:</source>
        <translation>Archivierte Ereignisse &amp;aufbewahren für:</translation>
    </message>
    <message>
        <source>&amp;Size limit per account:</source>
        <translation>&amp;Größengrenze je Konto:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>%1 (shown)</source>
        <translation>%1 (angezeigt)</translation>
    </message>
    <message>
        <source>None yet: made at the first connection</source>
        <translation>Noch keines: entsteht bei der ersten Verbindung</translation>
    </message>
    <message>
        <source>Reading the archives…</source>
        <translation>Die Archive werden gelesen…</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>No events archived yet</source>
        <translation>Noch keine Ereignisse archiviert</translation>
    </message>
    <message>
        <source>%1 (removed account)</source>
        <translation>%1 (entferntes Konto)</translation>
    </message>
    <message>
        <source>Unknown account</source>
        <translation>Unbekanntes Konto</translation>
    </message>
    <message numerus="yes">
        <source>%n interval(s)</source>
        <translation>
            <numerusform>%n Intervall</numerusform>
            <numerusform>%n Intervalle</numerusform>
        </translation>
    </message>
    <message>
        <source>Forget archive</source>
        <translation>Archiv vergessen</translation>
    </message>
    <message>
        <source>Delete the archive of “%1” (%2)? Its events are read from the API again, as far as the API still keeps them (30 days).</source>
        <translation>Das Archiv von „%1“ (%2) löschen? Seine Ereignisse werden wieder aus der API gelesen, soweit die API sie noch aufbewahrt (30 Tage).</translation>
    </message>
    <message>
        <source>The archive could not be deleted: %1</source>
        <translation>Das Archiv konnte nicht gelöscht werden: %1</translation>
    </message>
</context>
<context>
    <name>ArchiveOpener</name>
    <message>
        <source>There is no archive file %1.</source>
        <translation>Es gibt keine Archivdatei %1.</translation>
    </message>
</context>
<context>
    <name>ArchiveSync</name>
    <message>
        <source>The sync was stopped.</source>
        <translation>Die Synchronisierung wurde angehalten.</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to emnify</source>
        <translation>Mit emnify verbinden</translation>
    </message>
    <message>
        <source>Events are read with an application token. Create one in the emnify Portal under Integrations → Application tokens.</source>
        <translation>Ereignisse werden mit einem Anwendungstoken gelesen. Sie erstellen es im emnify Portal unter Integrations → Application tokens.</translation>
    </message>
    <message>
        <source>API &amp;URL:</source>
        <translation>API-&amp;URL:</translation>
    </message>
    <message>
        <source>Application &amp;token:</source>
        <translation>Anwendungs&amp;token:</translation>
    </message>
    <message>
        <source>&amp;Remember the token in the system keychain</source>
        <translation>Token im Schlüsselbund des Systems &amp;merken</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>Konto&amp;name:</translation>
    </message>
    <message>
        <source>e.g. Production</source>
        <translation>z. B. Produktion</translation>
    </message>
    <message>
        <source>Another account is named “%1”. Choose another name.</source>
        <translation>Ein anderes Konto heißt bereits „%1“. Wählen Sie einen anderen Namen.</translation>
    </message>
</context>
<context>
    <name>ConnectionFlow</name>
    <message>
        <source>Using the application token from EMNIFY_APPLICATION_TOKEN.</source>
        <translation>Das Anwendungstoken aus EMNIFY_APPLICATION_TOKEN wird verwendet.</translation>
    </message>
    <message>
        <source>Reading the token from the keychain…</source>
        <translation>Token wird aus dem Schlüsselbund gelesen…</translation>
    </message>
    <message>
        <source>No token for %1 is stored in the keychain.</source>
        <translation>Im Schlüsselbund ist kein Token für %1 gespeichert.</translation>
    </message>
    <message>
        <source>The keychain could not be read (%1). Enter the token; it is kept for this session only unless it can be stored.</source>
        <translation>Der Schlüsselbund konnte nicht gelesen werden (%1). Geben Sie das Token ein; es gilt nur für diese Sitzung, sofern es nicht gespeichert werden kann.</translation>
    </message>
    <message>
        <source>No usable system keychain (%1). The token is kept for this session only and asked for again at the next start.</source>
        <translation>Kein nutzbarer Schlüsselbund im System (%1). Das Token gilt nur für diese Sitzung und wird beim nächsten Start erneut abgefragt.</translation>
    </message>
    <message>
        <source>The token is stored in the system keychain.</source>
        <translation>Das Token ist im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>The token could not be stored in the system keychain (%1). It is kept for this session only.</source>
        <translation>Das Token konnte nicht im Schlüsselbund des Systems gespeichert werden (%1). Es gilt nur für diese Sitzung.</translation>
    </message>
    <message>
        <source>No account for %1 is saved yet.</source>
        <translation>Für %1 ist noch kein Konto gespeichert.</translation>
    </message>
    <message>
        <source>No account is named “%1”: no account is saved yet.</source>
        <translation>Kein Konto heißt „%1“: Es ist noch kein Konto gespeichert.</translation>
    </message>
    <message>
        <source>No account is named “%1”. Saved accounts: %2.</source>
        <translation>Kein Konto heißt „%1“. Gespeicherte Konten: %2.</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;Change token…</source>
        <translation>Token &amp;ändern…</translation>
    </message>
</context>
<context>
    <name>EventArchive</name>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>There is no archive at %1.</source>
        <translation>Unter %1 gibt es kein Archiv.</translation>
    </message>
    <message>
        <source>Cannot create the archive %1: %2</source>
        <translation>Das Archiv %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>%1 is a folder, not an archive.</source>
        <translation>%1 ist ein Ordner, kein Archiv.</translation>
    </message>
    <message>
        <source>%1 was refused: %2. It was moved to %3; a new archive starts there.</source>
        <translation>%1 wurde abgelehnt: %2. Die Datei wurde nach %3 verschoben; an ihrer Stelle beginnt ein neues Archiv.</translation>
    </message>
    <message>
        <source>%1 was refused: %2; %3.</source>
        <translation>%1 wurde abgelehnt: %2; %3.</translation>
    </message>
    <message>
        <source>it is not an SQLite database</source>
        <translation>sie ist keine SQLite-Datenbank</translation>
    </message>
    <message>
        <source>Cannot open the archive %1: %2</source>
        <translation>Das Archiv %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>it is damaged (%1)</source>
        <translation>sie ist beschädigt (%1)</translation>
    </message>
    <message>
        <source>Cannot read the archive %1: %2</source>
        <translation>Das Archiv %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>it is the SQLite database of another application</source>
        <translation>sie ist die SQLite-Datenbank einer anderen Anwendung</translation>
    </message>
    <message>
        <source>%1 is an empty file, not an archive.</source>
        <translation>%1 ist eine leere Datei, kein Archiv.</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of this program (archive format %2; this version reads up to %3). Update the program to open it; the file was left as it is.</source>
        <translation>%1 wurde von einer neueren Version dieses Programms geschrieben (Archivformat %2; diese Version liest bis %3). Aktualisieren Sie das Programm, um es zu öffnen; die Datei bleibt unverändert.</translation>
    </message>
    <message>
        <source>it holds the events of another account (%1, organisation %2)</source>
        <translation>sie enthält die Ereignisse eines anderen Kontos (%1, Organisation %2)</translation>
    </message>
    <message>
        <source>Cannot write to the archive</source>
        <translation>In das Archiv kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Cannot read the archive</source>
        <translation>Das Archiv kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The archive %1 holds a damaged chunk of events.</source>
        <translation>Das Archiv %1 enthält einen beschädigten Block von Ereignissen.</translation>
    </message>
    <message>
        <source>Cannot prune the archive</source>
        <translation>Das Archiv kann nicht bereinigt werden</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot delete %1.</source>
        <translation>%1 kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>%1 was refused: %2.</source>
        <translation>%1 wurde abgelehnt: %2.</translation>
    </message>
    <message>
        <source>Cannot upgrade the archive %1 to this version&apos;s format: %2. The file was left as it is.</source>
        <translation>Das Archiv %1 kann nicht in das Format dieser Version umgewandelt werden: %2. Die Datei wurde unverändert gelassen.</translation>
    </message>
    <message>
        <source>chunk %1 is damaged</source>
        <translation>Abschnitt %1 ist beschädigt</translation>
    </message>
</context>
<context>
    <name>EventColumns</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>Ereignistyp</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>ICCID</source>
        <translation>ICCID</translation>
    </message>
    <message>
        <source>IMSI</source>
        <translation>IMSI</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Performed by</source>
        <translation>Ausgeführt von</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Type ID</source>
        <translation>Typ-ID</translation>
    </message>
    <message>
        <source>Organisation ID</source>
        <translation>Organisations-ID</translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation>Geräte-ID</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-Adresse</translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>User e-mail</source>
        <translation>Benutzer-E-Mail</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Nutzdaten</translation>
    </message>
</context>
<context>
    <name>EventDetailPane</name>
    <message>
        <source>Select an event to see its details.</source>
        <translation>Wählen Sie ein Ereignis, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Related: show only the events of</source>
        <translation>Verknüpft: nur die Ereignisse zeigen von</translation>
    </message>
    <message>
        <source>SIM order</source>
        <translation>SIM-Bestellung</translation>
    </message>
    <message>
        <source>Event payload</source>
        <translation>Nutzdaten des Ereignisses</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>JSON (roh)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Severity: %1</source>
        <translation>Schweregrad: %1</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>%1 %2  ·  %3 UTC</source>
        <translation>%1 %2  ·  %3 UTC</translation>
    </message>
    <message>
        <source>%1
Category: %2 · Source: %3 · Event ID: %4%5</source>
        <translation>%1
Kategorie: %2 · Quelle: %3 · Ereignis-ID: %4%5</translation>
    </message>
    <message>
        <source> · Alert</source>
        <translation> · Alarm</translation>
    </message>
    <message>
        <source>Organisation: %1</source>
        <translation>Organisation: %1</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <source>SIM: %1</source>
        <translation>SIM: %1</translation>
    </message>
    <message>
        <source>IMSI: %1</source>
        <translation>IMSI: %1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Benutzer: %1</translation>
    </message>
    <message>
        <source>The event could not be shown as JSON: %1</source>
        <translation>Das Ereignis konnte nicht als JSON angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Shipped with</source>
        <translation>Versandt mit</translation>
    </message>
    <message>
        <source>%1 (provider ID %2)</source>
        <translation>%1 (Versanddienst-ID %2)</translation>
    </message>
    <message>
        <source>Tracking reference</source>
        <translation>Sendungsnummer</translation>
    </message>
    <message>
        <source>Shipped on</source>
        <translation>Versandt am</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <source>Copy key and value</source>
        <translation>Schlüssel und Wert kopieren</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>Alles kopieren</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Alle aufklappen</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <translation>Alle zuklappen</translation>
    </message>
    <message>
        <source>Reveal value</source>
        <translation>Wert anzeigen</translation>
    </message>
    <message>
        <source>A live credential (%1), shown until another event is selected. Double-click to hide it.</source>
        <translation>Ein gültiges Zugangsdatum (%1), angezeigt, bis ein anderes Ereignis ausgewählt wird. Doppelklick blendet es aus.</translation>
    </message>
    <message>
        <source>Hidden: a live credential (%1). Double-click or press Enter to reveal it.</source>
        <translation>Ausgeblendet: ein gültiges Zugangsdatum (%1). Doppelklick oder Eingabetaste zeigt es an.</translation>
    </message>
    <message>
        <source>Live credentials are shown until you select another event. Double-click one in the tree to hide it again.</source>
        <translation>Gültige Zugangsdaten werden angezeigt, bis Sie ein anderes Ereignis auswählen. Doppelklicken Sie im Baum auf einen Wert, um ihn wieder auszublenden.</translation>
    </message>
    <message>
        <source>One value is hidden because it is a live credential, such as the token of a password-reset link. Double-click it in the tree to reveal it.</source>
        <translation>Ein Wert ist ausgeblendet, weil er ein gültiges Zugangsdatum ist, etwa das Token eines Links zum Zurücksetzen des Passworts. Doppelklicken Sie im Baum darauf, um ihn anzuzeigen.</translation>
    </message>
    <message>
        <source>%1 values are hidden because they are live credentials, such as the token of a password-reset link. Double-click one in the tree to reveal it.</source>
        <translation>%1 Werte sind ausgeblendet, weil sie gültige Zugangsdaten sind, etwa das Token eines Links zum Zurücksetzen des Passworts. Doppelklicken Sie im Baum auf einen Wert, um ihn anzuzeigen.</translation>
    </message>
    <message>
        <source>Hide value</source>
        <translation>Wert ausblenden</translation>
    </message>
    <message>
        <source>Hide %1</source>
        <translation>%1 ausblenden</translation>
    </message>
    <message>
        <source>Reveal %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>Open in Orders view</source>
        <translation>In der Bestellansicht öffnen</translation>
    </message>
    <message>
        <source>provider ID %1</source>
        <translation>Versanddienst-ID %1</translation>
    </message>
</context>
<context>
    <name>EventLevels</name>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>Policy Control</source>
        <translation>Policy Control</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>in the future</source>
        <translation>in der Zukunft</translation>
    </message>
    <message>
        <source>1 second ago</source>
        <translation>vor 1 Sekunde</translation>
    </message>
    <message>
        <source>%1 seconds ago</source>
        <translation>vor %1 Sekunden</translation>
    </message>
    <message>
        <source>1 minute ago</source>
        <translation>vor 1 Minute</translation>
    </message>
    <message>
        <source>%1 minutes ago</source>
        <translation>vor %1 Minuten</translation>
    </message>
    <message>
        <source>1 hour ago</source>
        <translation>vor 1 Stunde</translation>
    </message>
    <message>
        <source>%1 hours ago</source>
        <translation>vor %1 Stunden</translation>
    </message>
    <message>
        <source>1 day ago</source>
        <translation>vor 1 Tag</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>vor %1 Tagen</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <source>Action performed by: user with ID %1.</source>
        <translation>Aktion ausgeführt von: Benutzer mit der ID %1.</translation>
    </message>
    <message>
        <source>Action performed by: %1</source>
        <translation>Aktion ausgeführt von: %1</translation>
    </message>
    <message>
        <source>Action performed by: %1 (User ID: %2)</source>
        <translation>Aktion ausgeführt von: %1 (Benutzer-ID: %2)</translation>
    </message>
    <message>
        <source>User %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>No user is recorded for this event: it was performed by the platform itself or through an application token, and actions authenticated with application tokens carry no user details.</source>
        <translation>Für dieses Ereignis ist kein Benutzer erfasst: Es wurde von der Plattform selbst oder über ein Anwendungstoken ausgelöst, und mit Anwendungstoken authentifizierte Aktionen enthalten keine Benutzerangaben.</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %Ln events…</source>
        <translation>
            <numerusform>%Ln Ereignis wird exportiert…</numerusform>
            <numerusform>%Ln Ereignisse werden exportiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Exportfortschritt</translation>
    </message>
    <message>
        <source>the events were written, but not the view beside them (%1): %2</source>
        <translation>die Ereignisse wurden geschrieben, aber nicht die Ansicht daneben (%1): %2</translation>
    </message>
</context>
<context>
    <name>ExportOptionsDialog</name>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Columns to export</source>
        <translation>Zu exportierende Spalten</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Du&amp;rchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Selected rows (%1)</source>
        <translation>&amp;Ausgewählte Zeilen (%1)</translation>
    </message>
    <message>
        <source>&amp;All shown rows (%1)</source>
        <translation>Alle an&amp;gezeigten Zeilen (%1)</translation>
    </message>
    <message>
        <source>The visible columns, in the order shown: %1.</source>
        <translation>Die sichtbaren Spalten in der angezeigten Reihenfolge: %1.</translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>Ereignisse exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Keep credentials in the payload (activation keys, tokens, passwords)</source>
        <translation>Zugangsdaten in den Nutzdaten &amp;behalten (Aktivierungsschlüssel, Tokens, Passwörter)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Warning:&lt;/b&gt; the file will hold live credentials. Anyone who gets it can, for example, reset the password of another user&apos;s account. Without this option each such value is written as &quot;&amp;lt;redacted&amp;gt;&quot;.</source>
        <translation>&lt;b&gt;Warnung:&lt;/b&gt; Die Datei enthält gültige Zugangsdaten. Wer sie erhält, kann zum Beispiel das Passwort des Kontos eines anderen Benutzers zurücksetzen. Ohne diese Option wird jeder solche Wert als &quot;&amp;lt;redacted&amp;gt;&quot; geschrieben.</translation>
    </message>
    <message>
        <source>Add a &amp;payload column with</source>
        <translation>Eine &amp;Payload-Spalte hinzufügen mit</translation>
    </message>
    <message>
        <source>Payload column content</source>
        <translation>Inhalt der Payload-Spalte</translation>
    </message>
    <message>
        <source>each event&apos;s detail JSON</source>
        <translation>dem Detail-JSON jedes Ereignisses</translation>
    </message>
    <message>
        <source>the whole event as JSON</source>
        <translation>dem ganzen Ereignis als JSON</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>For &amp;Excel (a UTF-8 mark first, and a &quot;sep=,&quot; line where Excel expects semicolons)</source>
        <translation>Für &amp;Excel (zuerst eine UTF-8-Markierung und eine Zeile &quot;sep=,&quot;, wo Excel Semikolons erwartet)</translation>
    </message>
    <message>
        <source>&amp;Protect against formulas: cells starting with =, +, - or @ get a leading apostrophe (also when copying)</source>
        <translation>Vor &amp;Formeln schützen: Zellen, die mit =, +, - oder @ beginnen, erhalten einen Apostroph (auch beim Kopieren)</translation>
    </message>
    <message>
        <source>Also write the &amp;view beside the file (.view.json: filters, range, scope, account, time, rows), for File &gt; Open view</source>
        <translation>Auch die &amp;Ansicht neben die Datei schreiben (.view.json: Filter, Zeitraum, Umfang, Konto, Zeit, Zeilen), für Datei &gt; Ansicht öffnen</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Dateiformat</translation>
    </message>
    <message>
        <source>CSV (.csv): the visible columns, for spreadsheets</source>
        <translation>CSV (.csv): die sichtbaren Spalten, für Tabellenkalkulationen</translation>
    </message>
    <message>
        <source>JSON Lines (.jsonl): one whole event per line, for scripts</source>
        <translation>JSON Lines (.jsonl): ein ganzes Ereignis pro Zeile, für Skripte</translation>
    </message>
    <message>
        <source>JSON Lines files (*.jsonl);;All files (*)</source>
        <translation>JSON-Lines-Dateien (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Each line holds one whole event as JSON, every field as received, whatever the columns show.</source>
        <translation>Jede Zeile enthält ein ganzes Ereignis als JSON, jedes Feld wie empfangen, unabhängig von den angezeigten Spalten.</translation>
    </message>
</context>
<context>
    <name>FilterChip</name>
    <message>
        <source>Filter: %1</source>
        <translation>Filter: %1</translation>
    </message>
    <message>
        <source>Press Delete to remove this filter.</source>
        <translation>Entf entfernt diesen Filter.</translation>
    </message>
    <message>
        <source>Only events of %1. Delete or Backspace removes this filter.</source>
        <translation>Nur Ereignisse von %1. Entf oder Rücktaste entfernt diesen Filter.</translation>
    </message>
    <message>
        <source>Remove filter %1</source>
        <translation>Filter %1 entfernen</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>Diesen Filter entfernen</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Search events</source>
        <translation>Ereignisse durchsuchen</translation>
    </message>
    <message>
        <source>Search events (Ctrl+F)</source>
        <translation>Ereignisse durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>&amp;Time range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>&amp;Read:</source>
        <translation>&amp;Lesen:</translation>
    </message>
    <message>
        <source>ID to read</source>
        <translation>Zu lesende ID</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>Policy Control</source>
        <translation>Policy Control</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Event categories and types</source>
        <translation>Ereigniskategorien und -typen</translation>
    </message>
    <message>
        <source>Event types</source>
        <translation>Ereignistypen</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>Alle Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
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
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>Events are kept for 30 days. Changing the range reads the events again.</source>
        <translation>Ereignisse werden 30 Tage aufbewahrt. Ein anderer Zeitraum liest die Ereignisse neu.</translation>
    </message>
    <message>
        <source>Whole account</source>
        <translation>Ganzes Konto</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>SIM</source>
        <translation>SIM</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>MNO / reseller</source>
        <translation>MNO / Reseller</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Event types this viewer does not know yet</source>
        <translation>Ereignistypen, die diese Anzeige noch nicht kennt</translation>
    </message>
    <message>
        <source>Event type %1</source>
        <translation>Ereignistyp %1</translation>
    </message>
    <message>
        <source>Search problem</source>
        <translation>Problem mit der Suche</translation>
    </message>
    <message>
        <source>The ID of the device, SIM, user or organisation, or what you know it by: an ICCID or IMSI for a SIM, an IMEI or name for a device, a name for an organisation or user. Press Enter to read its events.</source>
        <translation>Die ID des Geräts, der SIM, des Benutzers oder der Organisation, oder was Sie davon kennen: ICCID oder IMSI einer SIM, IMEI oder Name eines Geräts, Name einer Organisation oder eines Benutzers. Eingabe liest die Ereignisse.</translation>
    </message>
    <message>
        <source>Not searched: %1</source>
        <translation>Nicht gesucht: %1</translation>
    </message>
    <message>
        <source>Known devices, SIMs, users and organisations</source>
        <translation>Bekannte Geräte, SIMs, Benutzer und Organisationen</translation>
    </message>
    <message>
        <source>Tick a category or event type to show its events; the second column counts the events the other filters show and the loaded events. Double-click or right-click shows only one.</source>
        <translation>Kategorie oder Ereignistyp ankreuzen, um die Ereignisse anzuzeigen; die zweite Spalte zählt die Ereignisse, die die übrigen Filter zeigen, und die geladenen. Doppelklick oder Rechtsklick zeigt nur einen.</translation>
    </message>
    <message>
        <source>Shown / loaded</source>
        <translation>Angezeigt / geladen</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>Letzte Woche</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 shown with the other filters, %2 loaded</source>
        <translation>%1 mit den übrigen Filtern angezeigt, %2 geladen</translation>
    </message>
    <message>
        <source>Show only this event type</source>
        <translation>Nur diesen Ereignistyp anzeigen</translation>
    </message>
    <message>
        <source>Show only this category</source>
        <translation>Nur diese Kategorie anzeigen</translation>
    </message>
    <message>
        <source>Show all event types</source>
        <translation>Alle Ereignistypen anzeigen</translation>
    </message>
    <message>
        <source>Every word must match: description, event type, organisation, device name, IP address, IMEI, tags, ICCID, IMSI, user, event ID or a payload value (by whole words). &quot;Quote a phrase&quot;, field:value for one field (type, category, severity, source, description, organisation, user, device, iccid, imsi, imei, ip, order, tracking, id, detail.&lt;key&gt;), field:=value for exactly that value, -word or -field:value to exclude. Esc clears.</source>
        <translation>Jedes Wort muss passen: Beschreibung, Ereignistyp, Organisation, Gerätename, IP-Adresse, IMEI, Tags, ICCID, IMSI, Benutzer, Ereignis-ID oder ein Wert der Nutzdaten (ganze Wörter). &quot;Phrase in Anführungszeichen&quot;, feld:wert für ein Feld (type, category, severity, source, description, organisation, user, device, iccid, imsi, imei, ip, order, tracking, id, detail.&lt;schlüssel&gt;), feld:=wert für genau diesen Wert, -wort oder -feld:wert schließt aus. Esc leert.</translation>
    </message>
    <message>
        <source>Events that do not match %1. Delete or Backspace removes this filter.</source>
        <translation>Ereignisse, die nicht zu %1 passen. Entf oder Rücktaste entfernt diesen Filter.</translation>
    </message>
    <message>
        <source>Only events that match %1. Delete or Backspace removes this filter.</source>
        <translation>Nur Ereignisse, die zu %1 passen. Entf oder Rücktaste entfernt diesen Filter.</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>Gespeicherte Ansichten</translation>
    </message>
    <message>
        <source>Click a view to apply it (Ctrl+1 to Ctrl+9 apply the first nine). Views &gt; Manage views renames, reorders, removes, imports and exports them.</source>
        <translation>Eine Ansicht anklicken, um sie anzuwenden (Strg+1 bis Strg+9 wenden die ersten neun an). Ansichten &gt; Ansichten verwalten benennt sie um, ordnet, entfernt, importiert und exportiert sie.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>FollowController</name>
    <message>
        <source>&amp;Follow</source>
        <translation>&amp;Verfolgen</translation>
    </message>
    <message>
        <source>Follow status</source>
        <translation>Status der Verfolgung</translation>
    </message>
    <message numerus="yes">
        <source>Read new events every %n second(s)</source>
        <translation>
            <numerusform>Liest jede Sekunde neue Ereignisse</numerusform>
            <numerusform>Liest alle %n Sekunden neue Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source>Following</source>
        <translation>Verfolgung aktiv</translation>
    </message>
    <message>
        <source>Following · checked %1</source>
        <translation>Verfolgung aktiv · geprüft um %1</translation>
    </message>
    <message>
        <source>Following · check at %1 failed, next in %2 s</source>
        <translation>Verfolgung aktiv · Prüfung um %1 fehlgeschlagen, nächste in %2 s</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>emnify Event Viewer</source>
        <translation>emnify Event Viewer</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Zeit</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Spalten</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>Export &amp;selected…</source>
        <translation>&amp;Auswahl exportieren…</translation>
    </message>
    <message>
        <source>&amp;Export all shown…</source>
        <translation>Alle angezeigten &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>Zeilen &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Clear &amp;search</source>
        <translation>Suche &amp;leeren</translation>
    </message>
    <message>
        <source>C&amp;lear all filters</source>
        <translation>Alle Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Relative (&quot;5 minutes ago&quot;)</source>
        <translation>&amp;Relativ („vor 5 Minuten“)</translation>
    </message>
    <message>
        <source>Absolute, &amp;local time</source>
        <translation>Absolut, &amp;Ortszeit</translation>
    </message>
    <message>
        <source>Absolute, &amp;UTC</source>
        <translation>Absolut, &amp;UTC</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>Sto&amp;pp</translation>
    </message>
    <message>
        <source>Stop reading events (what arrived stays)</source>
        <translation>Lesen der Ereignisse anhalten (was angekommen ist, bleibt)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Über</translation>
    </message>
    <message>
        <source>%1 — emnify Event Viewer</source>
        <translation>%1 — emnify Event Viewer</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Reading page %1 of %2 · %3 events</source>
        <translation>Lese Seite %1 von %2 · %3 Ereignisse</translation>
    </message>
    <message>
        <source>Reading · %1 events</source>
        <translation>Lese · %1 Ereignisse</translation>
    </message>
    <message>
        <source> · waited %1 s for the rate limit</source>
        <translation> · %1 s auf das Ratenlimit gewartet</translation>
    </message>
    <message numerus="yes">
        <source> · %n retries</source>
        <translation>
            <numerusform> · %n Wiederholung</numerusform>
            <numerusform> · %n Wiederholungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Read %1 events</source>
        <translation>%1 Ereignisse gelesen</translation>
    </message>
    <message>
        <source>Stopped · %1 events read</source>
        <translation>Angehalten · %1 Ereignisse gelesen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>SIM</source>
        <translation>SIM</translation>
    </message>
    <message>
        <source>IMSI</source>
        <translation>IMSI</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>SIM order</source>
        <translation>SIM-Bestellung</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Filter active</source>
        <translation>Filter aktiv</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>Nur %1</translation>
    </message>
    <message>
        <source>%1 events loaded, %2 shown</source>
        <translation>%1 Ereignisse geladen, %2 angezeigt</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>SIM orders</source>
        <translation>SIM-Bestellungen</translation>
    </message>
    <message>
        <source>SIM order &amp;providers…</source>
        <translation>&amp;Versanddienste für SIM-Bestellungen…</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %Ln events to %1…</source>
        <translation>
            <numerusform>%Ln Ereignis wird nach %1 exportiert…</numerusform>
            <numerusform>%Ln Ereignisse werden nach %1 exportiert…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln events could not be read and were skipped.</source>
        <translation>
            <numerusform>%Ln Ereignis konnte nicht gelesen werden und wurde übersprungen.</numerusform>
            <numerusform>%Ln Ereignisse konnten nicht gelesen werden und wurden übersprungen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln rows.</source>
        <translation>
            <numerusform>%Ln Zeile kopiert.</numerusform>
            <numerusform>%Ln Zeilen kopiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln events.</source>
        <translation>
            <numerusform>%Ln Ereignis exportiert.</numerusform>
            <numerusform>%Ln Ereignisse exportiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%Ln outside the time range)</source>
        <translation>
            <numerusform> (%Ln außerhalb des Zeitraums)</numerusform>
            <numerusform> (%Ln außerhalb des Zeitraums)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 from the archive · reading what is new…</source>
        <translation>%1 aus dem Archiv · lese, was neu ist…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>%1 (not connected) — emnify Event Viewer</source>
        <translation>%1 (nicht verbunden) — emnify Event Viewer</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (replaced %2)</source>
        <translation>%1 (ersetzt %2)</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>P&amp;references…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>%1 from the archive · %2</source>
        <translation>%1 aus dem Archiv · %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>T&amp;imeline</source>
        <translation>Zeit&amp;leiste</translation>
    </message>
    <message>
        <source>Show or hide the histogram of the shown events above the table</source>
        <translation>Das Histogramm der angezeigten Ereignisse über der Tabelle zeigen oder ausblenden</translation>
    </message>
    <message>
        <source>Copy &amp;as</source>
        <translation>Kopieren &amp;als</translation>
    </message>
    <message>
        <source>Ctrl+C copies</source>
        <translation>Strg+C kopiert</translation>
    </message>
    <message>
        <source>Open &amp;view…</source>
        <translation>Ansicht ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Apply the view an export was made with (.view.json) or the first of a views file</source>
        <translation>Die Ansicht anwenden, mit der ein Export entstand (.view.json), oder die erste einer Ansichtendatei</translation>
    </message>
    <message>
        <source>Open view</source>
        <translation>Ansicht öffnen</translation>
    </message>
    <message>
        <source>Views (*.view.json *.json);;All files (*)</source>
        <translation>Ansichten (*.view.json *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The view %1 could not be opened: %2</source>
        <translation>Die Ansicht %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The view was applied without what this version could not use: %1</source>
        <translation>Die Ansicht wurde angewendet, ohne was diese Version nicht verwenden konnte: %1</translation>
    </message>
    <message>
        <source>Applied the view of %1.</source>
        <translation>Die Ansicht von %1 wurde angewendet.</translation>
    </message>
    <message numerus="yes">
        <source>Applied the view of %1: %Ln events exported from %2 on %3.</source>
        <translation>
            <numerusform>Die Ansicht von %1 wurde angewendet: %Ln Ereignis, exportiert aus %2 am %3.</numerusform>
            <numerusform>Die Ansicht von %1 wurde angewendet: %Ln Ereignisse, exportiert aus %2 am %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>an unnamed account</source>
        <translation>einem unbenannten Konto</translation>
    </message>
    <message>
        <source>%1 events · %2</source>
        <translation>%1 Ereignisse · %2</translation>
    </message>
    <message>
        <source>Reading the archive · %1 events</source>
        <translation>Archiv wird gelesen · %1 Ereignisse</translation>
    </message>
    <message>
        <source>The team archive holds %1 events for this view; showing the newest %2. Narrow the range or filters to see all.</source>
        <translation>Das Team-Archiv enthält %1 Ereignisse für diese Ansicht; angezeigt werden die neuesten %2. Grenzen Sie Zeitraum oder Filter ein, um alle zu sehen.</translation>
    </message>
    <message>
        <source>The team archive holds more events for this view; showing the newest %1. Narrow the range or filters to see all.</source>
        <translation>Das Team-Archiv enthält mehr Ereignisse für diese Ansicht; angezeigt werden die neuesten %1. Grenzen Sie Zeitraum oder Filter ein, um alle zu sehen.</translation>
    </message>
    <message>
        <source>Cannot read the team archive: %1</source>
        <translation>Das Team-Archiv kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Open &amp;team archive…</source>
        <translation>&amp;Team-Archiv öffnen…</translation>
    </message>
    <message>
        <source>Show the events of a team archive (PostgreSQL) or an archive file, read-only</source>
        <translation>Die Ereignisse eines Team-Archivs (PostgreSQL) oder einer Archivdatei anzeigen, nur lesend</translation>
    </message>
    <message>
        <source>Cannot open the archive: %1</source>
        <translation>Das Archiv kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>An archive shows what was synced into it: there is no API to follow. Connect to an account to follow it.</source>
        <translation>Ein Archiv zeigt, was in es synchronisiert wurde: Es gibt keine API zum Mitverfolgen. Verbinden Sie sich mit einem Konto, um es mitzuverfolgen.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Team archive %1 · synced until %2</source>
        <translation>Team-Archiv %1 · synchronisiert bis %2</translation>
    </message>
    <message>
        <source>Archive %1 · synced until %2</source>
        <translation>Archiv %1 · synchronisiert bis %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>The password is used for this run only: the keychain cannot keep it (%1).</source>
        <translation>Das Passwort gilt nur für diese Sitzung: Der Schlüsselbund kann es nicht speichern (%1).</translation>
    </message>
</context>
<context>
    <name>NewEventsBar</name>
    <message>
        <source>&amp;Show new events</source>
        <translation>Neue Ereignisse &amp;zeigen</translation>
    </message>
    <message>
        <source>New events</source>
        <translation>Neue Ereignisse</translation>
    </message>
    <message>
        <source>Show new events</source>
        <translation>Neue Ereignisse zeigen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <source>%n new event(s)</source>
        <translation>
            <numerusform>%n neues Ereignis</numerusform>
            <numerusform>%n neue Ereignisse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <source>Submitted, not paid yet</source>
        <translation>Aufgegeben, noch nicht bezahlt</translation>
    </message>
    <message>
        <source>Paid, not shipped yet</source>
        <translation>Bezahlt, noch nicht versandt</translation>
    </message>
    <message>
        <source>Orders with an event in the last 7 days</source>
        <translation>Bestellungen mit einem Ereignis in den letzten 7 Tagen</translation>
    </message>
    <message>
        <source>Search order ID, tracking reference, organisation</source>
        <translation>Bestell-ID, Sendungsnummer, Organisation suchen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Copy tracking reference</source>
        <translation>Sendungsnummer kopieren</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Übermittelt</translation>
    </message>
    <message>
        <source>updated, no status given (stays %1)</source>
        <translation>aktualisiert, ohne Status (bleibt %1)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 again</source>
        <translation>erneut %1</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Export shown orders…</source>
        <translation>Angezeigte Bestellungen exportieren…</translation>
    </message>
    <message>
        <source>Export orders</source>
        <translation>Bestellungen exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export selected orders…</source>
        <translation>Ausgewählte Bestellungen exportieren…</translation>
    </message>
    <message>
        <source>Submitted (unpaid) %1</source>
        <translation>Aufgegeben (unbezahlt) %1</translation>
    </message>
    <message>
        <source>Paid (not shipped) %1</source>
        <translation>Bezahlt (nicht versandt) %1</translation>
    </message>
    <message>
        <source>Shipped %1</source>
        <translation>Versandt %1</translation>
    </message>
    <message>
        <source>Canceled %1</source>
        <translation>Storniert %1</translation>
    </message>
    <message>
        <source>Updated in the last 7 days %1</source>
        <translation>In den letzten 7 Tagen aktualisiert %1</translation>
    </message>
    <message>
        <source>&lt;i&gt;Select an order to see its timeline.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wählen Sie eine Bestellung, um ihren Verlauf zu sehen.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Order %1&lt;/b&gt; · &lt;span style=&quot;color:%2&quot;&gt;%3&lt;/span&gt;&lt;br&gt;%4</source>
        <translation>&lt;b&gt;Bestellung %1&lt;/b&gt; · &lt;span style=&quot;color:%2&quot;&gt;%3&lt;/span&gt;&lt;br&gt;%4</translation>
    </message>
    <message>
        <source>&lt;br&gt;Shipped with %1 · tracking reference &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>&lt;br&gt;Versandt mit %1 · Sendungsnummer &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;events&quot;&gt;Show its event in the event table&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;events&quot;&gt;Ihr Ereignis in der Ereignistabelle zeigen&lt;/a&gt;</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;events&quot;&gt;Show its %1 events in the event table&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;events&quot;&gt;Ihre %1 Ereignisse in der Ereignistabelle zeigen&lt;/a&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;%1 (the submit event is not in the loaded time range)&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;%1 (das Aufgabe-Ereignis liegt nicht im geladenen Zeitraum)&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source> · %1</source>
        <translation> · %1</translation>
    </message>
    <message>
        <source> · tracking %1</source>
        <translation> · Sendung %1</translation>
    </message>
    <message>
        <source>Search orders</source>
        <translation>Bestellungen durchsuchen</translation>
    </message>
    <message>
        <source>SIM orders</source>
        <translation>SIM-Bestellungen</translation>
    </message>
    <message>
        <source>Order timeline</source>
        <translation>Verlauf der Bestellung</translation>
    </message>
</context>
<context>
    <name>PayloadSecrets</name>
    <message>
        <source>activation key</source>
        <translation>Aktivierungsschlüssel</translation>
    </message>
    <message>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>auth token</source>
        <translation>Auth-Token</translation>
    </message>
    <message>
        <source>refresh token</source>
        <translation>Refresh-Token</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>application token</source>
        <translation>Anwendungstoken</translation>
    </message>
    <message>
        <source>JWT</source>
        <translation>JWT</translation>
    </message>
    <message>
        <source>%1 hidden: %2, 1 character</source>
        <translation>%1 ausgeblendet: %2, 1 Zeichen</translation>
    </message>
    <message>
        <source>%1 hidden: %2, %3 characters</source>
        <translation>%1 ausgeblendet: %2, %3 Zeichen</translation>
    </message>
</context>
<context>
    <name>Pivot</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not: %1</source>
        <translation>nicht: %1</translation>
    </message>
</context>
<context>
    <name>PivotActions</name>
    <message>
        <source>Show only this device (%1)</source>
        <translation>Nur dieses Gerät anzeigen (%1)</translation>
    </message>
    <message>
        <source>Show only this SIM (%1)</source>
        <translation>Nur diese SIM anzeigen (%1)</translation>
    </message>
    <message>
        <source>Show only this organisation (%1)</source>
        <translation>Nur diese Organisation anzeigen (%1)</translation>
    </message>
    <message>
        <source>Show only this user (%1)</source>
        <translation>Nur diesen Benutzer anzeigen (%1)</translation>
    </message>
    <message>
        <source>Show only this IMSI (%1)</source>
        <translation>Nur diese IMSI anzeigen (%1)</translation>
    </message>
    <message>
        <source>Show only this order (%1)</source>
        <translation>Nur diese Bestellung anzeigen (%1)</translation>
    </message>
    <message>
        <source>Show only this value</source>
        <translation>Nur diesen Wert anzeigen</translation>
    </message>
    <message>
        <source>Exclude this value</source>
        <translation>Diesen Wert ausschließen</translation>
    </message>
    <message>
        <source>Pivot menu of the current cell</source>
        <translation>Pivot-Menü der aktuellen Zelle</translation>
    </message>
    <message>
        <source>Show only &quot;%1&quot;</source>
        <translation>Nur &quot;%1&quot; anzeigen</translation>
    </message>
    <message>
        <source>Exclude &quot;%1&quot;</source>
        <translation>&quot;%1&quot; ausschließen</translation>
    </message>
    <message>
        <source>Events around this one (±5 min)</source>
        <translation>Ereignisse um dieses herum (±5 min)</translation>
    </message>
    <message>
        <source>Show only %1: &quot;%2&quot;</source>
        <translation>Nur %1: &quot;%2&quot; anzeigen</translation>
    </message>
    <message>
        <source>Exclude %1: &quot;%2&quot;</source>
        <translation>%1: &quot;%2&quot; ausschließen</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Follow interval</source>
        <translation>Intervall für Verfolgen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Follow interval limit</source>
        <translation>Grenze des Intervalls für Verfolgen</translation>
    </message>
    <message numerus="yes">
        <source>At least %n second(s): a poll may use no more than a tenth of the %1 requests per second this client sends to the API, so that a load or an export running at the same time keeps its pace. After refused polls (HTTP 429 or 5xx) the wait doubles.</source>
        <translation>
            <numerusform>Mindestens %n Sekunde: Eine Abfrage darf höchstens ein Zehntel der %1 Anfragen pro Sekunde nutzen, die dieser Client an die API sendet, damit ein gleichzeitiges Laden oder Exportieren sein Tempo behält. Nach abgelehnten Abfragen (HTTP 429 oder 5xx) verdoppelt sich die Wartezeit.</numerusform>
            <numerusform>Mindestens %n Sekunden: Eine Abfrage darf höchstens ein Zehntel der %1 Anfragen pro Sekunde nutzen, die dieser Client an die API sendet, damit ein gleichzeitiges Laden oder Exportieren sein Tempo behält. Nach abgelehnten Abfragen (HTTP 429 oder 5xx) verdoppelt sich die Wartezeit.</numerusform>
        </translation>
    </message>
    <message>
        <source>Follow: read new events every</source>
        <translation>Verfolgen: neue Ereignisse lesen alle</translation>
    </message>
</context>
<context>
    <name>ProviderNamesDialog</name>
    <message>
        <source>SIM order providers</source>
        <translation>Versanddienste für SIM-Bestellungen</translation>
    </message>
    <message>
        <source>The emnify API sends a shipping provider as a number only. Name the providers you know; the others show as &quot;provider N&quot;.</source>
        <translation>Die emnify-API sendet einen Versanddienst nur als Nummer. Benennen Sie die Versanddienste, die Sie kennen; die anderen erscheinen als „Versanddienst N“.</translation>
    </message>
    <message>
        <source>Provider ID</source>
        <translation>Versanddienst-ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Provider names</source>
        <translation>Namen der Versanddienste</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Demo account</source>
        <translation>Demokonto</translation>
    </message>
    <message>
        <source>Preparing the demo account… %1 of %2 events</source>
        <translation>Das Demokonto wird vorbereitet… %1 von %2 Ereignissen</translation>
    </message>
    <message>
        <source>Preparing the demo account…</source>
        <translation>Das Demokonto wird vorbereitet…</translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message>
        <source>Warn and Critical, last 24 h</source>
        <translation>Warnung und Kritisch, letzte 24 h</translation>
    </message>
    <message>
        <source>SIM orders, last 7 days</source>
        <translation>SIM-Bestellungen, letzte 7 Tage</translation>
    </message>
    <message>
        <source>Authentication, last 24 h</source>
        <translation>Authentifizierung, letzte 24 h</translation>
    </message>
    <message>
        <source>Platform package and data plan changes, last 30 days</source>
        <translation>Änderungen an Plattformpaket und Datentarif, letzte 30 Tage</translation>
    </message>
    <message>
        <source>The file holds no saved views.</source>
        <translation>Die Datei enthält keine gespeicherten Ansichten.</translation>
    </message>
    <message>
        <source>%1: unknown field</source>
        <translation>%1: unbekanntes Feld</translation>
    </message>
    <message>
        <source>%1: no name, not imported</source>
        <translation>%1: kein Name, nicht importiert</translation>
    </message>
</context>
<context>
    <name>SavedViewsDialog</name>
    <message>
        <source>Manage views</source>
        <translation>Ansichten verwalten</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>Gespeicherte Ansichten</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>Replace with &amp;current view</source>
        <translation>Durch &amp;aktuelle Ansicht ersetzen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Show again</source>
        <translation>&amp;Wieder zeigen</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Restore &amp;built-in views</source>
        <translation>&amp;Mitgelieferte Ansichten wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Import views</source>
        <translation>Ansichten importieren</translation>
    </message>
    <message>
        <source>Views (*.json);;All files (*)</source>
        <translation>Ansichten (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export views</source>
        <translation>Ansichten exportieren</translation>
    </message>
    <message>
        <source>Views (*.json)</source>
        <translation>Ansichten (*.json)</translation>
    </message>
    <message>
        <source>The views could not be written: %1</source>
        <translation>Die Ansichten konnten nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Die Datei konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation>Nichts wurde importiert. %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n views, without what this version could not apply:</source>
        <translation>
            <numerusform>%n Ansicht importiert, ohne was diese Version nicht anwenden konnte:</numerusform>
            <numerusform>%n Ansichten importiert, ohne was diese Version nicht anwenden konnte:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (removed)</source>
        <translation>%1 (entfernt)</translation>
    </message>
    <message>
        <source>Rename view</source>
        <translation>Ansicht umbenennen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>SearchQuery</name>
    <message>
        <source>Unknown search field &quot;%1:&quot;. Fields: %2, or detail.&lt;key&gt; for a payload key.</source>
        <translation>Unbekanntes Suchfeld &quot;%1:&quot;. Felder: %2, oder detail.&lt;schlüssel&gt; für einen Schlüssel der Nutzdaten.</translation>
    </message>
    <message>
        <source>The quote at character %1 is not closed.</source>
        <translation>Das Anführungszeichen an Zeichen %1 wird nicht geschlossen.</translation>
    </message>
    <message>
        <source>&quot;%1:&quot; needs a value, e.g. %1:&quot;some text&quot;.</source>
        <translation>&quot;%1:&quot; braucht einen Wert, z. B. %1:&quot;ein Text&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1:&quot; takes a number, not &quot;%2&quot;.</source>
        <translation>&quot;%1:&quot; erwartet eine Zahl, nicht &quot;%2&quot;.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1 (in %2)</translation>
    </message>
</context>
<context>
    <name>SimCardOrder</name>
    <message>
        <source>Submitted</source>
        <translation>Übermittelt</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Versandt</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Updated (no status given)</source>
        <translation>Aktualisiert (ohne Status)</translation>
    </message>
    <message>
        <source>Status %1</source>
        <translation>Status %1</translation>
    </message>
    <message>
        <source>provider %1</source>
        <translation>Versanddienst %1</translation>
    </message>
</context>
<context>
    <name>SimOrderColumns</name>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Übermittelt</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>Aufgegeben von</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Versandt</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Versanddienst</translation>
    </message>
    <message>
        <source>Tracking reference</source>
        <translation>Sendungsnummer</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>submitted before %1</source>
        <translation>aufgegeben vor %1</translation>
    </message>
</context>
<context>
    <name>SimOrderTableModel</name>
    <message>
        <source>The order&apos;s submit event is older than the loaded events.</source>
        <translation>Das Aufgabe-Ereignis der Bestellung ist älter als die geladenen Ereignisse.</translation>
    </message>
</context>
<context>
    <name>TeamArchiveDialog</name>
    <message>
        <source>Open team archive</source>
        <translation>Team-Archiv öffnen</translation>
    </message>
    <message>
        <source>Team archive URL</source>
        <translation>URL des Team-Archivs</translation>
    </message>
    <message>
        <source>Archive &amp;file…</source>
        <translation>Archiv&amp;datei…</translation>
    </message>
    <message>
        <source>A local archive file (.sqlite) instead</source>
        <translation>Stattdessen eine lokale Archivdatei (.sqlite)</translation>
    </message>
    <message>
        <source>Open archive file</source>
        <translation>Archivdatei öffnen</translation>
    </message>
    <message>
        <source>Archives (*.sqlite);;All files (*)</source>
        <translation>Archive (*.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the keychain</source>
        <translation>Passwort im Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>The team archive&apos;s PostgreSQL URL, for example postgresql://viewer@db.example.com/events?sslmode=verify-full. It is opened read-only. The password is never part of the URL: type it below, or leave it empty for the one in the keychain, PGPASSWORD or ~/.pgpass.</source>
        <translation>Die PostgreSQL-URL des Team-Archivs, zum Beispiel postgresql://viewer@db.example.com/events?sslmode=verify-full. Es wird nur gelesen. Das Passwort ist nie Teil der URL: Geben Sie es unten ein oder lassen Sie das Feld leer für das aus dem Schlüsselbund, PGPASSWORD oder ~/.pgpass.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>From the keychain, PGPASSWORD or ~/.pgpass</source>
        <translation>Aus dem Schlüsselbund, PGPASSWORD oder ~/.pgpass</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Shown events over the time range, by severity. Click or drag across bars to narrow the time range.</source>
        <translation>Angezeigte Ereignisse über den Zeitraum, nach Schweregrad. Klicken oder über Balken ziehen, um den Zeitraum einzugrenzen.</translation>
    </message>
    <message>
        <source>%1, %2 to %3</source>
        <translation>%1, %2 bis %3</translation>
    </message>
    <message>
        <source>%1 %2 to %3 %4</source>
        <translation>%1 %2 bis %3 %4</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>other</source>
        <translation>andere</translation>
    </message>
    <message numerus="yes">
        <source>%Ln events</source>
        <translation>
            <numerusform>%Ln Ereignis</numerusform>
            <numerusform>%Ln Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source>No time range</source>
        <translation>Kein Zeitraum</translation>
    </message>
</context>
<context>
    <name>ViewFile</name>
    <message>
        <source>The file holds no saved views.</source>
        <translation>Die Datei enthält keine gespeicherten Ansichten.</translation>
    </message>
    <message>
        <source>The file holds %1 views; this is the first, &quot;%2&quot; (Views &gt; Manage views imports them all).</source>
        <translation>Die Datei enthält %1 Ansichten; dies ist die erste, „%2“ (Ansichten &gt; Ansichten verwalten importiert alle).</translation>
    </message>
    <message>
        <source>The file holds no view of the event viewer.</source>
        <translation>Die Datei enthält keine Ansicht der Ereignisanzeige.</translation>
    </message>
    <message>
        <source>%1: unknown field</source>
        <translation>%1: unbekanntes Feld</translation>
    </message>
    <message>
        <source>The file is too large for a view file.</source>
        <translation>Die Datei ist zu groß für eine Ansichtsdatei.</translation>
    </message>
</context>
<context>
    <name>ViewNavigator</name>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Go back to the previous filters, sort and selected event</source>
        <translation>Zurück zu den vorigen Filtern, der Sortierung und dem gewählten Ereignis</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>&amp;Vor</translation>
    </message>
    <message>
        <source>Go forward again to the view you went back from</source>
        <translation>Wieder vor zu der Ansicht, von der Sie zurückgegangen sind</translation>
    </message>
    <message>
        <source>V&amp;iews</source>
        <translation>Ansi&amp;chten</translation>
    </message>
    <message>
        <source>&amp;Save current view…</source>
        <translation>Aktuelle Ansicht &amp;speichern…</translation>
    </message>
    <message>
        <source>&amp;Manage views…</source>
        <translation>Ansichten &amp;verwalten…</translation>
    </message>
    <message>
        <source>View &quot;%1&quot; applied.</source>
        <translation>Ansicht „%1“ angewendet.</translation>
    </message>
    <message>
        <source>Save current view</source>
        <translation>Aktuelle Ansicht speichern</translation>
    </message>
    <message>
        <source>Name of the view (filters, time range, scope, columns and sort):</source>
        <translation>Name der Ansicht (Filter, Zeitraum, Umfang, Spalten und Sortierung):</translation>
    </message>
    <message>
        <source>View &quot;%1&quot; saved.</source>
        <translation>Ansicht „%1“ gespeichert.</translation>
    </message>
</context>
<context>
    <name>ViewRequest</name>
    <message>
        <source>Enter the ID of the device, SIM, user or organisation to read, an ICCID, IMSI or IMEI, or a name.</source>
        <translation>Geben Sie die ID des Geräts, der SIM, des Benutzers oder der Organisation ein, eine ICCID, IMSI oder IMEI, oder einen Namen.</translation>
    </message>
</context>
<context>
    <name>ViewState</name>
    <message>
        <source>%1: not a list</source>
        <translation>%1: keine Liste</translation>
    </message>
    <message>
        <source>%1: unknown value &quot;%2&quot;</source>
        <translation>%1: unbekannter Wert „%2“</translation>
    </message>
    <message>
        <source>%1: not an event id</source>
        <translation>%1: keine Ereignis-ID</translation>
    </message>
    <message>
        <source>%1: not a valid time range</source>
        <translation>%1: kein gültiger Zeitraum</translation>
    </message>
    <message>
        <source>%1: unknown time range &quot;%2&quot;</source>
        <translation>%1: unbekannter Zeitraum „%2“</translation>
    </message>
    <message>
        <source>%1: unknown field</source>
        <translation>%1: unbekanntes Feld</translation>
    </message>
    <message>
        <source>%1: unknown scope &quot;%2&quot;</source>
        <translation>%1: unbekannter Umfang „%2“</translation>
    </message>
    <message>
        <source>%1: a scope without an id</source>
        <translation>%1: ein Umfang ohne ID</translation>
    </message>
    <message>
        <source>%1: unknown category &quot;%2&quot;</source>
        <translation>%1: unbekannte Kategorie „%2“</translation>
    </message>
    <message>
        <source>%1: not an event type id</source>
        <translation>%1: keine Ereignistyp-ID</translation>
    </message>
    <message>
        <source>%1: not a text</source>
        <translation>%1: kein Text</translation>
    </message>
    <message>
        <source>%1: unknown column &quot;%2&quot;</source>
        <translation>%1: unbekannte Spalte „%2“</translation>
    </message>
    <message>
        <source>%1: unknown order &quot;%2&quot;</source>
        <translation>%1: unbekannte Reihenfolge „%2“</translation>
    </message>
    <message>
        <source>%1: not a pin (entity, id and label)</source>
        <translation>%1: kein Filter auf ein Objekt (Art, ID und Bezeichnung)</translation>
    </message>
    <message>
        <source>The file has no valid version.</source>
        <translation>Die Datei hat keine gültige Version.</translation>
    </message>
    <message>
        <source>The file is from a newer version of the viewer (format %1, this one reads %2): what it does not know is left out.</source>
        <translation>Die Datei stammt von einer neueren Version der Anzeige (Format %1, diese liest %2): was sie nicht kennt, bleibt weg.</translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1 at byte %2).</source>
        <translation>Die Datei ist kein gültiges JSON (%1 bei Byte %2).</translation>
    </message>
</context>
</TS>
