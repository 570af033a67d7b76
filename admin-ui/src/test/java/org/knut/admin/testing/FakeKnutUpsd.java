package org.knut.admin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for knut's upsd-service REST API on 127.0.0.1 (the admin UI's tests may not import that
 * module): the paths, JSON bodies, status codes, NUT error names and SSE framing of
 * upsd-service/src/main/java/org/knut/upsd/api ({@code UpsResource}, {@code UpsViews},
 * {@code EventsResource}, {@code ChangeRequests}), over UPSes whose state the test sets. Users as in the
 * sandbox: admin/adminpass with SET and every command, monuser/monpass with neither. Changes are
 * tracked: the result of each command or SET is {@link #answer}ed per name (default SUCCESS).
 */
public final class FakeKnutUpsd implements AutoCloseable {
    /** One UPS of this upsd; tests change it through the fake's methods so that events go out. */
    public static final class Ups {
        final String name;
        final String description;
        final Map<String, String> variables = new LinkedHashMap<>();
        final Map<String, ObjectNode> rw = new LinkedHashMap<>();
        final Map<String, String> commands = new LinkedHashMap<>();
        volatile String state = "OK";

        Ups(String name, String description) {
            this.name = name;
            this.description = description;
        }
    }

    /** A change request as it arrived: who (from HTTP Basic), what, and the JSON body. */
    public record Received(String method, String path, String user, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REALM = "Basic realm=\"knut upsd\"";
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-knut-upsd");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Ups> upses = new ConcurrentHashMap<>();
    private final Map<String, String> tracking = new ConcurrentHashMap<>();
    /** Ids read once: the first read of a request's result says PENDING, as while upsd waits for the driver. */
    private final java.util.Set<String> askedOnce = ConcurrentHashMap.newKeySet();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<OutputStream> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong eventIds = new AtomicLong();

    public FakeKnutUpsd() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(threads);
        server.createContext("/api/v1/", this::handle);
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Adds a UPS in state OK with {@code variables} (ups.status among them). */
    public Ups add(String name, String description, Map<String, String> variables) {
        Ups u = new Ups(name, description);
        u.variables.putAll(variables);
        upses.put(name.toLowerCase(Locale.ROOT), u);
        return u;
    }

    /** Makes a variable writable, as UpsViews.Writable: NUMBER with ranges/enums, or STRING with a length. */
    public void writable(Ups u, String name, String type, Integer maxLength, List<String> enums, List<String[]> ranges) {
        ObjectNode w = JSON.createObjectNode().put("name", name).put("type", type);
        w.put("description", "Description of " + name);
        if (maxLength != null) {
            w.put("maxLength", maxLength);
        }
        if (!enums.isEmpty()) {
            ArrayNode a = w.putArray("enums");
            enums.forEach(a::add);
        }
        if (!ranges.isEmpty()) {
            ArrayNode a = w.putArray("ranges");
            ranges.forEach(r -> a.addObject().put("min", r[0]).put("max", r[1]));
        }
        StringBuilder nutType = new StringBuilder("RW");
        nutType.append(enums.isEmpty() ? "" : " ENUM").append(ranges.isEmpty() ? "" : " RANGE")
                .append("STRING".equals(type) ? " STRING:" + maxLength : " NUMBER");
        w.put("nutType", nutType.toString());
        u.rw.put(name, w);
    }

    public void command(Ups u, String name, String description) {
        u.commands.put(name, description);
    }

    /** The tracking result of later requests for command or variable {@code name}: SUCCESS, FAILED, UNKNOWN... */
    public void answer(String name, String result) {
        answers.put(name, result);
    }

    /** Sets a variable as a driver update would; a new ups.status goes out as a {@code status} event. */
    public void set(Ups u, String variable, String value) {
        String before = u.variables.put(variable, value);
        if (variable.equals("ups.status") && !value.equals(before)) {
            ObjectNode data = event("status", u).put("status", value);
            if (before != null) {
                data.put("previous", before);
            }
            publish("status", data);
        }
    }

    /** Marks the UPS's data stale or fresh, as upsd does after MAXAGE without driver updates. */
    public void stale(Ups u, boolean stale) {
        u.state = stale ? "DATA-STALE" : "OK";
        publish("stale", event("stale", u).put("stale", stale));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public int subscribers() {
        return subscribers.size();
    }

    private ObjectNode event(String type, Ups u) {
        return JSON.createObjectNode().put("type", type).put("ups", u.name).put("time", Instant.now().toString());
    }

    private void publish(String name, ObjectNode data) {
        String frame = "event: " + name + "\nid: " + eventIds.incrementAndGet() + "\ndata: " + data + "\n\n";
        for (OutputStream out : subscribers) {
            try {
                synchronized (out) {
                    out.write(frame.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException e) {
                subscribers.remove(out);
            }
        }
    }

    private void handle(HttpExchange x) throws IOException {
        try {
            String path = x.getRequestURI().getPath().substring("/api/v1/".length());
            String[] p = path.split("/");
            String method = x.getRequestMethod();
            if (method.equals("GET") && path.equals("events")) {
                events(x);
                return;
            }
            if (method.equals("GET") && path.equals("ups")) {
                ArrayNode list = JSON.createArrayNode();
                upses.values().forEach(u -> list.add(summary(u)));
                send(x, 200, list);
            } else if (method.equals("GET") && p.length == 2 && p[0].equals("ups")) {
                Ups u = ups(p[1]);
                if (!u.state.equals("OK")) {
                    throw new Failure(503, u.state, "UPS " + u.name + ": " + u.state);
                }
                send(x, 200, detail(u));
            } else if (method.equals("POST") && p.length == 4 && p[0].equals("ups") && p[2].equals("commands")) {
                Ups u = change(x, path, p[1]);
                if (!u.commands.containsKey(p[3])) {
                    throw new Failure(404, "CMD-NOT-SUPPORTED", "instant command " + p[3] + ": CMD-NOT-SUPPORTED");
                }
                accepted(x, p[3]);
            } else if (method.equals("PUT") && p.length == 4 && p[0].equals("ups") && p[2].equals("variables")) {
                Ups u = change(x, path, p[1]);
                String value = value(received.get(received.size() - 1).body());
                check(u, p[3], value);
                if (answers.getOrDefault(p[3], "SUCCESS").equals("SUCCESS")) {
                    u.variables.put(p[3], value);
                    u.rw.get(p[3]).put("value", value);
                }
                accepted(x, p[3]);
            } else if (method.equals("GET") && p.length == 2 && p[0].equals("tracking")) {
                String status = tracking.get(p[1]);
                if (status == null) {
                    throw new Failure(404, "UNKNOWN", "no request with tracking id " + p[1] + " (or it is too old)");
                }
                send(x, 200, JSON.createObjectNode().put("id", p[1]).put("status", askedOnce.add(p[1]) ? "PENDING" : status));
            } else {
                throw new Failure(404, "UNKNOWN", "no such resource");
            }
        } catch (Failure f) {
            if (f.status == 401) {
                x.getResponseHeaders().add("WWW-Authenticate", REALM);
            }
            send(x, f.status, JSON.createObjectNode().put("error", f.error).put("message", f.getMessage()));
        }
    }

    /** A change request's common part, in upsd's order: the user, the body, the UPS, then the user's rights. */
    private Ups change(HttpExchange x, String path, String ups) throws Failure, IOException {
        String user = authenticate(x);
        received.add(new Received(x.getRequestMethod(), path, user, body(x)));
        Ups u = ups(ups);
        rights(user);
        return u;
    }

    /** The Server-Sent Events stream: a snapshot of every UPS, then each change, as EventsResource sends them. */
    private void events(HttpExchange x) throws IOException {
        x.getResponseHeaders().add("Content-Type", "text/event-stream");
        x.sendResponseHeaders(200, 0);
        OutputStream out = x.getResponseBody();
        subscribers.add(out);
        for (Ups u : upses.values()) {
            ObjectNode data = event("status", u).put("snapshot", true).put("state", u.state);
            if (u.state.equals("OK")) {
                data.put("status", u.variables.get("ups.status"));
            }
            synchronized (out) {
                out.write(("event: status\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
        // the exchange stays open until the client goes; publish() drops it then
    }

    private ObjectNode summary(Ups u) {
        ObjectNode s = JSON.createObjectNode().put("name", u.name).put("description", u.description).put("state", u.state);
        if (u.state.equals("OK")) {
            String status = u.variables.get("ups.status");
            s.put("status", status);
            ArrayNode flags = s.putArray("flags");
            for (String f : status.trim().split("\\s+")) {
                flags.add(f);
            }
        }
        return s.put("numLogins", 0);
    }

    private ObjectNode detail(Ups u) {
        ObjectNode d = summary(u);
        d.put("fsd", false);
        ObjectNode vars = d.putObject("variables");
        u.variables.forEach(vars::put);
        ArrayNode rw = d.putArray("rw");
        u.rw.values().forEach(w -> rw.add(w.deepCopy().put("value", u.variables.get(w.get("name").asText()))));
        ArrayNode cmds = d.putArray("commands");
        u.commands.forEach((name, desc) -> cmds.addObject().put("name", name).put("description", desc));
        return d;
    }

    private Ups ups(String name) throws Failure {
        Ups u = upses.get(name.toLowerCase(Locale.ROOT));
        if (u == null) {
            throw new Failure(404, "UNKNOWN-UPS", "no UPS called " + name);
        }
        return u;
    }

    private static String authenticate(HttpExchange x) throws Failure {
        String h = x.getRequestHeaders().getFirst("Authorization");
        if (h == null) {
            throw new Failure(401, "USERNAME-REQUIRED", "this request needs a upsd user (HTTP Basic authentication)");
        }
        String pair = new String(Base64.getDecoder().decode(h.substring("Basic ".length())), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        String user = pair.substring(0, colon);
        String password = pair.substring(colon + 1);
        boolean known = user.equals("admin") && password.equals("adminpass") || user.equals("monuser") && password.equals("monpass");
        if (!known) {
            throw new Failure(401, "ACCESS-DENIED", "unknown user or wrong password");
        }
        return user;
    }

    private static void rights(String user) throws Failure {
        if (!user.equals("admin")) {
            throw new Failure(403, "ACCESS-DENIED", "ACCESS-DENIED");
        }
    }

    private static String value(String body) throws Failure {
        try {
            JsonNode v = JSON.readTree(body).get("value");
            if (v == null || !v.isValueNode()) {
                throw new Failure(400, "INVALID-ARGUMENT", "the body must be {\"value\": \"...\"}");
            }
            return v.asText();
        } catch (IOException e) {
            throw new Failure(400, "INVALID-ARGUMENT", "the body is not JSON");
        }
    }

    /** upsd's checks of a new value: writable, one of the enums, inside a range, not too long. */
    private static void check(Ups u, String variable, String value) throws Failure {
        ObjectNode w = u.rw.get(variable);
        if (w == null) {
            throw u.variables.containsKey(variable) ? new Failure(400, "READONLY", "variable " + variable + ": READONLY")
                    : new Failure(404, "VAR-NOT-SUPPORTED", "variable " + variable + ": VAR-NOT-SUPPORTED");
        }
        if (w.has("maxLength") && value.length() > w.get("maxLength").asInt()) {
            throw new Failure(400, "TOO-LONG", "variable " + variable + ": TOO-LONG");
        }
        List<String> enums = new ArrayList<>();
        w.path("enums").forEach(e -> enums.add(e.asText()));
        boolean inRange = !w.has("ranges");
        for (JsonNode r : w.path("ranges")) {
            try {
                double d = Double.parseDouble(value);
                inRange |= d >= r.get("min").asDouble() && d <= r.get("max").asDouble();
            } catch (NumberFormatException e) {
                // not a number: in no range
            }
        }
        if (!enums.isEmpty() && !enums.contains(value) || !inRange) {
            throw new Failure(400, "INVALID-VALUE", "variable " + variable + ": INVALID-VALUE");
        }
    }

    private void accepted(HttpExchange x, String name) throws IOException {
        String id = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        tracking.put(id, answers.getOrDefault(name, "SUCCESS"));
        String location = "/api/v1/tracking/" + id;
        x.getResponseHeaders().add("Location", location);
        send(x, 202, JSON.createObjectNode().put("tracking", id).put("status", "PENDING").put("location", location));
    }

    private static String body(HttpExchange x) throws IOException {
        try (InputStream in = x.getRequestBody()) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange x, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static final class Failure extends Exception {
        final int status;
        final String error;

        Failure(int status, String error, String message) {
            super(message);
            this.status = status;
            this.error = error;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
