package org.knut.upsd.state;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

import org.knut.core.sock.TrackingResult;
import org.knut.upsd.audit.AuditLog;

/**
 * Results of tracked INSTCMD and SET VAR requests ({@code SET TRACKING ON}): an id is PENDING until the
 * driver reports {@code TRACKING <id> <code>}, and every entry is forgotten TRACKINGDELAY after it was
 * created. Ids are matched case-insensitively, as upsd does. The table is bounded: when full, the oldest
 * entry goes first.
 */
public final class TrackingTable {
    /** What GET TRACKING answers for a request the driver has not finished. */
    public static final String PENDING = "PENDING";

    private final long retentionNanos;
    private final int capacity;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<String, Entry> entries;

    private static final class Entry {
        final long created;
        TrackingResult result;

        Entry(long created) {
            this.created = created;
        }
    }

    public TrackingTable(long retentionSeconds, int capacity, LongSupplier nanoClock) {
        this.retentionNanos = retentionSeconds * 1_000_000_000L;
        this.capacity = capacity;
        this.nanoClock = nanoClock;
        this.entries = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > TrackingTable.this.capacity;
            }
        };
    }

    public TrackingTable(long retentionSeconds) {
        this(retentionSeconds, 100_000, System::nanoTime);
    }

    /** A new id in upsd's format (upper-case UUID v4), registered as pending. */
    public String begin() {
        String id = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        synchronized (this) {
            entries.put(id, new Entry(nanoClock.getAsLong()));
        }
        return id;
    }

    /** Records the driver's completion code for {@code id}; unknown ids are ignored. */
    public synchronized void complete(String id, int code) {
        Entry e = entries.get(id.toUpperCase(Locale.ROOT));
        if (e != null) {
            e.result = TrackingResult.fromCode(code);
            AuditLog.completed(id, e.result); // every tracked id is an audited change request
        }
    }

    /** The GET TRACKING answer: PENDING, SUCCESS or an ERR text ({@code ERR UNKNOWN} for an unknown id). */
    public synchronized String status(String id) {
        Entry e = entries.get(id.toUpperCase(Locale.ROOT));
        if (e == null) {
            return TrackingResult.UNKNOWN.reply();
        }
        return e.result == null ? PENDING : e.result.reply();
    }

    /** True while {@code id} is remembered (issued here, not yet purged). */
    public synchronized boolean knows(String id) {
        return entries.containsKey(id.toUpperCase(Locale.ROOT));
    }

    /** Forgets the entries older than the retention (TRACKINGDELAY). */
    public synchronized void purge() {
        long now = nanoClock.getAsLong();
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext()) {
            if (now - it.next().created <= retentionNanos) {
                break; // insertion order is age order
            }
            it.remove();
        }
    }

    public synchronized int size() {
        return entries.size();
    }
}
