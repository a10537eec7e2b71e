<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
</context>
</TS>
