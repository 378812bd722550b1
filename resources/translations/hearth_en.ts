<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditPage</name>
    <message numerus="yes">
        <source>Newest first; showing %n event(s).</source>
        <translation>
            <numerusform>Newest first; showing %n event.</numerusform>
            <numerusform>Newest first; showing %n events.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChildForm</name>
    <message numerus="yes">
        <source>Age: %n</source>
        <translation>
            <numerusform>Age: %n</numerusform>
            <numerusform>Age: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Complaints</name>
    <message numerus="yes">
        <source>Your guardian will reply by %1 (within %n days).</source>
        <translation>
            <numerusform>Your guardian will reply by %1 (within %n day).</numerusform>
            <numerusform>Your guardian will reply by %1 (within %n days).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>If your guardian forwards it, Hearth&apos;s publisher replies within %n days.</source>
        <translation>
            <numerusform>If your guardian forwards it, Hearth&apos;s publisher replies within %n day.</numerusform>
            <numerusform>If your guardian forwards it, Hearth&apos;s publisher replies within %n days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountdownBanner</name>
    <message numerus="yes">
        <source>%n second(s) left</source>
        <translation>
            <numerusform>%n second left</numerusform>
            <numerusform>%n seconds left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message numerus="yes">
        <source>That message is too long: at most %n characters. Nothing was sent; your text is still here.</source>
        <translation>
            <numerusform>That message is too long: at most %n character. Nothing was sent; your text is still here.</numerusform>
            <numerusform>That message is too long: at most %n characters. Nothing was sent; your text is still here.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Last %n day</numerusform>
            <numerusform>Last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In total: %1 h %2 min, on average %n min a day.</source>
        <translation>
            <numerusform>In total: %1 h %2 min, on average %n min a day.</numerusform>
            <numerusform>In total: %1 h %2 min, on average %n min a day.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The daily limit was reached on %n day(s).</source>
        <translation>
            <numerusform>The daily limit was reached on %n day.</numerusform>
            <numerusform>The daily limit was reached on %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) to chat during the night-time curfew.</source>
        <translation>
            <numerusform>%n attempt to chat during the night-time curfew.</numerusform>
            <numerusform>%n attempts to chat during the night-time curfew.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>More time given %n time(s); curfew lifted %1 time(s).</source>
        <translation>
            <numerusform>More time given %n time; curfew lifted %1 time(s).</numerusform>
            <numerusform>More time given %n times; curfew lifted %1 time(s).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) shown.</source>
        <translation>
            <numerusform>%n reminder shown.</numerusform>
            <numerusform>%n reminders shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hearth noticed %n attempt(s) to change the clock or the usage records; see the activity log.</source>
        <translation>
            <numerusform>Hearth noticed %n attempt to change the clock or the usage records; see the activity log.</numerusform>
            <numerusform>Hearth noticed %n attempts to change the clock or the usage records; see the activity log.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupTexts</name>
    <message numerus="yes">
        <source>That is too long: at most %n characters.</source>
        <translation>
            <numerusform>That is too long: at most %n character.</numerusform>
            <numerusform>That is too long: at most %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A numeric PIN needs at least %n digits.</source>
        <translation>
            <numerusform>A numeric PIN needs at least %n digit.</numerusform>
            <numerusform>A numeric PIN needs at least %n digits.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A passphrase needs at least %n characters (or use a PIN of at least 6 digits).</source>
        <translation>
            <numerusform>A passphrase needs at least %n character (or use a PIN of at least 6 digits).</numerusform>
            <numerusform>A passphrase needs at least %n characters (or use a PIN of at least 6 digits).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more wrong tries before PIN entry pauses.</source>
        <translation>
            <numerusform>%n more wrong try before PIN entry pauses.</numerusform>
            <numerusform>%n more wrong tries before PIN entry pauses.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupervisionInfoDialog</name>
    <message numerus="yes">
        <source>Your chats are saved on this computer and deleted automatically after %n days.</source>
        <translation>
            <numerusform>Your chats are saved on this computer and deleted automatically after %n day.</numerusform>
            <numerusform>Your chats are saved on this computer and deleted automatically after %n days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SystemPage</name>
    <message numerus="yes">
        <source>%n check(s) need attention.</source>
        <translation>
            <numerusform>%n check needs attention.</numerusform>
            <numerusform>%n checks need attention.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimeRulesForm</name>
    <message numerus="yes">
        <source>default: %n min</source>
        <translation>
            <numerusform>default: %n min</numerusform>
            <numerusform>default: %n min</numerusform>
        </translation>
    </message>
</context>
</TS>
