package org.knut.core.testing.load;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The shape of a soak run against one upsd.
 *
 * @param host        upsd's address
 * @param nutPort     its NUT port
 * @param httpPort    its HTTP port (events, metrics); 0 for a server without one (Debian's upsd)
 * @param serverPid   the upsd process, for /proc figures and a forced GC
 * @param clients     NUT connections
 * @param subscribers event-stream subscribers (0 without HTTP)
 * @param rate        requests per second per NUT connection
 * @param listEvery   every n-th request of a connection is LIST VAR (0: never)
 * @param warmup      load not recorded, after every connection is open (the server's JIT warms up)
 * @param duration    the measured run, after the warm-up
 * @param sampleEvery one row per this
 * @param changeEvery a ups.status change per this
 * @param user        a upsd user allowed to SET VAR
 * @param sources     loopback source addresses the connections are spread over (0: the kernel's choice)
 * @param threads     selector threads of the NUT load
 */
public record SoakPlan(String host, int nutPort, int httpPort, long serverPid, int clients, int subscribers,
        double rate, int listEvery, Duration warmup, Duration duration, Duration sampleEvery, Duration changeEvery, String ups,
        String user, String password, int sources, int threads) {

    public SoakPlan {
        if (httpPort == 0 && subscribers > 0) {
            throw new IllegalArgumentException("event subscribers need upsd's HTTP port");
        }
    }

    /**
     * From {@code --name=value} arguments; defaults: 127.0.0.1, 1000 clients, 100 subscribers, 2 requests/s,
     * LIST every 10th, no warm-up, 60 s, a row every 10 s, a change every 2 s, UPS demo, admin/admin, 200 sources, 2 threads.
     */
    public static SoakPlan parse(String... args) {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
            }
            a.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        SoakPlan p = new SoakPlan(a.getOrDefault("host", "127.0.0.1"), Integer.parseInt(required(a, "nut-port")),
                Integer.parseInt(a.getOrDefault("http-port", "0")), Long.parseLong(required(a, "pid")),
                Integer.parseInt(a.getOrDefault("clients", "1000")), Integer.parseInt(a.getOrDefault("subscribers", "100")),
                Double.parseDouble(a.getOrDefault("rate", "2")), Integer.parseInt(a.getOrDefault("list-every", "10")),
                Duration.ofSeconds(Long.parseLong(a.getOrDefault("warmup", "0"))),
                Duration.ofSeconds(Long.parseLong(a.getOrDefault("duration", "60"))),
                Duration.ofSeconds(Long.parseLong(a.getOrDefault("sample", "10"))),
                Duration.ofMillis(Long.parseLong(a.getOrDefault("change-ms", "2000"))), a.getOrDefault("ups", "demo"),
                a.getOrDefault("user", "admin"), a.getOrDefault("password", "admin"),
                Integer.parseInt(a.getOrDefault("sources", "200")), Integer.parseInt(a.getOrDefault("threads", "2")));
        a.keySet().removeAll(java.util.List.of("host", "nut-port", "http-port", "pid", "clients", "subscribers", "rate",
                "list-every", "warmup", "duration", "sample", "change-ms", "ups", "user", "password", "sources", "threads"));
        if (!a.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + a.keySet());
        }
        return p;
    }

    private static String required(Map<String, String> a, String name) {
        String v = a.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + "= is required");
        }
        return v;
    }
}
