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
    <name>MainWindow</name>
    <message numerus="yes">
        <source> · %n retries</source>
        <translation>
            <numerusform> · %n retry</numerusform>
            <numerusform> · %n retries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) could not be read and were skipped.</source>
        <translation>
            <numerusform>%n event could not be read and was skipped.</numerusform>
            <numerusform>%n events could not be read and were skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s).</source>
        <translation>
            <numerusform>Copied %n row.</numerusform>
            <numerusform>Copied %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s).</source>
        <translation>
            <numerusform>Exported %n event.</numerusform>
            <numerusform>Exported %n events.</numerusform>
        </translation>
    </message>
</context>
</TS>
