package org.knut.monitor.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.knut.core.testing.Await;
import org.knut.core.testing.Ports;

/**
 * The packaged monitor ({@code quarkus-run.jar -c upsmon.conf}) as a child process in a directory of its
 * own, with a NOTIFYCMD that appends {@code TYPE|UPSNAME|message} to notify.log and a SHUTDOWNCMD that
 * only writes a marker file. {@link #close} kills it by its PID.
 */
final class MonitorProcess implements AutoCloseable {
    /** A notify.log line of our NOTIFYCMD. */
    record Notice(String type, String ups, String message) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Path dir;
    final Path marker;
    final Path notifyLog;
    final Path log;
    final int httpPort;
    private final Process process;

    private MonitorProcess(Path dir, int httpPort, Process process) {
        this.dir = dir;
        this.marker = dir.resolve("shutdown.marker");
        this.notifyLog = dir.resolve("notify.log");
        this.log = dir.resolve("monitor.log");
        this.httpPort = httpPort;
        this.process = process;
    }

    /** Writes upsmon.conf ({@code conf} plus SHUTDOWNCMD, NOTIFYCMD and EXEC for every notify type) and starts the jar. */
    static MonitorProcess start(Path dir, String conf, String... args) throws IOException {
        Path notify = dir.resolve("notify.sh");
        Files.writeString(notify, "#!/bin/sh\nprintf '%s|%s|%s\\n' \"$NOTIFYTYPE\" \"$UPSNAME\" \"$*\" >> '"
                + dir.resolve("notify.log") + "'\n");
        Path shutdown = dir.resolve("shutdown.sh");
        Files.writeString(shutdown, "#!/bin/sh\ndate +%s.%N >> '" + dir.resolve("shutdown.marker") + "'\n");
        notify.toFile().setExecutable(true);
        shutdown.toFile().setExecutable(true);
        StringBuilder full = new StringBuilder(conf);
        full.append("SHUTDOWNCMD \"").append(shutdown).append("\"\n");
        full.append("NOTIFYCMD \"").append(notify).append("\"\n");
        for (String type : List.of("ONLINE", "ONBATT", "LOWBATT", "FSD", "COMMOK", "COMMBAD", "SHUTDOWN", "SHUTDOWN_HOSTSYNC", "NOCOMM", "OTHER",
                "NOTOTHER")) {
            full.append("NOTIFYFLAG ").append(type).append(" SYSLOG+EXEC\n");
        }
        Path confFile = dir.resolve("upsmon.conf");
        Files.writeString(confFile, full);

        int port = Ports.free();
        List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1", "-jar", jar().toString(), "-c", confFile.toString()));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("monitor.log").toFile()).start();
        return new MonitorProcess(dir, port, p);
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("knut.monitor.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: these tests run after 'package'");
        }
        return jar;
    }

    /** GET /q/health/{which}: the status code and body, or -1 while nothing answers. */
    HttpResponse<String> health(String which) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/health/" + which))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    void awaitReady() {
        Await.until("the monitor to be ready, log:\n" + logText(), Duration.ofSeconds(30), () -> {
            assertAlive();
            HttpResponse<String> r = health("ready");
            return r != null && r.statusCode() == 200;
        });
    }

    /** The epoch millis of the monitor's last successful poll of {@code ups}, from the readiness data. */
    long lastPoll(String ups) {
        HttpResponse<String> r = health("ready");
        if (r == null) {
            return 0;
        }
        Matcher m = Pattern.compile("\"" + Pattern.quote(ups) + "\\.lastPoll\"\\s*:\\s*(\\d+)").matcher(r.body());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** Whether the readiness data says the monitor is talking to {@code ups}. */
    boolean communicating(String ups) {
        HttpResponse<String> r = health("ready");
        return r != null && Pattern.compile("\"" + Pattern.quote(ups) + "\\.communicating\"\\s*:\\s*true").matcher(r.body()).find();
    }

    List<Notice> notices() {
        List<Notice> out = new ArrayList<>();
        for (String line : lines(notifyLog)) {
            String[] f = line.split("\\|", 3);
            if (f.length == 3) {
                out.add(new Notice(f[0], f[1], f[2]));
            }
        }
        return out;
    }

    Notice awaitNotice(String type, Duration timeout) {
        Await.until(type + " notification, log:\n" + logText(), timeout, () -> notices().stream().anyMatch(n -> n.type().equals(type)));
        return notices().stream().filter(n -> n.type().equals(type)).findFirst().orElseThrow();
    }

    boolean hasNotice(String type) {
        return notices().stream().anyMatch(n -> n.type().equals(type));
    }

    boolean shutDown() {
        return markerTime(marker) != null;
    }

    /** Epoch seconds at which SHUTDOWNCMD ran. */
    double shutdownTime() {
        return markerTime(marker);
    }

    /**
     * The epoch seconds a SHUTDOWNCMD marker starts with (ours and the sandbox upsmon's both write
     * {@code epoch...\n}); null until a whole line is there.
     */
    static Double markerTime(Path file) {
        try {
            String text = Files.exists(file) ? Files.readString(file) : "";
            int eol = text.indexOf('\n');
            return eol < 0 ? null : Double.valueOf(text.substring(0, eol).split(" ")[0]);
        } catch (IOException e) {
            return null;
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    void assertAlive() {
        if (!process.isAlive()) {
            throw new AssertionError("the monitor exited with " + process.exitValue() + ", log:\n" + logText());
        }
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the monitor did not exit within " + timeout + ", log:\n" + logText());
        }
        return process.exitValue();
    }

    String logText() {
        return String.join("\n", lines(log));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
