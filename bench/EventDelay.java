// Delay from a status change in the driver to a client that sees it. Run by bench/events.sh:
//   java EventDelay.java sse  NUT_PORT HTTP_PORT USER PASS ROUNDS   knut: SET through upsd, seen on /api/v1/events
//   java EventDelay.java poll NUT_PORT POLL_MS USER PASS ROUNDS     any upsd: SET, seen by GET VAR every POLL_MS
// Each round sets ups.status to OB, then OL, on UPS "demo" (SET VAR through upsd -> driver -> back), and
// times each change from the SET until the observer has it. Prints one key=value line.
import java.io.*;
import java.net.*;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.concurrent.*;

public class EventDelay {
    public static void main(String[] a) throws Exception {
        String mode = a[0];
        int nutPort = Integer.parseInt(a[1]);
        int rounds = Integer.parseInt(a[5]);
        Nut control = new Nut(nutPort);
        control.ok("USERNAME " + a[3]);
        control.ok("PASSWORD " + a[4]);
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        Runnable stop = mode.equals("sse") ? sse(Integer.parseInt(a[2]), seen) : poll(nutPort, Integer.parseInt(a[2]), seen);
        List<Double> ms = new ArrayList<>();
        String[] states = { "OB", "OL" };
        for (int i = 0; i < rounds * 2; i++) {
            String want = states[i % 2];
            seen.clear();
            long t0 = System.nanoTime();
            control.ok("SET VAR demo ups.status \"" + want + "\"");
            while (true) {
                String s = seen.poll(10, TimeUnit.SECONDS);
                if (s == null) throw new IllegalStateException("no change to " + want + " seen in 10 s");
                if (s.equals(want)) break;
            }
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        stop.run();
        Collections.sort(ms);
        System.out.printf(Locale.ROOT, "observer=%s changes=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f%n", mode.equals("sse") ? "sse" : "poll" + a[2] + "ms",
                ms.size(), ms.get(ms.size() / 2), ms.get((int) Math.min(ms.size() - 1, Math.ceil(ms.size() * 0.99) - 1)), ms.get(ms.size() - 1));
        System.exit(0);
    }

    /** Subscribes to upsd's SSE stream and queues the status of each status event for demo. */
    static Runnable sse(int httpPort, BlockingQueue<String> seen) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/events?ups=demo")).build();
        HttpResponse<InputStream> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(req, HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
        CountDownLatch snapshot = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                String line;
                while ((line = in.readLine()) != null) {
                    int i = line.indexOf("\"status\":\"");
                    if (line.startsWith("data:") && i >= 0) {
                        snapshot.countDown();
                        seen.add(line.substring(i + 10, line.indexOf('"', i + 10)));
                    }
                }
            } catch (IOException e) { /* closed */ }
        });
        t.setDaemon(true);
        t.start();
        snapshot.await(10, TimeUnit.SECONDS);
        return () -> { try { in.close(); } catch (IOException e) { } };
    }

    /** Polls GET VAR demo ups.status every pollMs and queues each answer. */
    static Runnable poll(int port, int pollMs, BlockingQueue<String> seen) throws Exception {
        Nut n = new Nut(port);
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor();
        ex.scheduleAtFixedRate(() -> {
            try {
                String reply = n.ask("GET VAR demo ups.status");
                seen.add(reply.substring(reply.indexOf('"') + 1, reply.lastIndexOf('"')));
            } catch (IOException e) { throw new UncheckedIOException(e); }
        }, 0, pollMs, TimeUnit.MILLISECONDS);
        return ex::shutdownNow;
    }

    /** One NUT protocol connection: a request, its one-line reply. */
    static final class Nut {
        final Socket s;
        final BufferedReader in;
        final Writer out;

        Nut(int port) throws IOException {
            s = new Socket("127.0.0.1", port);
            s.setTcpNoDelay(true);
            in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
        }

        synchronized String ask(String line) throws IOException {
            out.write(line + "\n");
            out.flush();
            return in.readLine();
        }

        void ok(String line) throws IOException {
            String r = ask(line);
            if (!r.startsWith("OK")) throw new IOException(line + ": " + r);
        }
    }
}
