package org.knut.core.client;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.knut.core.protocol.BoundedLineReader;
import org.knut.core.protocol.NutError;
import org.knut.core.protocol.NutException;
import org.knut.core.protocol.NutSyntaxException;
import org.knut.core.protocol.NutTokenizer;
import org.knut.core.tls.TlsContexts;

/**
 * A client of the NUT network protocol, what NUT's upsclient library is: one TCP connection, blocking
 * request/response, every read bounded in time and length. Not thread-safe; use one per thread.
 *
 * <pre>{@code
 * try (NutClient c = NutClient.connect("localhost", 3493)) {
 *     String status = c.get("demo", "ups.status");
 * }
 * }</pre>
 */
public final class NutClient implements Closeable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_LINE = 64 * 1024;
    /** Upper bound on items in one LIST reply, so a broken server cannot exhaust memory. */
    private static final int MAX_LIST_ITEMS = 100_000;

    private Socket socket;
    private OutputStream out;
    private BoundedLineReader in;
    private final String host;
    private final int port;

    private NutClient(Socket socket, String host, int port) throws IOException {
        this.socket = socket;
        this.host = host;
        this.port = port;
        this.out = socket.getOutputStream();
        this.in = new BoundedLineReader(socket.getInputStream(), MAX_LINE);
    }

    public static NutClient connect(String host, int port) throws IOException {
        return connect(host, port, DEFAULT_TIMEOUT);
    }

    /**
     * Connects to the first address of {@code host} that accepts, in resolver order, as NUT's upsclient
     * does with getaddrinfo (so {@code localhost} works whether upsd listens on ::1 or 127.0.0.1).
     */
    public static NutClient connect(String host, int port, Duration timeout) throws IOException {
        IOException last = null;
        for (InetAddress address : InetAddress.getAllByName(host)) {
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
                s.setSoTimeout((int) timeout.toMillis());
                return new NutClient(s, host, port);
            } catch (IOException e) {
                s.close();
                last = e;
            }
        }
        throw last;
    }

    public static NutClient connect(UpsId id) throws IOException {
        return connect(id.host(), id.port());
    }

    /** Connects, then applies {@code tls} (STARTTLS as NUT's clients try or force it). */
    public static NutClient connect(String host, int port, Duration timeout, StartTls tls) throws IOException {
        NutClient c = connect(host, port, timeout);
        try {
            tls.apply(c);
            return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * NUT's STARTTLS: asks upsd to switch this connection to TLS and, when it answers {@code OK STARTTLS},
     * does the TLS handshake on the same socket. Returns false (still in plain text) when the server
     * answers anything else (ERR FEATURE-NOT-CONFIGURED from upsd without a certificate, UNKNOWN-COMMAND
     * from old servers); a failed handshake is an exception and leaves the client unusable.
     *
     * @param checkName the name the certificate must carry (DNS or IP), or null for no name check
     */
    public boolean startTls(SSLContext context, String checkName) throws IOException {
        send("STARTTLS");
        if (!readLine().startsWith("OK STARTTLS")) {
            return false;
        }
        SSLSocket tls = TlsContexts.clientSocket(context, socket, checkName == null ? host : checkName, port,
                checkName != null);
        tls.startHandshake();
        socket = tls;
        out = tls.getOutputStream();
        in = new BoundedLineReader(tls.getInputStream(), MAX_LINE);
        return true;
    }

    /** True once {@link #startTls} switched this connection to TLS. */
    public boolean encrypted() {
        return socket instanceof SSLSocket;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    // ---- raw protocol

    /** Sends one line (tokens are quoted as needed) and returns the single reply line; ERR becomes an exception. */
    public String request(String... words) throws IOException, NutException {
        send(words);
        return checked(readLine());
    }

    private void send(String... words) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(i == 0 ? words[i] : NutTokenizer.word(words[i]));
        }
        sb.append('\n');
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private String readLine() throws IOException {
        String line;
        try {
            line = in.readLine();
        } catch (SocketTimeoutException e) {
            throw new IOException("no answer from " + host + ":" + port + " in time", e);
        }
        if (line == null) {
            throw new EOFException("connection closed by " + host + ":" + port);
        }
        return line;
    }

    private static String checked(String line) throws NutException {
        if (line.startsWith("ERR ") || line.equals("ERR")) {
            String code = line.length() > 4 ? line.substring(4).split(" ", 2)[0] : "";
            NutError e = NutError.fromCode(code);
            throw new NutException(e == null ? NutError.UNKNOWN : e, line.length() > 4 ? line.substring(4) : line);
        }
        return line;
    }

    private static List<String> tokens(String line) throws IOException {
        try {
            return NutTokenizer.tokenize(line);
        } catch (NutSyntaxException e) {
            throw new IOException("unparsable reply '" + line + "': " + e.getMessage());
        }
    }

    /**
     * Runs {@code LIST <what...>} and returns each item line's tokens after the query words, e.g. for
     * {@code LIST VAR demo} each element is {@code [name, value]}.
     */
    public List<List<String>> list(String... query) throws IOException, NutException {
        String[] req = new String[query.length + 1];
        req[0] = "LIST";
        System.arraycopy(query, 0, req, 1, query.length);
        send(req);
        String first = checked(readLine());
        List<String> begin = tokens(first);
        if (begin.size() < 2 || !begin.get(0).equals("BEGIN") || !begin.get(1).equals("LIST")) {
            throw new IOException("expected BEGIN LIST, got '" + first + "'");
        }
        // item lines repeat the query words after the type (VAR demo ...); the first query word names the type
        int skip = query.length;
        List<List<String>> items = new ArrayList<>();
        while (true) {
            String line = readLine();
            List<String> t = tokens(line);
            if (t.size() >= 2 && t.get(0).equals("END") && t.get(1).equals("LIST")) {
                return items;
            }
            if (items.size() >= MAX_LIST_ITEMS) {
                throw new IOException("LIST reply longer than " + MAX_LIST_ITEMS + " items");
            }
            if (t.size() <= skip) { // every item carries at least one word after the query
                throw new IOException("malformed LIST item '" + line + "'");
            }
            items.add(t.subList(skip, t.size()));
        }
    }

    // ---- session

    public void authenticate(String user, String password) throws IOException, NutException {
        request("USERNAME", user);
        request("PASSWORD", password);
    }

    public void login(String ups) throws IOException, NutException {
        request("LOGIN", ups);
    }

    /** Claims the primary role ({@code PRIMARY}, falling back to {@code MASTER} on servers older than 2.8). */
    public void primary(String ups) throws IOException, NutException {
        try {
            request("PRIMARY", ups);
        } catch (NutException e) {
            if (e.error() != NutError.UNKNOWN_COMMAND) {
                throw e;
            }
            request("MASTER", ups);
        }
    }

    public void fsd(String ups) throws IOException, NutException {
        request("FSD", ups);
    }

    public void setTracking(boolean on) throws IOException, NutException {
        request("SET", "TRACKING", on ? "ON" : "OFF");
    }

    /** {@code PENDING}, {@code SUCCESS}, or an {@code ERR ...} text, as the server reports it. */
    public String trackingStatus(String id) throws IOException {
        send("GET", "TRACKING", id);
        return readLine();
    }

    public void logout() throws IOException {
        send("LOGOUT");
        try {
            readLine();
        } catch (IOException ignored) {
            // the server may close before we read its goodbye
        }
    }

    // ---- queries

    public String get(String ups, String var) throws IOException, NutException {
        return value(request("GET", "VAR", ups, var), 3);
    }

    public Map<String, String> listVars(String ups) throws IOException, NutException {
        Map<String, String> vars = new LinkedHashMap<>();
        for (List<String> item : list("VAR", ups)) {
            vars.put(item.get(0), item.size() > 1 ? item.get(1) : "");
        }
        return vars;
    }

    public Map<String, String> listRw(String ups) throws IOException, NutException {
        Map<String, String> vars = new LinkedHashMap<>();
        for (List<String> item : list("RW", ups)) {
            vars.put(item.get(0), item.size() > 1 ? item.get(1) : "");
        }
        return vars;
    }

    public List<String> listCommands(String ups) throws IOException, NutException {
        List<String> cmds = new ArrayList<>();
        for (List<String> item : list("CMD", ups)) {
            cmds.add(item.get(0));
        }
        return cmds;
    }

    public List<String> listEnum(String ups, String var) throws IOException, NutException {
        List<String> values = new ArrayList<>();
        for (List<String> item : list("ENUM", ups, var)) {
            values.add(item.get(0));
        }
        return values;
    }

    /** Each range as {@code [min, max]}. */
    public List<String[]> listRange(String ups, String var) throws IOException, NutException {
        List<String[]> ranges = new ArrayList<>();
        for (List<String> item : list("RANGE", ups, var)) {
            if (item.size() < 2) {
                throw new IOException("RANGE item without a maximum: " + item);
            }
            ranges.add(new String[] {item.get(0), item.get(1)});
        }
        return ranges;
    }

    /** UPS names with their descriptions, in server order. */
    public Map<String, String> listUps() throws IOException, NutException {
        Map<String, String> ups = new LinkedHashMap<>();
        for (List<String> item : list("UPS")) {
            ups.put(item.get(0), item.size() > 1 ? item.get(1) : "");
        }
        return ups;
    }

    public List<String> listClients(String ups) throws IOException, NutException {
        List<String> clients = new ArrayList<>();
        for (List<String> item : list("CLIENT", ups)) {
            clients.add(item.get(0));
        }
        return clients;
    }

    /** The words of {@code GET TYPE}, e.g. {@code [RW, STRING:32]}. */
    public List<String> getType(String ups, String var) throws IOException, NutException {
        List<String> t = tokens(request("GET", "TYPE", ups, var));
        return t.subList(Math.min(3, t.size()), t.size());
    }

    public String getDesc(String ups, String var) throws IOException, NutException {
        return value(request("GET", "DESC", ups, var), 3);
    }

    public String getCmdDesc(String ups, String cmd) throws IOException, NutException {
        return value(request("GET", "CMDDESC", ups, cmd), 3);
    }

    public String getUpsDesc(String ups) throws IOException, NutException {
        return value(request("GET", "UPSDESC", ups), 2);
    }

    public int numLogins(String ups) throws IOException, NutException {
        String v = value(request("GET", "NUMLOGINS", ups), 2);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IOException("bad NUMLOGINS reply: " + v);
        }
    }

    /** Runs an instant command; returns the tracking id when tracking is on, else null. */
    public String instcmd(String ups, String cmd, String param) throws IOException, NutException {
        String reply = param == null ? request("INSTCMD", ups, cmd) : request("INSTCMD", ups, cmd, param);
        return trackingId(reply);
    }

    /** Sets a variable; returns the tracking id when tracking is on, else null. */
    public String setVar(String ups, String var, String value) throws IOException, NutException {
        send("SET", "VAR", ups, var, value);
        return trackingId(checked(readLine()));
    }

    public String version() throws IOException, NutException {
        return request("VER");
    }

    public String protocolVersion() throws IOException, NutException {
        return request("NETVER");
    }

    private static String trackingId(String reply) {
        return reply.startsWith("OK TRACKING ") ? reply.substring("OK TRACKING ".length()).trim() : null;
    }

    private static String value(String reply, int index) throws IOException {
        List<String> t = tokens(reply);
        if (t.size() <= index) {
            throw new IOException("short reply '" + reply + "'");
        }
        return t.get(index);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
