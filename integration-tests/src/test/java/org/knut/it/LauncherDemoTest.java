package org.knut.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.client.NutClient;
import org.knut.core.testing.Await;
import org.knut.core.testing.Command;
import org.knut.core.testing.Ports;

/** README's first command: {@code ./knut demo} brings the stack up, real upsc answers, and it stops cleanly. */
class LauncherDemoTest {
    @TempDir
    Path tmp;

    @Test
    void demoStartsServesUpscAndStops() throws Exception {
        int nutPort = Ports.free();
        int httpPort = Ports.free();
        int uiPort = Ports.free();
        ProcessBuilder pb = new ProcessBuilder(Paths.root().resolve("knut").toString(), "demo", "--nut-port",
                Integer.toString(nutPort), "--http-port", Integer.toString(httpPort), "--ui-port", Integer.toString(uiPort))
                .redirectErrorStream(true);
        pb.environment().put("KNUT_RUN_DIR", tmp.resolve("run").toString());
        Process demo = pb.start();
        List<ProcessHandle> services = List.of();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
            String ready = CompletableFuture.supplyAsync(() -> readUntilReady(out)).get(120, TimeUnit.SECONDS);
            assertTrue(ready.contains("127.0.0.1:" + nutPort), ready);
            assertTrue(ready.contains("upsc demo@localhost:" + nutPort), ready);
            assertTrue(ready.contains("admin UI http://127.0.0.1:" + uiPort + "/"), ready);
            services = demo.descendants().toList();

            Command.Result upsc = Command.check("upsc", "demo@localhost:" + nutPort, "ups.status");
            assertEquals("OL\n", upsc.stdout(), upsc.stderr());
            Command.Result health = Command.check("curl", "-sf", "http://127.0.0.1:" + httpPort + "/q/health/ready");
            assertEquals(0, health.exitCode(), "health ready: " + health.stdout());
            // the admin UI reads the demo UPS from upsd-service's REST API
            Await.until("the admin UI shows the demo UPS on line", Duration.ofSeconds(30), () -> Command.check("curl", "-sf",
                    "http://127.0.0.1:" + uiPort + "/").stdout().contains("data-condition=\"ONLINE\">On line<"));
            String page = Command.check("curl", "-sf", "http://127.0.0.1:" + uiPort + "/ups/demo%40127.0.0.1%3A" + nutPort).stdout();
            assertTrue(page.contains("served by knut upsd http://127.0.0.1:" + httpPort + "/"), page);
            assertTrue(page.contains("<code>ups.status</code></th><td>OL</td>"), page);
            // the demo's dry-run monitor logs in as a upsmon secondary
            Await.until("the demo monitor's login", Duration.ofSeconds(30),
                    () -> Command.check("upsc", "demo@127.0.0.1:" + nutPort, "ups.status").exitCode() == 0
                            && numLogins(nutPort) == 1);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + serviceLogs(), e);
        } finally {
            // Ctrl-C: the launcher stops its services and exits
            new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor();
            boolean exited = demo.waitFor(30, TimeUnit.SECONDS);
            Processes.stop(demo);
            services.forEach(ProcessHandle::destroyForcibly);
            assertTrue(exited, "./knut demo did not exit on SIGINT");
        }
        for (ProcessHandle h : services) {
            assertFalse(h.isAlive(), "service " + h.pid() + " outlived ./knut demo");
        }
    }

    /** The end of every service's log in the demo's run directory, since it goes with the test's. */
    private String serviceLogs() {
        StringBuilder logs = new StringBuilder();
        for (String service : List.of("driver-service", "upsd-service", "monitor-service", "admin-ui")) {
            Path log = tmp.resolve("run").resolve(service + ".log");
            logs.append("\n--- the end of ").append(log).append(":\n").append(Processes.tail(log, 20));
        }
        return logs.toString();
    }

    private static int numLogins(int port) {
        try (NutClient c = NutClient.connect("127.0.0.1", port)) {
            return c.numLogins("demo");
        } catch (Exception e) {
            return -1;
        }
    }

    private static String readUntilReady(BufferedReader out) {
        StringBuilder seen = new StringBuilder();
        try {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("knut demo ready")) {
                    return line;
                }
                seen.append(line).append('\n');
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("./knut demo ended before it was ready:\n" + seen);
    }
}
