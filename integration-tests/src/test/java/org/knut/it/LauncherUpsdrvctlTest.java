package org.knut.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.Await;
import org.knut.core.testing.Command;
import org.knut.core.testing.Ports;
import org.knut.core.testing.RealUpsd;

/**
 * {@code ./knut upsdrvctl} and {@code ./knut upsd} on a NUT configuration directory as a NUT
 * installation has it: NUT_CONFPATH is set, the state directory comes from ups.conf's {@code statepath}
 * or from NUT_STATEPATH, upsd's address from upsd.conf's LISTEN. The drivers they start are served by
 * our upsd and by the real NUT upsd alike.
 */
class LauncherUpsdrvctlTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;
    private Path conf;
    private Path state;
    private int nutPort;
    private RealUpsd real;

    @BeforeEach
    void writeNutConfiguration() throws IOException {
        nutPort = Ports.free();
        Map<String, Path> devs = new LinkedHashMap<>();
        devs.put("apc", Paths.nutDdl().resolve("APC__Smart-UPS_1500__usbhid-ups__2.7.2__01.dev"));
        devs.put("demo", Paths.root().resolve("demo/demo.dev"));
        conf = org.knut.core.testing.NutConfDir.write(tmp.resolve("nut"), devs, "LISTEN 127.0.0.1 " + nutPort + "\n",
                NutConfDir.users());
        state = conf.resolve("state");
        Path upsConf = conf.resolve("ups.conf");
        Files.writeString(upsConf, "statepath = " + state + "\n\n" + Files.readString(upsConf));
    }

    @AfterEach
    void stopEverything() throws IOException {
        if (real != null) {
            real.close();
        }
        // whatever a failed test left running: the PIDs in our pid files
        for (Path dir : List.of(state, envState())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path pidFile : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
                    ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
    }

    /** The state directory NUT_STATEPATH names in {@link #nutStatepathAndUpsdInTheForeground}. */
    private Path envState() {
        return tmp.resolve("env-state");
    }

    @Test
    void upsdrvctlStartsAndStopsDriversThatBothUpsdsServe() throws Exception {
        Command.Result start = knut("upsdrvctl", "start");
        assertEquals(0, start.exitCode(), start.toString());
        // NUT's names: socket <statepath>/<driver>-<ups>, pid file beside it; one process runs both
        long shared = pidOf("apc");
        assertEquals(shared, pidOf("demo"));
        assertTrue(Files.exists(socket("apc")) && Files.exists(socket("demo")), start.toString());
        assertTrue(running(shared));

        Command.Result upsd = knut("upsd", "-B");
        assertEquals(0, upsd.exitCode(), upsd.toString());
        long upsdPid = Long.parseLong(Files.readString(state.resolve("upsd.pid")).trim());
        String ours = "127.0.0.1:" + nutPort;
        awaitServed("apc@" + ours);
        awaitServed("demo@" + ours);

        real = RealUpsd.start(conf.resolve("ups.conf"), state, tmp.resolve("real-upsd"), NutConfDir.users());
        awaitServed(real.ups("apc"));
        // the same driver behind both servers: every line alike
        assertEquals(upsc("apc@" + ours), upsc(real.ups("apc")));
        assertEquals(upsc("demo@" + ours), upsc(real.ups("demo")));

        // one UPS of a shared process: that driver stops, the process keeps running the other
        Command.Result stopApc = knut("upsdrvctl", "stop", "apc");
        assertEquals(0, stopApc.exitCode(), stopApc.toString());
        assertFalse(Files.exists(socket("apc")), "socket of a stopped driver");
        assertFalse(Files.exists(pidFile("apc")));
        assertTrue(running(shared), "the driver-service still runs demo");
        awaitNotConnected("apc@" + ours);
        awaitNotConnected(real.ups("apc"));
        assertEquals("OL\n", Command.check("upsc", "demo@" + ours, "ups.status").stdout());

        Command.Result startApc = knut("upsdrvctl", "start", "apc");
        assertEquals(0, startApc.exitCode(), startApc.toString());
        long apcAlone = pidOf("apc");
        assertNotEquals(shared, apcAlone, "a UPS started by name gets a process of its own");
        awaitServed("apc@" + ours);
        awaitServed(real.ups("apc"));
        Command.Result again = knut("upsdrvctl", "start");
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.stderr().contains("UPS apc: driver already running (PID " + apcAlone + ")"), again.toString());

        // dummy-ups cannot cut the load: NUT's driver fails with this reason and upsdrvctl exits 1
        Command.Result shutdown = knut("upsdrvctl", "shutdown", "demo");
        assertEquals(1, shutdown.exitCode(), shutdown.toString());
        assertTrue(shutdown.stderr().contains("shutdown not supported"), shutdown.toString());

        Command.Result stopAll = knut("upsdrvctl", "stop");
        assertEquals(0, stopAll.exitCode(), stopAll.toString());
        assertFalse(running(shared), "driver-service " + shared);
        assertFalse(running(apcAlone), "driver-service " + apcAlone);
        assertFalse(Files.exists(socket("apc")) || Files.exists(socket("demo")), "sockets of stopped drivers");
        awaitNotConnected("demo@" + ours);
        awaitNotConnected(real.ups("demo"));

        Command.Result stopUpsd = knut("upsd", "-c", "stop");
        assertEquals(0, stopUpsd.exitCode(), stopUpsd.toString());
        assertFalse(running(upsdPid), "upsd " + upsdPid);
    }

    /**
     * NUT_STATEPATH set, as NUT's packaging may set it: upsdrvctl puts sockets and pid files there (not in
     * ups.conf's statepath), and {@code ./knut upsd} in the foreground serves them; upsd.conf's STATEPATH
     * overrides NUT_STATEPATH for upsd, as it does for NUT's upsd (upsd(8)).
     */
    @Test
    void nutStatepathAndUpsdInTheForeground() throws Exception {
        Map<String, String> env = Map.of("NUT_STATEPATH", envState().toString());
        Command.Result start = knut(env, "upsdrvctl", "start");
        assertEquals(0, start.exitCode(), start.toString());
        Path envSocket = envState().resolve("dummy-ups-apc");
        assertTrue(Files.exists(envSocket) && Files.exists(envState().resolve("dummy-ups-demo")), start.toString());
        assertFalse(Files.exists(socket("apc")) || Files.exists(pidFile("apc")), "ups.conf's statepath yields to NUT_STATEPATH");
        long drivers = Long.parseLong(Files.readString(envState().resolve("dummy-ups-apc.pid")).trim());

        String ours = "127.0.0.1:" + nutPort;
        upsdInTheForeground(env, ours);

        Path upsdConf = conf.resolve("upsd.conf");
        Files.writeString(upsdConf, Files.readString(upsdConf) + "STATEPATH " + envState() + "\n");
        upsdInTheForeground(Map.of("NUT_STATEPATH", tmp.resolve("no-drivers-here").toString()), ours);

        Command.Result stop = knut(env, "upsdrvctl", "stop");
        assertEquals(0, stop.exitCode(), stop.toString());
        assertFalse(running(drivers), "driver-service " + drivers);
        assertFalse(Files.exists(envSocket) || Files.exists(envState().resolve("dummy-ups-apc.pid")), "socket and pid file removed");
    }

    /** Runs {@code ./knut upsd} without -B, awaits both UPSes served, then stops it by its PID. */
    private void upsdInTheForeground(Map<String, String> env, String address) throws IOException {
        Path log = Files.createTempFile(tmp, "upsd-foreground", ".log");
        Process upsd = launcher(env, List.of("upsd"), log.toFile(), log.toFile()).redirectErrorStream(true).start();
        try {
            for (String ups : List.of("apc", "demo")) {
                Await.until(ups + " served by the foreground upsd (log " + log + ")", WAIT, () -> {
                    assertTrue(upsd.isAlive(), "./knut upsd exited (log " + log + ")");
                    return served(ups + "@" + address);
                });
            }
            assertTrue(upsd.isAlive(), "./knut upsd stays in the foreground");
        } finally {
            Processes.stop(upsd);
        }
    }

    @Test
    void namesNutsErrors() throws Exception {
        Command.Result unknown = knut("upsdrvctl", "start", "nosuch");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.stderr().contains("UPS nosuch not found in ups.conf"), unknown.toString());
        Command.Result notStarted = knut("upsdrvctl", "stop", "demo");
        assertEquals(1, notStarted.exitCode());
        assertTrue(notStarted.stderr().contains("no pid file " + pidFile("demo")), notStarted.toString());
        Command.Result noUpsd = knut("upsd", "-c", "stop");
        assertEquals(1, noUpsd.exitCode());
        assertTrue(noUpsd.stderr().contains("upsd: not running"), noUpsd.toString());
    }

    @Test
    void aDriverThatCannotStartIsReportedAtOnce() throws Exception {
        Path upsConf = conf.resolve("ups.conf");
        Files.writeString(upsConf, Files.readString(upsConf) + "[broken]\n\tdriver = dummy-ups\n\tport = missing.dev\n");
        Command.Result start = knut("upsdrvctl", "start", "broken");
        assertEquals(1, start.exitCode(), start.toString());
        assertTrue(start.stderr().contains("UPS broken: driver failed to start: Can't open dummy-ups definition file "
                + conf.resolve("missing.dev")), start.toString());
        // it keeps retrying in the background until stopped, as a knut driver does
        long pid = pidOf("broken");
        assertTrue(running(pid));
        Command.Result stop = knut("upsdrvctl", "stop", "broken");
        assertEquals(0, stop.exitCode(), stop.toString());
        assertFalse(running(pid));
    }

    private Path socket(String ups) {
        return state.resolve("dummy-ups-" + ups);
    }

    private Path pidFile(String ups) {
        return state.resolve("dummy-ups-" + ups + ".pid");
    }

    private long pidOf(String ups) throws IOException {
        return Long.parseLong(Files.readString(pidFile(ups)).trim());
    }

    /**
     * Alive and not a zombie: the launcher's background services outlive it and are reparented to a
     * PID 1 that may never reap them.
     */
    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String s = Files.readString(stat);
        return s.charAt(s.lastIndexOf(')') + 2) != 'Z';
    }

    private static void awaitServed(String id) {
        Await.until(id + " served", WAIT, () -> served(id));
    }

    private static boolean served(String id) {
        Command.Result r = Command.check("upsc", id, "ups.status");
        return r.exitCode() == 0 && !r.stdout().isBlank() && !r.stdout().startsWith("WAIT");
    }

    private static void awaitNotConnected(String id) {
        Await.until(id + " to report its driver gone", WAIT,
                () -> Command.check("upsc", id, "ups.status").stderr().contains("Driver not connected"));
    }

    private static Set<String> upsc(String id) {
        Command.Result r = Command.check("upsc", id);
        assertEquals(0, r.exitCode(), r.toString());
        return new TreeSet<>(r.lines());
    }

    /** Runs the launcher with only NUT_CONFPATH set (and a free HTTP port for upsd). */
    private Command.Result knut(String... args) throws IOException, InterruptedException {
        return knut(Map.of(), args);
    }

    /** Runs the launcher with NUT_CONFPATH and {@code env} set, and waits for it. */
    private Command.Result knut(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path out = tmp.resolve("knut.out");
        Path err = tmp.resolve("knut.err");
        Process p = launcher(env, List.of(args), out.toFile(), err.toFile()).start();
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "./knut " + String.join(" ", args) + " did not return");
            return new Command.Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            p.destroyForcibly();
        }
    }

    /** The launcher with NUT_CONFPATH, a free HTTP port for upsd and {@code env}; no other NUT variable. */
    private ProcessBuilder launcher(Map<String, String> env, List<String> args, File out, File err) {
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(Paths.root().resolve("knut").toString()),
                args.stream()).toList()).redirectOutput(out).redirectError(err)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().keySet().removeAll(List.of("NUT_STATEPATH", "NUT_ALTPIDPATH"));
        pb.environment().put("NUT_CONFPATH", conf.toString());
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(Ports.free()));
        pb.environment().putAll(env);
        return pb;
    }
}
