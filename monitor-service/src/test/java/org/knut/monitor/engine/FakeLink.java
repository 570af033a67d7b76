package org.knut.monitor.engine;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import org.knut.core.protocol.NutError;
import org.knut.core.protocol.NutException;

/** A scripted upsd session: the test sets the variables, whether upsd answers, and NUMLOGINS. */
final class FakeLink implements UpsLink {
    final Map<String, String> vars = new ConcurrentHashMap<>();
    volatile boolean reachable = true;
    volatile boolean open;
    volatile boolean openedAsPrimary;
    volatile int opens;
    final AtomicInteger statusReads = new AtomicInteger();
    int fsds;
    IntSupplier numLogins = () -> 1;

    FakeLink status(String status) {
        vars.put("ups.status", status);
        return this;
    }

    @Override
    public void open(boolean asPrimary) throws IOException {
        if (!reachable) {
            throw new IOException("Connection refused");
        }
        open = true;
        openedAsPrimary = asPrimary;
        opens++;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    private void check() throws IOException {
        if (!reachable || !open) {
            open = false;
            throw new IOException("connection closed by upsd");
        }
    }

    @Override
    public String get(String var) throws IOException, NutException {
        check();
        if (var.equals("ups.status")) {
            statusReads.incrementAndGet();
        }
        String v = vars.get(var);
        if (v == null) {
            throw new NutException(NutError.VAR_NOT_SUPPORTED);
        }
        return v;
    }

    @Override
    public int numLogins() throws IOException {
        check();
        return numLogins.getAsInt();
    }

    @Override
    public void fsd() throws IOException {
        check();
        fsds++;
        vars.put("ups.status", "FSD " + vars.getOrDefault("ups.status", ""));
    }

    @Override
    public void close() {
        open = false;
    }
}
