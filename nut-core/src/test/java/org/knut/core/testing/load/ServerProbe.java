package org.knut.core.testing.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a server process looks like from outside: resident memory and open sockets from /proc, and, for
 * knut's upsd, heap and connection gauges from its Prometheus endpoint ({@code /q/metrics}). A full GC
 * can be asked for ({@code jcmd PID GC.run}) to see the heap that is really held.
 */
public final class ServerProbe {
    /** One look; heap figures and gauges are -1 without a metrics endpoint. */
    public record Sample(long rssKb, int sockets, long heapUsedBytes, long oldGenBytes, long nutClients,
            long eventSubscribers) {
        public static String mb(long bytes) {
            return bytes < 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0);
        }
    }

    private final long pid;
    private final URI metrics; // null: not a knut upsd
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ServerProbe(long pid, URI metrics) {
        this.pid = pid;
        this.metrics = metrics;
    }

    public Sample sample() {
        long heap = -1;
        long old = -1;
        long clients = -1;
        long subscribers = -1;
        if (metrics != null) {
            String text = scrape();
            if (text != null) {
                heap = 0;
                for (String line : text.split("\n")) {
                    if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"")) {
                        long v = value(line);
                        heap += v;
                        old = line.contains("Old Gen") || line.contains("Tenured") ? v : old;
                    } else if (line.startsWith("knut_upsd_clients ")) {
                        clients = value(line);
                    } else if (line.startsWith("knut_upsd_event_subscribers ")) {
                        subscribers = value(line);
                    }
                }
            }
        }
        return new Sample(rssKb(), sockets(), heap, old, clients, subscribers);
    }

    /** Runs a full GC in the server and returns the heap in use after it; -1 if that cannot be done. */
    public long heapAfterFullGc() {
        if (metrics == null) {
            return -1;
        }
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue() == 0 ? sample().heapUsedBytes() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String scrape() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static long value(String line) {
        return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // gone
        }
        return -1;
    }

    /** File descriptors of the process that are sockets: clients, subscribers, listeners, driver links. */
    private int sockets() {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return (int) fds.filter(ServerProbe::isSocket).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean isSocket(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString().startsWith("socket:");
        } catch (IOException e) {
            return false; // closed meanwhile
        }
    }
}
