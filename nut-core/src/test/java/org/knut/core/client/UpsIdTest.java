package org.knut.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpsIdTest {

    @ParameterizedTest
    @CsvSource({
            "ups,                    ups, localhost,     3493",
            "ups@host,               ups, host,          3493",
            "ups@host:1234,          ups, host,          1234",
            "ups@192.168.1.5:3493,   ups, 192.168.1.5,   3493",
            "ups@[::1]:3493,         ups, ::1,           3493",
            "ups@[::1],              ups, ::1,           3493",
            "ups@[fe80::1%eth0]:13493, ups, fe80::1%eth0, 13493",
            "ups@::1,                ups, ::1,           3493",
            "my-ups_2@nas.local:65535, my-ups_2, nas.local, 65535"})
    void parses(String text, String ups, String host, int port) {
        assertEquals(new UpsId(ups, host, port), UpsId.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "|empty",
            "@host|no UPS name",
            "ups@|no host",
            "ups@host:|bad port",
            "ups@host:abc|bad port",
            "ups@host:0|out of range",
            "ups@host:65536|out of range",
            "ups@[::1|unterminated",
            "ups@[::1]x|expected ':'",
            "ups@[]:3493|empty host",
            "ups@:3493|empty host"})
    void rejects(String text, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UpsId.parse(text == null ? "" : text));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void nullIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> UpsId.parse(null));
    }

    @Test
    void printsBackInNutForm() {
        assertEquals("ups@localhost", UpsId.parse("ups").toString());
        assertEquals("ups@h:1", UpsId.parse("ups@h:1").toString());
        assertEquals("ups@[::1]:13493", UpsId.parse("ups@[::1]:13493").toString());
        assertEquals("ups@[::1]", UpsId.parse("ups@[::1]:3493").toString());
    }

    @Test
    void hostPortAlone() {
        assertEquals(new UpsId.HostPort("localhost", 3493), UpsId.HostPort.parse(null));
        assertEquals(new UpsId.HostPort("localhost", 3493), UpsId.HostPort.parse(""));
        assertEquals(new UpsId.HostPort("h", 99), UpsId.HostPort.parse("h:99"));
        assertEquals(new UpsId.HostPort("::1", 99), UpsId.HostPort.parse("[::1]:99"));
    }
}
