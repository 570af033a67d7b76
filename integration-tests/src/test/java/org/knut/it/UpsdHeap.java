package org.knut.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** upsd's heap in use, read from the packaged service's {@code /q/metrics} (Micrometer's JVM metrics). */
final class UpsdHeap {
    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\}\\s+(\\S+)", Pattern.MULTILINE);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private UpsdHeap() {
    }

    /** Waits until upsd's HTTP port answers (it may open after the NUT port). */
    static void awaitMetrics(int httpPort) {
        org.knut.core.testing.Await.until("upsd's /q/metrics on " + httpPort, Duration.ofSeconds(60), () -> {
            try {
                usedMb(httpPort);
                return true;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /** Megabytes of heap in use (all heap pools). */
    static double usedMb(int httpPort) throws IOException, InterruptedException {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = HEAP.matcher(text);
        double bytes = 0;
        boolean found = false;
        while (m.find()) {
            bytes += Double.parseDouble(m.group(1));
            found = true;
        }
        if (!found) {
            throw new IOException("no jvm_memory_used_bytes{area=\"heap\"} in /q/metrics");
        }
        return Math.round(bytes / (1024 * 1024) * 10) / 10.0;
    }
}
