<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>TokenReviewer</name>
    <message numerus="yes">
        <source>Disabled for more than %n day(s): delete it.</source>
        <translation>
            <numerusform>Disabled for more than %n day: delete it.</numerusform>
            <numerusform>Disabled for more than %n days: delete it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rotation overdue by %n day(s) (due %1).</source>
        <translation>
            <numerusform>Rotation overdue by %n day (due %1).</numerusform>
            <numerusform>Rotation overdue by %n days (due %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rotation due in %n day(s) (on %1).</source>
        <translation>
            <numerusform>Rotation due in %n day (on %1).</numerusform>
            <numerusform>Rotation due in %n days (on %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s) on the entries of its controls.</source>
        <translation>
            <numerusform>%n warning on the entries of its controls.</numerusform>
            <numerusform>%n warnings on the entries of its controls.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::sandbox::SandboxServer</name>
    <message numerus="yes">
        <source>Too many requests: try again in %n second(s).</source>
        <translation>
            <numerusform>Too many requests: try again in %n second.</numerusform>
            <numerusform>Too many requests: try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::ui::InventoryView</name>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n token(s)</source>
        <translation>
            <numerusform>%1 of %n token</numerusform>
            <numerusform>%1 of %n tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::ui::MainWindow</name>
    <message numerus="yes">
        <source>The value is hidden again in %n second(s).</source>
        <translation>
            <numerusform>The value is hidden again in %n second.</numerusform>
            <numerusform>The value is hidden again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Value copied; the clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>Value copied; the clipboard is cleared in %n second.</numerusform>
            <numerusform>Value copied; the clipboard is cleared in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> %n conflict(s) need you.</source>
        <translation>
            <numerusform> %n conflict need you.</numerusform>
            <numerusform> %n conflicts need you.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n token(s)…</source>
        <translation>
            <numerusform>Importing %n token…</numerusform>
            <numerusform>Importing %n tokens…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove “%1”? %n change(s) not yet sent will be lost.</source>
        <translation>
            <numerusform>Remove “%1”? %n change not yet sent will be lost.</numerusform>
            <numerusform>Remove “%1”? %n changes not yet sent will be lost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::ui::OutboxDialog</name>
    <message numerus="yes">
        <source>%n change(s) waiting for the portal.</source>
        <translation>
            <numerusform>%n change waiting for the portal.</numerusform>
            <numerusform>%n changes waiting for the portal.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for you to resolve a conflict.</source>
        <translation>
            <numerusform>%n waiting for you to resolve a conflict.</numerusform>
            <numerusform>%n waiting for you to resolve a conflict.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::ui::SyncStatusPanel</name>
    <message numerus="yes">
        <source>%n pending change(s)</source>
        <translation>
            <numerusform>%n pending change</numerusform>
            <numerusform>%n pending changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::ui::TokenDetailPane</name>
    <message numerus="yes">
        <source>%1 (every %n day(s))</source>
        <translation>
            <numerusform>%1 (every %n day)</numerusform>
            <numerusform>%1 (every %n days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tokendesk::ui::TokenTableModel</name>
    <message numerus="yes">
        <source>%n origin(s)</source>
        <translation>
            <numerusform>%n origin</numerusform>
            <numerusform>%n origins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n URL(s)</source>
        <translation>
            <numerusform>%n URL</numerusform>
            <numerusform>%n URLs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n IP(s)</source>
        <translation>
            <numerusform>%n IP</numerusform>
            <numerusform>%n IPs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s); select the token to see them.</source>
        <translation>
            <numerusform>%n finding; select the token to see them.</numerusform>
            <numerusform>%n findings; select the token to see them.</numerusform>
        </translation>
    </message>
</context>
</TS>
