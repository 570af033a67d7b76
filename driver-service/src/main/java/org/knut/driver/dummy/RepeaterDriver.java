package org.knut.driver.dummy;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;
import org.knut.core.client.NutClient;
import org.knut.core.client.StartTls;
import org.knut.core.client.UpsId;
import org.knut.core.model.Range;
import org.knut.core.model.VarFlag;
import org.knut.core.protocol.NutError;
import org.knut.core.protocol.NutException;
import org.knut.core.sock.TrackingResult;
import org.knut.driver.spi.DriverException;
import org.knut.driver.spi.DriverState;
import org.knut.driver.spi.UpsDriver;

/**
 * dummy-ups' repeater mode: a client of another upsd that republishes one of its UPS. Each poll mirrors
 * the remote variables (except its {@code driver.*}), the writable ones with their remote types, enums
 * and ranges, and its instant commands; variables and commands that disappear remotely disappear here.
 * INSTCMD and SET are forwarded, with the remote tracking result when the remote upsd can track (which
 * needs the {@code username}/{@code password} options). NUT 2.8's repeater neither forwards commands nor
 * mirrors types; this one does.
 */
final class RepeaterDriver implements UpsDriver {
    private static final Logger LOG = Logger.getLogger(RepeaterDriver.class);
    private static final Duration IO_TIMEOUT = Duration.ofSeconds(5);
    private static final long TRACKING_WAIT_MILLIS = 5000;
    private static final long TRACKING_POLL_MILLIS = 50;

    /** One forwarded request; returns the tracking id, or null when the remote does not track. */
    private interface Request {
        String send(NutClient c) throws IOException, NutException;
    }

    private final UpsId target;
    private final String username;
    private final String password;
    private NutClient client;
    private boolean tracking;
    private Set<String> mirrored = new HashSet<>();
    private final Set<String> typed = new HashSet<>();
    private Set<String> commands = new HashSet<>();

    RepeaterDriver(UpsId target, String username, String password) {
        this.target = target;
        this.username = username;
        this.password = password;
    }

    @Override
    public void init(DriverState state) throws DriverException {
        state.setInfo("driver.parameter.mode", DummyMode.REPEATER.published);
        update(state);
    }

    @Override
    public void update(DriverState state) throws DriverException {
        try {
            mirror(connected(), state);
        } catch (IOException | NutException e) {
            disconnect();
            throw new DriverException("repeating " + target + ": " + e.getMessage(), e);
        }
    }

    private NutClient connected() throws IOException, NutException {
        if (client == null) {
            // as dummy-ups: STARTTLS is tried, plain text when the upsd does not offer it
            NutClient c = NutClient.connect(target.host(), target.port(), IO_TIMEOUT, StartTls.TRY);
            try {
                if (username != null) {
                    c.authenticate(username, password == null ? "" : password);
                    tracking = enableTracking(c);
                }
            } catch (IOException | NutException e) {
                c.close();
                throw e;
            }
            client = c;
            LOG.debugf("connected to %s (tracking %s)", target, tracking ? "on" : "off");
        }
        return client;
    }

    private static boolean enableTracking(NutClient c) throws IOException {
        try {
            c.setTracking(true);
            return true;
        } catch (NutException e) {
            return false; // an upsd older than 2.8, or a user without rights: results are not tracked
        }
    }

