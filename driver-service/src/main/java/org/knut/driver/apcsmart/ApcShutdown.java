package org.knut.driver.apcsmart;

import java.io.IOException;

import org.knut.core.sock.TrackingResult;
import org.knut.driver.apcsmart.ApcLink.Read;

/**
 * apcsmart's five ways to turn the load off, each answered by {@code OK} or {@code *}:
 * 0 soft hibernate ({@code S}, only on battery), 1 hard hibernate ({@code @nnn}: off, back on with
 * power after at least nnn tenths of an hour), 2 delayed power-off ({@code K} twice),
 * 3 instant power-off ({@code Z} twice, no answer), 4 the CS hack (simulate a power failure, wait, then
 * {@code S}).
 */
final class ApcShutdown {
    private final ApcLink link;
    private final long cshdelayMillis;

    ApcShutdown(ApcLink link, long cshdelayMillis) {
        this.link = link;
        this.cshdelayMillis = cshdelayMillis;
    }

    /** Runs method {@code index} (the numbering of {@code advorder}). */
    TrackingResult method(int index, String awd, boolean online) throws IOException {
        return switch (index) {
            case 0 -> soft();
            case 1 -> hardHibernate(awd);
            case 2 -> delayedOff();
            case 3 -> instantOff();
            default -> csHack(online);
        };
    }

    /** sdok: OK (or '*') confirms; with {@code silentOk} no answer at all confirms too. */
    private TrackingResult ack(boolean silentOk) throws IOException {
        String r = link.read(Read.SHUTDOWN_ACK);
        return (r == null && silentOk) || "OK".equals(r) ? TrackingResult.HANDLED : TrackingResult.FAILED;
    }

    TrackingResult soft() throws IOException {
        link.flush(false);
        link.write(ApcCommand.SOFTDOWN);
        return ack(false);
    }

    TrackingResult csHack(boolean online) throws IOException {
        if (online) {
            link.flush(false);
            link.ask(ApcCommand.SIMPWF, Read.SHORT);
            sleep(cshdelayMillis);
        }
        return soft();
    }

    /** {@code @} with the delay as 3 digits ({@code 2} digits when given so, for older units). */
    TrackingResult hardHibernate(String awd) throws IOException {
        String digits = awd == null ? "000" : awd;
        int width = digits.length() == 2 ? 2 : 3;
        String command = ApcCommand.GRACEDOWN + "0".repeat(Math.max(0, width - digits.length())) + digits;
        link.flush(false);
        if (!link.writeLong(command)) {
            return TrackingResult.FAILED;
        }
        TrackingResult r = ack(false);
        if (r == TrackingResult.HANDLED || width == 3) {
            return r;
        }
        // two digits did not work: end the sequence with something harmless so that the UPS is in a clean state
        link.ask('Y', Read.SHORT);
        return TrackingResult.FAILED;
    }

    TrackingResult delayedOff() throws IOException {
        link.flush(false);
        return link.writeRepeated(ApcCommand.SHUTDOWN) ? ack(false) : TrackingResult.FAILED;
    }

    TrackingResult instantOff() throws IOException {
        link.flush(false);
        return link.writeRepeated(ApcCommand.OFF) ? ack(true) : TrackingResult.FAILED;
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }
}
