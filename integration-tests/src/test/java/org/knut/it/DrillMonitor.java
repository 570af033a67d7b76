package org.knut.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knut.core.testing.Ports;

/**
 * The packaged monitor as a upsmon secondary (or primary) of one UPS, for fault drills: its SHUTDOWNCMD
 * only appends its time to {@code shutdown.marker} (so a second shutdown would show), its NOTIFYCMD appends
 * {@code TYPE|UPS} to {@code notify.log}. Extra {@code -D} settings (timers, events-url) go in front of
 * the jar.
 */
final class DrillMonitor implements AutoCloseable {
    final Path dir;
    private final Process process;

    private DrillMonitor(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    /** A secondary; {@code timing}: upsmon.conf lines such as {@code DEADTIME 6} (they override the defaults here). */
    static DrillMonitor start(Path dir, String ups, String timing, String... properties) throws IOException {
        return startAs(dir, ups, "secondary", timing, properties);
    }

    /** {@code role}: primary or secondary, as in a MONITOR line. */
    static DrillMonitor startAs(Path dir, String ups, String role, String timing, String... properties) throws IOException {
        Files.createDirectories(dir);
        Path notify = script(dir.resolve("notify.sh"), "printf '%s|%s\\n' \"$NOTIFYTYPE\" \"$UPSNAME\" >> notify.log");
        Path shutdown = script(dir.resolve("shutdown.sh"), "date +%s.%N >> shutdown.marker");
        StringBuilder conf = new StringBuilder("MONITOR " + ups + " 1 " + NutConfDir.MONUSER + " " + NutConfDir.MONPASS
                + " " + role + "\nPOLLFREQ 1\nPOLLFREQALERT 1\nHOSTSYNC 1\nFINALDELAY 0\n" + timing + "\n");
        conf.append("SHUTDOWNCMD \"").append(shutdown).append("\"\nNOTIFYCMD \"").append(notify).append("\"\n");
        for (String type : List.of("ONLINE", "ONBATT", "LOWBATT", "FSD", "COMMOK", "COMMBAD", "SHUTDOWN", "NOCOMM",
                "SHUTDOWN_HOSTSYNC")) {
            conf.append("NOTIFYFLAG ").append(type).append(" SYSLOG+EXEC\n");
        }
        Files.writeString(dir.resolve("upsmon.conf"), conf);
        List<String> argv = new ArrayList<>(List.of("java", "-Dquarkus.http.port=" + Ports.free(), "-Dquarkus.http.host=127.0.0.1"));
        argv.addAll(List.of(properties));
        argv.addAll(List.of("-jar", Paths.monitorJar().toString(), "-c", dir.resolve("upsmon.conf").toString()));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("monitor.log").toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return new DrillMonitor(dir, pb.start());
    }

    private static Path script(Path file, String line) throws IOException {
        Files.writeString(file, "#!/bin/sh\ncd \"$(dirname \"$0\")\"\n" + line + "\n");
        file.toFile().setExecutable(true);
        return file;
    }

    /** How many times SHUTDOWNCMD ran. */
    int shutdowns() {
        return lines("shutdown.marker").size();
    }

    /** When SHUTDOWNCMD first ran, in epoch seconds; null before. */
    Double shutdownTime() {
        List<String> marks = lines("shutdown.marker");
        return marks.isEmpty() ? null : Double.valueOf(marks.get(0).trim());
    }

    /** The notification types received, in order. */
    List<String> notices() {
        return lines("notify.log").stream().map(l -> l.split("\\|", 2)[0]).toList();
    }

    long count(String type) {
        return notices().stream().filter(type::equals).count();
    }

    boolean alive() {
        return process.isAlive();
    }

    String log() {
        return String.join("\n", lines("monitor.log"));
    }

    private List<String> lines(String name) {
        try {
            Path f = dir.resolve(name);
            return Files.exists(f) ? Files.readAllLines(f) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