    private void mirror(NutClient c, DriverState state) throws IOException, NutException {
        String ups = target.ups();
        Map<String, String> vars = c.listVars(ups);
        Set<String> rw = c.listRw(ups).keySet();
        List<String> cmds = c.listCommands(ups);
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> v : vars.entrySet()) {
            String name = v.getKey();
            if (name.startsWith("driver.")) {
                continue; // ours describe this driver
            }
            seen.add(name);
            if (name.equals("ups.status")) {
                state.status(Arrays.asList(v.getValue().trim().split("\\s+")));
            } else {
                state.setInfo(name, v.getValue());
            }
            if (rw.contains(name)) {
                if (typed.add(name)) {
                    copyType(c, state, name);
                }
            } else if (typed.remove(name)) {
                state.setFlags(name, EnumSet.noneOf(VarFlag.class));
            }
        }
        for (String gone : mirrored) {
            if (!seen.contains(gone)) {
                state.delInfo(gone);
                typed.remove(gone);
            }
        }
        mirrored = seen;
        Set<String> nowCmds = new HashSet<>(cmds);
        for (String cmd : nowCmds) {
            state.addCommand(cmd);
        }
        for (String gone : commands) {
            if (!nowCmds.contains(gone)) {
                state.delCommand(gone);
            }
        }
        commands = nowCmds;
    }

    /** Copies a writable variable's remote type: {@code RW}, {@code STRING:n}, {@code NUMBER}, enums, ranges. */
    private void copyType(NutClient c, DriverState state, String name) throws IOException, NutException {
        String ups = target.ups();
        EnumSet<VarFlag> flags = EnumSet.of(VarFlag.RW);
        int aux = 0;
        boolean isEnum = false;
        boolean isRange = false;
        for (String w : c.getType(ups, name)) {
            if (w.startsWith("STRING:")) {
                flags.add(VarFlag.STRING);
                aux = parseOr(w.substring("STRING:".length()), 0);
            } else if (w.equals("NUMBER")) {
                flags.add(VarFlag.NUMBER);
            } else if (w.equals("ENUM")) {
                isEnum = true;
            } else if (w.equals("RANGE")) {
                isRange = true;
            }
        }
        state.setFlags(name, flags);
        if (aux > 0) {
            state.setAux(name, aux);
        }
        if (isEnum) {
            for (String e : c.listEnum(ups, name)) {
                state.addEnum(name, e);
            }
        }
        if (isRange) {
            for (String[] r : c.listRange(ups, name)) {
                state.addRange(name, new Range(r[0], r[1]));
            }
        }
    }

    private static int parseOr(String s, int fallback) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public TrackingResult instcmd(DriverState state, String command, String parameter) {
        return forward(c -> c.instcmd(target.ups(), command, parameter));
    }

    @Override
    public TrackingResult setvar(DriverState state, String variable, String value) {
        TrackingResult r = forward(c -> c.setVar(target.ups(), variable, value));
        if (r == TrackingResult.HANDLED && state.value(variable) != null) {
            state.setInfo(variable, value); // show it now rather than at the next poll
        }
        return r;
    }

    private TrackingResult forward(Request request) {
        try {
            NutClient c = connected();
            String id = request.send(c);
            return id == null || !tracking ? TrackingResult.HANDLED : awaitResult(c, id);
        } catch (NutException e) {
            return result(e.error());
        } catch (IOException e) {
            LOG.warnf("forwarding to %s failed: %s", target, e.getMessage());
            disconnect();
            return TrackingResult.FAILED;
        }
    }

    private static TrackingResult awaitResult(NutClient c, String id) throws IOException {
        long deadline = System.currentTimeMillis() + TRACKING_WAIT_MILLIS;
        while (true) {
            String reply = c.trackingStatus(id);
            if (!reply.equals("PENDING")) {
                for (TrackingResult r : TrackingResult.values()) {
                    if (r.reply().equals(reply)) {
                        return r;
                    }
                }
                return TrackingResult.FAILED;
            }
            if (System.currentTimeMillis() >= deadline) {
                return TrackingResult.FAILED;
            }
            try {
                Thread.sleep(TRACKING_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return TrackingResult.FAILED;
            }
        }
    }

    /** The tracking code for an upsd error answered at once. */
    static TrackingResult result(NutError e) {
        return switch (e) {
            case CMD_NOT_SUPPORTED, VAR_NOT_SUPPORTED, UNKNOWN -> TrackingResult.UNKNOWN;
            case INVALID_ARGUMENT, INVALID_VALUE, TOO_LONG, READONLY -> TrackingResult.INVALID;
            default -> TrackingResult.FAILED;
        };
    }

    private void disconnect() {
        if (client != null) {
            try {
                client.close();
            } catch (IOException ignored) {
                // reconnecting anyway
            }
            client = null;
        }
    }

    @Override
    public void close() {
        disconnect();
    }
}
