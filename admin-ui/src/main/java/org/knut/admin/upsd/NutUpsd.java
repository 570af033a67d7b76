package org.knut.admin.upsd;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.knut.core.client.NutClient;
import org.knut.core.model.Range;
import org.knut.core.protocol.NutException;

/**
 * Any NUT upsd, over the NUT network protocol with nut-core's {@link NutClient}: one connection per
 * call (NutClient is not thread-safe, and a connection per call survives upsd restarts). Changes log
 * in with {@code USERNAME}/{@code PASSWORD}, turn {@code SET TRACKING ON}, then send {@code INSTCMD}
 * or {@code SET VAR}, as upscmd and upsrw do.
 */
public final class NutUpsd implements Upsd {
    private final String host;
    private final int port;
    private final Duration timeout;

    public NutUpsd(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    @Override
    public String address() {
        return "NUT upsd " + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @FunctionalInterface
    private interface Session<T> {
        T run(NutClient c) throws IOException, NutException;
    }

    @FunctionalInterface
    private interface Lookup {
        String get() throws IOException, NutException;
    }

    private <T> T call(Session<T> session) throws UpsdException {
        try (NutClient c = NutClient.connect(host, port, timeout)) {
            T result = session.run(c);
            c.logout();
            return result;
        } catch (NutException e) {
            throw new UpsdException(e.error().code(), address() + " answered ERR " + e.getMessage());
        } catch (IOException e) {
            throw new UpsdException(UpsdException.CONNECTION_FAILURE, "cannot talk to " + address() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, String> variables(String ups) throws UpsdException {
        return call(c -> c.listVars(ups));
    }

    @Override
    public Controls controls(String ups) throws UpsdException {
        return call(c -> {
            List<Writable> writables = new ArrayList<>();
            for (Map.Entry<String, String> rw : c.listRw(ups).entrySet()) {
                writables.add(writable(c, ups, rw.getKey(), rw.getValue()));
            }
            List<InstantCommand> commands = new ArrayList<>();
            for (String cmd : c.listCommands(ups)) {
                commands.add(new InstantCommand(cmd, description(() -> c.getCmdDesc(ups, cmd))));
            }
            return new Controls(writables, commands);
        });
    }

    /** Reads a variable's type words ({@code RW ENUM}, {@code RW STRING:32}, {@code RW RANGE NUMBER}...) as upsrw does. */
    private static Writable writable(NutClient c, String ups, String name, String value) throws IOException, NutException {
        List<String> type = c.getType(ups, name);
        Integer maxLength = null;
        boolean string = false;
        for (String word : type) {
            if (word.startsWith("STRING")) {
                string = true;
                maxLength = word.startsWith("STRING:") ? parseLength(word.substring(7)) : null;
            }
        }
        List<String> enums = type.contains("ENUM") ? c.listEnum(ups, name) : List.of();
        List<Range> ranges = new ArrayList<>();
        if (type.contains("RANGE")) {
            for (String[] r : c.listRange(ups, name)) {
                ranges.add(new Range(r[0], r[1]));
            }
        }
        return new Writable(name, value, description(() -> c.getDesc(ups, name)), string, maxLength, enums, ranges);
    }

    private static Integer parseLength(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** upsd answers {@code Unavailable} (or an error on old servers) when it has no description. */
    private static String description(Lookup lookup) throws IOException {
        try {
            String d = lookup.get();
            return "Unavailable".equals(d) ? null : d;
        } catch (NutException e) {
            return null;
        }
    }

    @Override
    public String instcmd(Credentials who, String ups, String command, String parameter) throws UpsdException {
        return change(who, c -> c.instcmd(ups, command, parameter));
    }

    @Override
    public String setVar(Credentials who, String ups, String variable, String value) throws UpsdException {
        return change(who, c -> c.setVar(ups, variable, value));
    }

    /**
     * USERNAME, PASSWORD, tracking when the server has it (NUT before 2.8 answers an error), then the
     * change; its tracking id, or null without tracking.
     */
    private String change(Credentials who, Session<String> request) throws UpsdException {
        return call(c -> {
            c.authenticate(who.username(), who.password());
            boolean tracked;
            try {
                c.setTracking(true);
                tracked = true;
            } catch (NutException e) {
                tracked = false;
            }
            String id = request.run(c);
            return tracked ? id : null;
        });
    }

    @Override
    public String tracking(Credentials who, String id) throws UpsdException {
        // upsd answers GET TRACKING only with tracking on (else FEATURE-NOT-CONFIGURED), and SET needs a user
        String line = call(c -> {
            c.authenticate(who.username(), who.password());
            c.setTracking(true);
            return c.trackingStatus(id);
        });
        return line.startsWith("ERR ") ? line.substring(4).split(" ", 2)[0] : line.trim();
    }
}
