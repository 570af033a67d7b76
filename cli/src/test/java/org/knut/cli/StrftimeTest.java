package org.knut.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knut.core.testing.Command;

/** Our strftime against glibc's, through date(1), for instants that exercise week numbers, 12-hour clocks and zones. */
class StrftimeTest {
    static final String ALL = "%a %A %b %h %B %c|%C %d %D %e %F %g %G %H %I %j %k %l %m %M %n %p %P %r %R %s %S %t %T"
            + "|%u %U %V %w %W %x %X %y %Y %z %Z %% %-d %_m %0e %^a %^B %Ey %Od %Q";

    @ParameterizedTest
    @CsvSource({
            "1700000000, UTC",
            "0, UTC",
            "1704067199, UTC",
            "1704067200, Europe/Berlin",
            "1719792000, Europe/Berlin",
            "1735689599, America/New_York",
            "946684800, Asia/Kolkata",
            "1609459200, UTC"})
    void matchesGlibc(long epoch, String zone) throws IOException {
        Command.Result date = Command.run(List.of("env", "TZ=" + zone, "LC_ALL=C", "date", "-d", "@" + epoch, "+" + ALL));
        assertEquals(0, date.exitCode(), date.toString());
        ZonedDateTime t = ZonedDateTime.ofInstant(Instant.ofEpochSecond(epoch), ZoneId.of(zone));
        assertEquals(date.stdout(), Strftime.format(ALL, t) + "\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "%Y%m%d %H%M%S|20231114 221320",
            "plain text|plain text",
            "trailing %|trailing %",
            "%|%",
            "100%%|100%"})
    void upslogsOwnFormats(String fmt, String expected) {
        ZonedDateTime t = ZonedDateTime.ofInstant(Instant.ofEpochSecond(1700000000), ZoneId.of("UTC"));
        assertEquals(expected, Strftime.format(fmt, t));
    }
}
