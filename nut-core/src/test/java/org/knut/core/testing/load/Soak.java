package org.knut.core.testing.load;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.knut.core.protocol.NutException;
import org.knut.core.testing.Await;

/**
 * A soak run: thousands of NUT clients at a steady rate and many event-stream subscribers against one
 * upsd while its UPS's status changes every few seconds; a row of figures every few seconds (throughput,
 * latency percentiles, connections, events delivered and missing (not there a second after the change), heap, resident memory, machine load),
 * then a summary. Checks nothing itself: {@code bench/soak.sh} prints the figures, a test asserts on the
 * {@link SoakResult}. Run as a program with {@link SoakPlan#parse} arguments.
 */
public final class Soak {
    private static final String HEADER = String.format(Locale.ROOT,
            "%6s %8s %8s %8s %8s %8s %7s %8s %8s %9s %8s %9s %9s %8s %8s %8s %9s %6s", "t_s", "req/s", "p50_ms",
            "p99_ms", "p999_ms", "svc_p99", "errors", "nut_conn", "sse_conn", "ev_deliv", "ev_miss", "ev_p50ms", "ev_p99ms",
            "heap_mb", "old_mb", "rss_mb", "srv_socks", "load1");

    /** A change not delivered this long after it was asked for counts as missing in a row. */
    private static final long GRACE_NS = 1_000_000_000L;

    private final SoakPlan plan;
    private final PrintStream out;
    private final ServerProbe probe;

    public Soak(SoakPlan plan, PrintStream out) {
        this.plan = plan;
        this.out = out;
        URI metrics = plan.httpPort() == 0 ? null : URI.create("http://" + plan.host() + ":" + plan.httpPort() + "/q/metrics");
        this.probe = new ServerProbe(plan.serverPid(), metrics);
    }

    public static void main(String[] args) throws Exception {
        SoakResult r = new Soak(SoakPlan.parse(args), System.out).run();
        System.out.println("summary " + r.keyValues());
        System.exit(0); // the load's daemon threads may still be closing sockets
    }

