package org.knut.driver.dummy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.driver.spi.DriverException;
import org.knut.driver.testing.MutableClock;

/** Passes over a data file, TIMER pauses timed by a clock the test controls, and file change detection. */
class DataFilePlayerTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(1_000_000);
    private final List<String> applied = new ArrayList<>();

    private void advance(DataFilePlayer p) throws DriverException {
        p.advance(e -> applied.add(e instanceof DataEntry.Status s ? String.join(" ", s.tokens())
                : ((DataEntry.Assignment) e).name() + "=" + ((DataEntry.Assignment) e).value()));
    }

    @Test
    void timerPausesThePassUntilItsTimeHasCome() throws Exception {
        Path f = Files.writeString(dir.resolve("power.seq"), """
                ups.status: OL
                battery.charge: 100
                TIMER 10
                ups.status: OB
                TIMER 5
                ups.status: OB LB
                """);
        DataFilePlayer p = new DataFilePlayer(f, clock);
        advance(p);
        assertEquals(List.of("OL", "battery.charge=100"), applied);
        assertFalse(p.finished());

        clock.advance(Duration.ofMillis(9_999));
        advance(p);
        assertEquals(2, applied.size(), "still paused");

        clock.advance(Duration.ofMillis(1));
        advance(p);
        assertEquals(List.of("OL", "battery.charge=100", "OB"), applied);

        clock.advance(Duration.ofSeconds(5));
        advance(p);
        assertEquals("OB LB", applied.get(3));
        assertTrue(p.finished(), "end of file closes the pass");

        advance(p);
        assertEquals(List.of("OL", "battery.charge=100"), applied.subList(4, 6), "the next pass starts at the top");
    }

    @Test
    void timerAtTheEndDelaysTheNextPass() throws Exception {
        Path f = Files.writeString(dir.resolve("a.seq"), "ups.load: 1\nTIMER 3\n");
        DataFilePlayer p = new DataFilePlayer(f, clock);
        advance(p);
        advance(p);
        assertEquals(1, applied.size());
        clock.advance(Duration.ofSeconds(3));
        advance(p); // resumes, reads nothing more, closes the pass
        assertEquals(1, applied.size());
        advance(p);
        assertEquals(2, applied.size());
    }

    @Test
    void changesAreSeenByModificationTime() throws Exception {
        Path f = Files.writeString(dir.resolve("a.dev"), "ups.load: 1\n");
        DataFilePlayer p = new DataFilePlayer(f, clock);
        advance(p);
        assertFalse(p.changedSinceRead());
        Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 1000));
        assertTrue(p.changedSinceRead());
        advance(p);
        assertFalse(p.changedSinceRead());
        Files.delete(f);
        assertTrue(p.changedSinceRead(), "a vanished file is a change");
    }

    @Test
    void missingFileNamesIt() {
        DataFilePlayer p = new DataFilePlayer(dir.resolve("nope.dev"), clock);
        DriverException e = assertThrows(DriverException.class, () -> advance(p));
        assertEquals("Can't open dummy-ups definition file " + dir.resolve("nope.dev") + ": No such file or directory",
                e.getMessage());
    }

    @Test
    void oversizedFileIsRefused() throws IOException {
        Path f = dir.resolve("big.dev");
        Files.write(f, new byte[(int) DataFilePlayer.MAX_FILE_SIZE + 1]);
        DataFilePlayer p = new DataFilePlayer(f, clock);
        assertTrue(assertThrows(DriverException.class, () -> advance(p)).getMessage().contains("larger than"));
    }

    @Test
    void warningsNameFileAndLineOncePerFileContent() throws Exception {
        Path f = Files.writeString(dir.resolve("odd.seq"), "ups.load: 1\nups.firmware.aux:\n");
        List<String> warnings = new ArrayList<>();
        DataFilePlayer p = new DataFilePlayer(f, clock, warnings::add);
        advance(p);
        advance(p);
        assertEquals(List.of(f + " line 2: no value for ups.firmware.aux; line ignored"), warnings);
    }
}
