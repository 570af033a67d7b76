package org.knut.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;

import org.knut.core.client.NutClient;
import org.knut.core.client.StartTls;
import org.knut.core.client.UpsId;
import org.knut.core.protocol.NutException;

/**
 * One UPS upslog watches and the log it writes to: keeps (and when lost, re-opens) the connection to
 * upsd, and appends one formatted line per poll.
 */
final class LogTarget implements LogFormat.Source, AutoCloseable {
    private final Io io;
    private final String monhost;
    private final UpsId id;
    private final String logfile;
    private PrintWriter log;
    private final StartTls tls;
    private NutClient client;

    LogTarget(Io io, String monhost, UpsId id, String logfile, StartTls tls) {
        this.tls = tls;
        this.io = io;
        this.monhost = monhost;
        this.id = id;
        this.logfile = logfile;
    }

    /** The first connection; a failure is only a warning, upslog tries again at every poll. */
    void connectFirst() {
        try {
            client = NutClient.connect(id.host(), id.port(), NutClient.DEFAULT_TIMEOUT, tls);
        } catch (IOException e) {
            io.err().println("Warning: initial connect failed: " + UpscliError.of(e));
        }
    }

    /** Opens the log for appending; "-" is stdout. */
    void open() {
        try {
            log = openLog();
        } catch (IOException e) {
            throw new Fatal("could not open logfile " + logfile + ": " + reason(e));
        }
    }

    /** SIGHUP: let log rotation move the file away, then write to a new one. */
    void reopen() {
        if (log == io.out()) {
            io.err().println("logging to stdout");
            return;
        }
        log.close();
        try {
            log = openLog();
        } catch (IOException e) {
            throw new Fatal("could not reopen logfile " + logfile + ": " + reason(e));
        }
    }

    private PrintWriter openLog() throws IOException {
        if (logfile.equals("-")) {
            return io.out();
        }
        return new PrintWriter(new OutputStreamWriter(Files.newOutputStream(Path.of(logfile), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE), StandardCharsets.UTF_8));
    }

    void write(LogFormat format, ZonedDateTime now) {
        if (client == null) {
            try {
                client = NutClient.connect(id.host(), id.port(), NutClient.DEFAULT_TIMEOUT, tls);
            } catch (IOException e) {
                client = null; // every %VAR% reads NA this time
            }
        }
        log.println(format.line(this, now));
        log.flush();
    }

    /** Long intervals do not keep a connection open, as NUT's upslog (over 30 s). */
    void disconnect() {
        if (client != null) {
            try {
                client.close();
            } catch (IOException e) {
                // already gone
            }
            client = null;
        }
    }

    @Override
    public String var(String name) {
        if (client == null) {
            return null;
        }
        try {
            return client.get(id.ups(), name);
        } catch (NutException e) {
            return null;
        } catch (IOException e) {
            disconnect(); // reconnect at the next poll
            return null;
        }
    }

    @Override
    public String upsHost() {
        return monhost;
    }

    @Override
    public void close() {
        disconnect();
        if (log != null && log != io.out()) {
            log.close();
        }
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        return e.getMessage();
    }
}
