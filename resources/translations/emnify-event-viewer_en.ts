<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountFlow</name>
    <message numerus="yes">
        <source>%n archived event(s) beyond the retention settings removed.</source>
        <translation>
            <numerusform>%n archived event beyond the retention settings removed.</numerusform>
            <numerusform>%n archived events beyond the retention settings removed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArchiveDialog</name>
    <message numerus="yes">
        <source>%n interval(s)</source>
        <translation>
            <numerusform>%n interval</numerusform>
            <numerusform>%n intervals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message numerus="yes">
        <source>Exporting %Ln events…</source>
        <translation>
            <numerusform>Exporting %Ln event…</numerusform>
            <numerusform>Exporting %Ln events…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowController</name>
    <message numerus="yes">
        <source>Read new events every %n second(s)</source>
        <translation>
            <numerusform>Read new events every second</numerusform>
            <numerusform>Read new events every %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source> · %n retries</source>
        <translation>
            <numerusform> · %n retry</numerusform>
            <numerusform> · %n retries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %Ln events to %1…</source>
        <translation>
            <numerusform>Exporting %Ln event to %1…</numerusform>
            <numerusform>Exporting %Ln events to %1…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln events could not be read and were skipped.</source>
        <translation>
            <numerusform>%Ln event could not be read and was skipped.</numerusform>
            <numerusform>%Ln events could not be read and were skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln rows.</source>
        <translation>
            <numerusform>Copied %Ln row.</numerusform>
            <numerusform>Copied %Ln rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln events.</source>
        <translation>
            <numerusform>Exported %Ln event.</numerusform>
            <numerusform>Exported %Ln events.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%Ln outside the time range)</source>
        <translation>
            <numerusform> (%Ln outside the time range)</numerusform>
            <numerusform> (%Ln outside the time range)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Applied the view of %1: %Ln events exported from %2 on %3.</source>
        <translation>
            <numerusform>Applied the view of %1: %Ln event exported from %2 on %3.</numerusform>
            <numerusform>Applied the view of %1: %Ln events exported from %2 on %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewEventsBar</name>
    <message numerus="yes">
        <source>%n new event(s)</source>
        <translation>
            <numerusform>%n new event</numerusform>
            <numerusform>%n new events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message numerus="yes">
        <source>At least %n second(s): a poll may use no more than a tenth of the %1 requests per second this client sends to the API, so that a load or an export running at the same time keeps its pace. After refused polls (HTTP 429 or 5xx) the wait doubles.</source>
        <translation>
            <numerusform>At least %n second: a poll may use no more than a tenth of the %1 requests per second this client sends to the API, so that a load or an export running at the same time keeps its pace. After refused polls (HTTP 429 or 5xx) the wait doubles.</numerusform>
            <numerusform>At least %n seconds: a poll may use no more than a tenth of the %1 requests per second this client sends to the API, so that a load or an export running at the same time keeps its pace. After refused polls (HTTP 429 or 5xx) the wait doubles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SavedViewsDialog</name>
    <message numerus="yes">
        <source>Imported %n views, without what this version could not apply:</source>
        <translation>
            <numerusform>Imported %n view, without what this version could not apply:</numerusform>
            <numerusform>Imported %n views, without what this version could not apply:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message numerus="yes">
        <source>%Ln events</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
</context>
</TS>
