package org.knut.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.Await;
import org.knut.core.testing.Command;

/** Debian's real NUT clients (upsc, upscmd, upsrw, upslog) against our stack running the demo configuration. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealClientsOnDemoStackTest {
    @TempDir
    static Path tmp;
    static KnutStack stack;

    @BeforeAll
    static void start() throws IOException {
        stack = KnutStack.demo(tmp.resolve("conf"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void upscPrintsEveryVariableOfTheDemoDevice() throws IOException {
        Command.Result r = Command.check("upsc", stack.ups("demo"));
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> lines = r.lines();
        for (String devLine : Files.readAllLines(stack.conf.resolve("demo.dev"))) {
            if (!devLine.isBlank() && !devLine.startsWith("#")) {
                assertTrue(lines.contains(devLine), "upsc lacks '" + devLine + "' in:\n" + r.stdout());
            }
        }
        assertTrue(lines.contains("driver.name: dummy-ups"), r.stdout());
    }

    @Test
    @Order(1)
    void upscListsAndGetsOneVariable() {
        Command.Result list = Command.check("upsc", "-l", "127.0.0.1:" + stack.nutPort);
        assertEquals(0, list.exitCode(), list.stderr());
        assertEquals(List.of("demo"), list.lines());

        Command.Result one = Command.check("upsc", stack.ups("demo"), "ups.status");
        assertEquals("OL\n", one.stdout());

        Command.Result unknown = Command.check("upsc", stack.ups("nosuch"), "ups.status");
        assertTrue(unknown.exitCode() != 0);
        assertTrue(unknown.stderr().contains("Unknown UPS"), unknown.stderr());

        Command.Result noVar = Command.check("upsc", stack.ups("demo"), "no.such.var");
        assertTrue(noVar.exitCode() != 0);
        assertTrue(noVar.stderr().contains("Variable not supported by UPS"), noVar.stderr());
    }

    @Test
    @Order(1)
    void upscmdListsAndRunsACommandWithTracking() {
        Command.Result list = Command.check("upscmd", "-l", stack.ups("demo"));
        assertEquals(0, list.exitCode(), list.stderr());
        assertTrue(list.stdout().contains("load.off"), list.stdout());

        // -w: SET TRACKING ON, INSTCMD, then poll GET TRACKING until the driver reports back
        Command.Result run = Command.check("upscmd", "-u", NutConfDir.ADMIN, "-p", NutConfDir.ADMIN_PASSWORD, "-w",
                stack.ups("demo"), "load.off");
        // upscmd 2.8.0 prints the tracking result on stderr; dummy-ups (ours as NUT's) does not handle load.off
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        assertTrue(run.stderr().contains("ERR UNKNOWN"), run.stderr());

        Command.Result untracked = Command.check("upscmd", "-u", NutConfDir.ADMIN, "-p", NutConfDir.ADMIN_PASSWORD,
                stack.ups("demo"), "load.off");
        assertEquals(0, untracked.exitCode(), untracked.stderr());
        assertTrue(untracked.stderr().contains("OK"), untracked.stderr());

        Command.Result denied = Command.check("upscmd", "-u", NutConfDir.ADMIN, "-p", "wrong", stack.ups("demo"), "load.off");
        assertTrue(denied.exitCode() != 0);
        assertTrue(denied.stderr().contains("ERR ACCESS-DENIED"), denied.stderr());
    }

    @Test
    @Order(2)
    void upsrwListsAndSetsAPowerCut() throws IOException {
        Command.Result list = Command.check("upsrw", "-l", stack.ups("demo"));
        assertEquals(0, list.exitCode(), list.stderr());
        assertTrue(list.stdout().contains("[ups.status]"), list.stdout());

        Command.Result set = Command.check("upsrw", "-s", "ups.status=OB LB", "-u", NutConfDir.ADMIN, "-p",
                NutConfDir.ADMIN_PASSWORD, "-w", stack.ups("demo"));
        assertEquals(0, set.exitCode(), set.stdout() + set.stderr());
        Await.until("ups.status OB LB", Duration.ofSeconds(10),
                () -> Command.check("upsc", stack.ups("demo"), "ups.status").stdout().equals("OB LB\n"));
        // and back, so the order of the other tests does not matter
        Command.check("upsrw", "-s", "ups.status=OL", "-u", NutConfDir.ADMIN, "-p", NutConfDir.ADMIN_PASSWORD,
                stack.ups("demo"));
        Await.until("ups.status OL", Duration.ofSeconds(10),
                () -> Command.check("upsc", stack.ups("demo"), "ups.status").stdout().equals("OL\n"));
    }

    @Test
    @Order(3)
    void upslogWritesFormattedLines() throws Exception {
        Path log = tmp.resolve("upslog.txt");
        Process p = Processes.start(List.of("upslog", "-F", "-s", stack.ups("demo"), "-l", log.toString(), "-i", "1",
                "-p", tmp.resolve("upslog").toString(), "-f", "%VAR ups.status% %VAR battery.charge% %UPSHOST%"),
                java.util.Map.of(), tmp.resolve("upslog.out"));
        try {
            Await.until("two upslog lines", Duration.ofSeconds(15),
                    () -> Files.exists(log) && lines(log).size() >= 2);
        } finally {
            Processes.stop(p);
        }
        assertEquals("OL 100 " + stack.ups("demo"), lines(log).get(0));
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            return List.of();
        }
    }
}
