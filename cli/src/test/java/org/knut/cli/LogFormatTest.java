package org.knut.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogFormatTest {
    static final ZonedDateTime T = ZonedDateTime.ofInstant(Instant.ofEpochSecond(1700000000), ZoneId.of("UTC"));
    final List<String> asked = new ArrayList<>();

    final LogFormat.Source src = new LogFormat.Source() {
        final Map<String, String> vars = Map.of("ups.status", "OL", "battery.charge", "100");

        @Override
        public String var(String name) {
            asked.add(name);
            return vars.get(name);
        }

        @Override
        public String upsHost() {
            return "demo@server:3493";
        }
    };

    private String line(String format) {
        return LogFormat.compile(format, "myhost").line(src, T);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "%VAR ups.status%|OL",
            "[%VAR ups.status%] %VAR battery.charge%|[OL] 100",
            "%var ups.status%|OL",
            "%VARIABLE ups.status%|OL",
            "%VAR no.such%|NA",
            "%VAR nodot%|INVALID",
            "%VAR%|INVALID",
            "%VAR %|INVALID",
            "%BOGUS%|INVALID",
            "%%|%",
            "100%% %ETIME%|100% 1700000000",
            "%HOST% %hostname%|myhost myhost",
            "%UPSHOST%|demo@server:3493",
            "%TIME @Y-@m-@d @H:@M:@S%|2023-11-14 22:13:20",
            "%TIME%|''",
            "%TIME @H% rest|22 rest",
            "a %unterminated|a INVALIDunterminated",
            "50%|50INVALID",
            "%%%VAR ups.status%%%|%OL%",
            "no escapes|no escapes"})
    void readsTheFormatAsNutDoes(String format, String expected) {
        assertEquals(expected, line(format));
    }

    @Test
    void defaultFormat() {
        assertEquals("20231114 221320 100 NA NA [OL] NA NA", line(LogFormat.DEFAULT));
        assertEquals(List.of("battery.charge", "input.voltage", "ups.load", "ups.status", "ups.temperature", "input.frequency"), asked);
    }

    @Test
    void pidIsOurs() {
        assertEquals(Long.toString(ProcessHandle.current().pid()), line("%PID%"));
    }

    @Test
    void invalidVariablesAreNotAskedFor() {
        line("%VAR nodot% %VAR% %BOGUS x.y%");
        assertEquals(List.of(), asked);
    }
}
