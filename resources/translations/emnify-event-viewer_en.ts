<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
</TS>
