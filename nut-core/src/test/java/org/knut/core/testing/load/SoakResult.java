package org.knut.core.testing.load;

import java.util.Locale;

/**
 * What a soak run measured, for a test to check and a summary to print. Heap figures are -1 for a server
 * without a metrics endpoint; event figures are 0 without subscribers.
 *
 * @param rampSeconds        time until every NUT connection and subscriber was open
 * @param nutLatency         every NUT request of the measured run, from when it was due
 * @param nutService         the same from when it was sent (the server's answer time, queueing in the
 *                           load generator left out)
 * @param nutConnectedMin    the fewest NUT connections open at a row
 * @param subscribersMin     the fewest subscribers with an open stream at a row
 * @param changeFailures     SET VARs of ups.status that failed
 * @param missing            changes some subscriber never got
 * @param unexpected         status events no change explains (out of order, repeated)
 * @param upToDate           subscribers that got every change
 * @param before             the server before any load (after a full GC)
 * @param peak               the row with the highest resident memory
 * @param heapMax            the most heap in use at a row (garbage included)
 * @param after              the server once every connection was closed again (after a full GC)
 * @param heapAfterGcBefore  heap in use after a full GC before the load
 * @param heapAfterGcAfter   heap in use after a full GC after the load
 * @param released           whether the server's connections came back to where they were before
 */
public record SoakResult(double rampSeconds, long requests, double seconds, LatencyHistogram nutLatency,
        LatencyHistogram nutService, NutLoad.Errors errors, int nutConnectedMin, int subscribers, int subscribersMin, int changes,
        long changeFailures, long delivered, long missing, long unexpected, long reconnects, int upToDate,
        LatencyHistogram eventFromSet, LatencyHistogram eventFromStamp, ServerProbe.Sample before,
        ServerProbe.Sample peak, long heapMax, ServerProbe.Sample after, long heapAfterGcBefore, long heapAfterGcAfter,
        boolean released) {

    public double rps() {
        return requests / seconds;
    }

    /** One key=value line, stable keys, for scripts. */
    public String keyValues() {
        return String.format(Locale.ROOT,
                "requests=%d rps=%.0f p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f svc_p50_ms=%.3f svc_p99_ms=%.3f errors=%d %s nut_connected_min=%d "
                        + "ramp_s=%.1f subscribers=%d subscribers_min=%d changes=%d change_failures=%d delivered=%d missing=%d "
                        + "unexpected=%d reconnects=%d up_to_date=%d ev_p50_ms=%.2f ev_p99_ms=%.2f ev_p999_ms=%.2f "
                        + "ev_stamp_p50_ms=%.2f ev_stamp_p99_ms=%.2f rss_kb_before=%d rss_kb_peak=%d rss_kb_after=%d "
                        + "heap_gc_mb_before=%s heap_gc_mb_after=%s heap_mb_max=%s sockets_before=%d sockets_after=%d released=%s",
                requests, rps(), nutLatency.percentileMillis(0.5), nutLatency.percentileMillis(0.99),
                nutLatency.percentileMillis(0.999), nutLatency.maxMillis(), nutService.percentileMillis(0.5),
                nutService.percentileMillis(0.99), errors.total(), errors, nutConnectedMin,
                rampSeconds, subscribers, subscribersMin, changes, changeFailures, delivered, missing, unexpected,
                reconnects, upToDate, eventFromSet.percentileMillis(0.5), eventFromSet.percentileMillis(0.99),
                eventFromSet.percentileMillis(0.999), eventFromStamp.percentileMillis(0.5),
                eventFromStamp.percentileMillis(0.99), before.rssKb(), peak.rssKb(), after.rssKb(),
                ServerProbe.Sample.mb(heapAfterGcBefore), ServerProbe.Sample.mb(heapAfterGcAfter),
                ServerProbe.Sample.mb(heapMax), before.sockets(), after.sockets(), released);
    }
}
