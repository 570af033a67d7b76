package org.knut.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.knut.core.config.UpsConf;
import org.knut.core.testing.Ports;

/**
 * The packaged admin UI as a process, as {@code ./knut demo} runs it: its hosts.conf lists every UPS of a
 * {@link KnutStack}, and {@code knut.admin.rest} says that upsd is a knut upsd, read over its REST API and
 * followed through its events (SSE).
 */
final class KnutAdminUi implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final int port = Ports.free();
    private final Process process;

    /**
     * Starts the UI on a free port and waits until it is ready. {@code pollInterval} is how often it
     * rereads every UPS by itself; between two polls only upsd's events make it reread one.
     */
    KnutAdminUi(KnutStack stack, Path dir, Duration pollInterval) throws IOException {
        Files.createDirectories(dir);
        UpsConf upsConf = stack.readUpsConf();
        StringBuilder hosts = new StringBuilder();
        for (UpsConf.Section s : upsConf.sections()) {
            hosts.append("MONITOR ").append(stack.ups(s.name())).append(" \"").append(s.desc()).append("\"\n");
        }
        Path hostsConf = Files.writeString(dir.resolve("hosts.conf"), hosts);
        Path log = dir.resolve("admin-ui.log");
        process = Processes.start(List.of("java", "-Dquarkus.http.port=" + port,
                "-Dknut.admin.hosts-conf=" + hostsConf,
                "-Dknut.admin.rest=127.0.0.1:" + stack.nutPort + "=http://127.0.0.1:" + stack.httpPort,
                "-Dknut.admin.poll-interval=" + pollInterval.toMillis() + "ms",
                "-jar", Paths.adminJar().toString()), Map.of(), log);
        try {
            Processes.awaitReady("the admin UI ready", Duration.ofSeconds(60), process, log, this::ready);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** The URL of {@code path} on the UI. */
    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private boolean ready() {
        try {
            HttpRequest get = HttpRequest.newBuilder(URI.create(url("/q/health/ready"))).timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