    public SoakResult run() throws IOException, NutException, InterruptedException {
        long gcBefore = probe.heapAfterFullGc();
        ServerProbe.Sample before = probe.sample();
        List<InetAddress> sources = LoopbackSources.of(plan.sources());
        StatusChanges changes = new StatusChanges();
        long t0 = System.nanoTime();
        try (EventSubscribers sse = new EventSubscribers(new EventSubscribers.Settings(
                new InetSocketAddress(plan.host(), plan.httpPort()), plan.ups(), plan.subscribers(), sources), changes);
                NutLoad nut = new NutLoad(new NutLoad.Settings(new InetSocketAddress(plan.host(), plan.nutPort()),
                        plan.clients(), plan.rate(), plan.listEvery(), plan.ups(), "ups.status", sources, plan.threads()))) {
            Await.until("every subscriber to have its snapshot", Duration.ofSeconds(30 + plan.subscribers() / 20),
                    () -> sse.connected() == plan.subscribers());
            Await.until("every NUT client to connect", Duration.ofSeconds(30 + plan.clients() / 20), // a busy upsd admits slowly
                    () -> nut.connected() == plan.clients());
            double ramp = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "# %d NUT clients (%.1f req/s each, LIST VAR every %d) and %d event subscribers open in %.1f s;"
                    + " ups.status changes every %d ms%n", plan.clients(), plan.rate(), plan.listEvery(), plan.subscribers(),
                    ramp, plan.changeEvery().toMillis());
            Thread.sleep(plan.warmup().toMillis());
            out.printf(Locale.ROOT, "# after the ramp and %d s of warm-up (not recorded): %s%n", plan.warmup().toSeconds(),
                    nut.errors());
            out.println(HEADER);

            LatencyHistogram all = new LatencyHistogram();
            LatencyHistogram allService = new LatencyHistogram();
            LatencyHistogram eventsFromSet = new LatencyHistogram();
            LatencyHistogram eventsFromStamp = new LatencyHistogram();
            nut.drainLatencies(new LatencyHistogram(), new LatencyHistogram()); // ramp and warm-up are not part of the run
            long startRequests = nut.requests();
            long start = System.nanoTime();
            int nutMin = Integer.MAX_VALUE;
            int sseMin = Integer.MAX_VALUE;
            ServerProbe.Sample peak = before;
            long heapMax = before.heapUsedBytes();
            StatusChanger changer = new StatusChanger(plan.host(), plan.nutPort(), plan.user(), plan.password(), plan.ups(),
                    plan.changeEvery(), changes);
            try {
                long rowRequests = startRequests;
                long rowStart = start;
                long end = start + plan.duration().toNanos();
                long next = start;
                while (next < end) {
                    next = Math.min(end, next + plan.sampleEvery().toNanos());
                    sleepUntil(next);
                    LatencyHistogram row = new LatencyHistogram();
                    LatencyHistogram rowService = new LatencyHistogram();
                    nut.drainLatencies(row, rowService);
                    LatencyHistogram rowEvents = new LatencyHistogram();
                    sse.drainLatencies(rowEvents, eventsFromStamp);
                    all.add(row);
                    allService.add(rowService);
                    eventsFromSet.add(rowEvents);
                    long requests = nut.requests();
                    long rowEnd = System.nanoTime();
                    double secs = (rowEnd - rowStart) / 1e9; // the last row's probe may have taken a while
                    ServerProbe.Sample s = probe.sample();
                    peak = s.rssKb() > peak.rssKb() ? s : peak;
                    heapMax = Math.max(heapMax, s.heapUsedBytes());
                    nutMin = Math.min(nutMin, nut.connected());
                    sseMin = Math.min(sseMin, sse.connected());
                    out.printf(Locale.ROOT, "%6.0f %8.0f %8.3f %8.3f %8.3f %8.3f %7d %8d %8d %9d %8d %9.2f %9.2f %8s %8s %8.1f %9d %6s%n",
                            (System.nanoTime() - start) / 1e9, (requests - rowRequests) / secs, row.percentileMillis(0.5),
                            row.percentileMillis(0.99), row.percentileMillis(0.999), rowService.percentileMillis(0.99), nut.errors().total(), nut.connected(),
                            sse.connected(), sse.delivered(), sse.missingBefore(System.nanoTime() - GRACE_NS), rowEvents.percentileMillis(0.5),
                            rowEvents.percentileMillis(0.99), ServerProbe.Sample.mb(s.heapUsedBytes()),
                            ServerProbe.Sample.mb(s.oldGenBytes()), s.rssKb() / 1024.0, s.sockets(), load1());
                    rowRequests = requests;
                    rowStart = rowEnd;
                }
            } finally {
                changer.close();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long requests = nut.requests() - startRequests;
            // the last change's events are on their way
            awaitQuietly(Duration.ofSeconds(10), () -> sse.missing() == 0);
            sse.drainLatencies(eventsFromSet, eventsFromStamp);
            NutLoad.Errors errors = nut.errors();
            long delivered = sse.delivered();
            long missing = sse.missing();
            long unexpected = sse.unexpected();
            long reconnects = sse.reconnects();
            int upToDate = sse.upToDate();
            nut.close();
            sse.close();
            boolean released = awaitQuietly(Duration.ofSeconds(30), () -> releasedSince(before));
            long gcAfter = probe.heapAfterFullGc();
            ServerProbe.Sample after = probe.sample();
            return new SoakResult(ramp, requests, seconds, all, allService, errors, nutMin, plan.subscribers(), sseMin, changes.count(),
                    changer.failures(), delivered, missing, unexpected, reconnects, upToDate, eventsFromSet, eventsFromStamp,
                    before, peak, heapMax, after, gcBefore, gcAfter, released);
        }
    }

    /** The server holds no more connections than before the load (gauges for knut, sockets for any). */
    private boolean releasedSince(ServerProbe.Sample before) {
        ServerProbe.Sample now = probe.sample();
        return now.sockets() <= before.sockets() && now.nutClients() <= before.nutClients()
                && now.eventSubscribers() <= before.eventSubscribers();
    }

    private static String load1() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "-";
        }
    }

    /** Like {@link Await#until}, for what is a figure rather than a failure: false when time ran out. */
    private static boolean awaitQuietly(Duration limit, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }
}
