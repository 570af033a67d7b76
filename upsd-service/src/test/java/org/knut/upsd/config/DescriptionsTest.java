package org.knut.upsd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptionsTest {
    @TempDir
    Path dir;

    @Test
    void readsCmdvartabIgnoringCase() throws Exception {
        Path f = Files.writeString(dir.resolve("cmdvartab"), """
                # comment
                VARDESC ups.status "UPS status"
                CMDDESC load.off "Turn off the load immediately"
                VARDESC short
                OTHER x "y"
                VARDESC ups.status "UPS status, later"
                """);
        Descriptions d = Descriptions.load(f);
        assertEquals("UPS status, later", d.variable("UPS.STATUS"));
        assertEquals("Turn off the load immediately", d.command("load.off"));
        assertEquals(Descriptions.UNAVAILABLE, d.variable("short"));
        assertEquals(Descriptions.UNAVAILABLE, d.command("nope"));
    }

    @Test
    void withoutTheFileNothingIsDescribed() throws Exception {
        Descriptions d = Descriptions.load(dir.resolve("missing"));
        assertEquals("Description unavailable", d.variable("ups.status"));
        assertEquals(0, d.size());
    }

    @Test
    void theSystemCmdvartabIsRead() throws Exception {
        Path system = Path.of("/usr/share/nut/cmdvartab");
        Descriptions d = Descriptions.load(system);
        assertEquals("UPS status", d.variable("ups.status"));
        assertEquals("Turn off the load immediately", d.command("load.off"));
    }
}
