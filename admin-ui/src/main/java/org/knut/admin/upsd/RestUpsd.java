package org.knut.admin.upsd;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knut.core.model.Range;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * knut's upsd over its REST API ({@code /api/v1}): a UPS's variables, writable variables and commands
 * come in one {@code GET /api/v1/ups/{name}}; changes carry the user as HTTP Basic and answer 202 with a
 * tracking id; errors are {@code {"error": NUT error name, "message": ...}}. Every call is bounded in
 * time (connect and read timeouts) and size.
 */
public final class RestUpsd implements Upsd {
    /** A UPS with every variable of a large SNMP MIB stays far below this. */
    static final int MAX_BODY = 1 << 20;

    private final URI base;
    private final Duration timeout;
    private final ObjectMapper json;

    public RestUpsd(URI base, Duration timeout, ObjectMapper json) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.timeout = timeout;
        this.json = json;
    }

    public URI base() {
        return base;
    }

    @Override
    public String address() {
        return "knut upsd " + base;
    }

    @Override
    public Map<String, String> variables(String ups) throws UpsdException {
        Map<String, String> vars = new LinkedHashMap<>();
        detail(ups).path("variables").fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue().asText()));
        return vars;
    }

    @Override
    public Controls controls(String ups) throws UpsdException {
        JsonNode d = detail(ups);
        List<Writable> writables = new ArrayList<>();
        for (JsonNode w : d.path("rw")) {
            List<String> enums = new ArrayList<>();
            w.path("enums").forEach(e -> enums.add(e.asText()));
            List<Range> ranges = new ArrayList<>();
            w.path("ranges").forEach(r -> ranges.add(new Range(r.path("min").asText(), r.path("max").asText())));
            writables.add(new Writable(w.path("name").asText(), w.path("value").asText(), text(w, "description"),
                    "STRING".equals(w.path("type").asText()), w.hasNonNull("maxLength") ? w.get("maxLength").asInt() : null,
                    enums, ranges));
        }
        List<InstantCommand> commands = new ArrayList<>();
        for (JsonNode c : d.path("commands")) {
            commands.add(new InstantCommand(c.path("name").asText(), text(c, "description")));
        }
        return new Controls(writables, commands);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private JsonNode detail(String ups) throws UpsdException {
        return request("GET", "api/v1/ups/" + segment(ups), null, null);
    }

    @Override
    public String instcmd(Credentials who, String ups, String command, String parameter) throws UpsdException {
        ObjectNode body = json.createObjectNode();
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        return request("POST", "api/v1/ups/" + segment(ups) + "/commands/" + segment(command), who, body)
                .path("tracking").asText(null);
    }

    @Override
    public String setVar(Credentials who, String ups, String variable, String value) throws UpsdException {
        ObjectNode body = json.createObjectNode().put("value", value);
        return request("PUT", "api/v1/ups/" + segment(ups) + "/variables/" + segment(variable), who, body)
                .path("tracking").asText(null);
    }

    @Override
    public String tracking(Credentials who, String id) throws UpsdException {
        return request("GET", "api/v1/tracking/" + segment(id), who, null).path("status").asText();
    }

    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode request(String method, String path, Credentials who, JsonNode body) throws UpsdException {
        URI uri = base.resolve(path);
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            try {
                c.setConnectTimeout((int) timeout.toMillis());
                c.setReadTimeout((int) timeout.toMillis());
                c.setRequestMethod(method);
                c.setRequestProperty("Accept", "application/json");
                if (who != null) {
                    String pair = who.username() + ":" + who.password();
                    c.setRequestProperty("Authorization",
                            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
                }
                if (body != null) {
                    byte[] bytes = json.writeValueAsBytes(body);
                    c.setDoOutput(true);
                    c.setRequestProperty("Content-Type", "application/json");
                    // not in streaming mode: HttpURLConnection then hands a 401 back instead of failing to retry it
                    try (OutputStream out = c.getOutputStream()) {
                        out.write(bytes);
                    }
                }
                int status = c.getResponseCode();
                InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
                JsonNode reply = parse(in, uri, status);
                if (status >= 400) {
                    throw error(reply, uri, status);
                }
                return reply;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            throw new UpsdException(UpsdException.CONNECTION_FAILURE, "cannot talk to " + address() + ": " + e.getMessage(), e);
        }
    }

    private JsonNode parse(InputStream in, URI uri, int status) throws IOException, UpsdException {
        if (in == null) {
            return json.missingNode();
        }
        try (in) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new UpsdException("INVALID-ARGUMENT", uri + " answered more than " + MAX_BODY + " bytes");
            }
            if (bytes.length == 0) {
                return json.missingNode();
            }
            return json.readTree(bytes);
        } catch (JsonProcessingException e) {
            if (status >= 400) {
                return json.missingNode(); // an error page of a proxy: the status says enough
            }
            throw new UpsdException(UpsdException.CONNECTION_FAILURE, uri + " did not answer JSON: " + e.getOriginalMessage());
        }
    }

    /** The NUT error name of an error reply; a reply without one (a proxy's page) is named after its status. */
    private static UpsdException error(JsonNode reply, URI uri, int status) {
        String error = reply.path("error").asText("");
        String message = reply.path("message").asText("");
        if (error.isEmpty()) {
            return new UpsdException(status >= 500 ? UpsdException.CONNECTION_FAILURE : "UNKNOWN",
                    uri + " answered HTTP " + status);
        }
        return new UpsdException(error, message.isEmpty() ? error : message);
    }
}
