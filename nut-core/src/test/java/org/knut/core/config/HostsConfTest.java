package org.knut.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.knut.core.client.UpsId;
import org.knut.core.config.HostsConf.Monitor;

class HostsConfTest {

    @Test
    void readsMonitorLinesInOrderWithTheirDescriptions() throws Exception {
        HostsConf c = HostsConf.parse("hosts.conf", """
                # Network UPS Tools: example hosts.conf
                MONITOR myups@localhost "Local UPS"
                MONITOR su2200@10.64.1.1 "Finance department"
                MONITOR matrix@[::1]:13493 "Sierra High School data room \\#1"
                MONITOR bare Lab
                CUSTOM_TEMPLATE_LIST "upsstats-modern-list.html"
                CUSTOM_TEMPLATE_SINGLE upsstats-modern-single.html
                """);
        assertEquals(List.of(
                new Monitor("myups@localhost", new UpsId("myups", "localhost", 3493), "Local UPS", 2),
                new Monitor("su2200@10.64.1.1", new UpsId("su2200", "10.64.1.1", 3493), "Finance department", 3),
                new Monitor("matrix@[::1]:13493", new UpsId("matrix", "::1", 13493), "Sierra High School data room #1", 4),
                new Monitor("bare", new UpsId("bare", "localhost", 3493), "Lab", 5)), c.monitors());
    }

    @Test
    void anEmptyFileListsNothing() throws Exception {
        assertTrue(HostsConf.parse("hosts.conf", "# nothing\n\n").monitors().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "MONITOR ups@host|2|MONITOR takes <ups>[@host[:port]] \"<description>\" (quote a description with spaces)",
            "MONITOR ups@host Finance department|2|MONITOR takes <ups>[@host[:port]] \"<description>\" (quote a description with spaces)",
            "MONITOR ups@ x|2|MONITOR: bad UPS identifier 'ups@': no host after '@' in 'ups@'",
            "MONITOR ups@host:99999 x|2|MONITOR: bad UPS identifier 'ups@host:99999'",
            "MONITOR a@h x\\nMONITOR a@h y|3|MONITOR: UPS a@h is already listed (line 2)",
            "monitor ups@host x|2|unknown hosts.conf directive 'monitor' (MONITOR, CUSTOM_TEMPLATE_LIST or CUSTOM_TEMPLATE_SINGLE)",
            "CUSTOM_TEMPLATE_LIST|2|CUSTOM_TEMPLATE_LIST takes one file name",
    })
    void errorsNameTheFileAndLine(String text, int line, String reason) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> HostsConf.parse("/etc/nut/hosts.conf", "# hosts\n" + text.replace("\\n", "\n") + "\n"));
        assertEquals("/etc/nut/hosts.conf", e.file());
        assertEquals(line, e.line());
        assertTrue(e.reason().startsWith(reason), e.reason());
    }

    @Test
    void readsAFileAndReportsAMissingOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hosts.conf");
        Files.writeString(file, "MONITOR demo@127.0.0.1:3493 \"knut demo\"\n");
        assertEquals("knut demo", HostsConf.read(file).monitors().get(0).description());
        ConfigException e = assertThrows(ConfigException.class, () -> HostsConf.read(dir.resolve("absent.conf")));
        assertEquals(dir.resolve("absent.conf") + ": file not found", e.getMessage());
    }
}
