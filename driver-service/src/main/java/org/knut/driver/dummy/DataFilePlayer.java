package org.knut.driver.dummy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.jboss.logging.Logger;
import org.knut.driver.spi.DriverException;

/**
 * Plays a dummy-ups data file the way dummy-ups' parse_data_file does: a pass reads the file from the
 * top and applies its lines until a {@code TIMER} line, which pauses the pass for that many seconds
 * (the next {@link #advance} calls before then do nothing), or until the end, which closes the pass.
 * The next {@link #advance} after a closed pass starts a new one. Time comes from the given clock.
 */
final class DataFilePlayer {
    /** Bound on what is read of a data file. */
    static final long MAX_FILE_SIZE = 4L << 20;
    private static final Logger LOG = Logger.getLogger(DataFilePlayer.class);
    private static final int MAX_REMEMBERED_WARNINGS = 1000;

    private final Path file;
    private final Clock clock;
    /** Warnings already logged, so a looping file does not repeat them every pass. */
    private final Set<String> warned = new LinkedHashSet<>();
    private List<DataEntry> pass;
    private int next;
    /** Epoch millis before which the paused pass does not continue; -1 when not paused. */
    private long resumeAt = -1;
    private FileTime readMtime;

    private final Consumer<String> warnings;

    DataFilePlayer(Path file, Clock clock) {
        this(file, clock, LOG::warn);
    }

    /** @param warnings receives each distinct warning about the file, naming file and line */
    DataFilePlayer(Path file, Clock clock, Consumer<String> warnings) {
        this.file = file;
        this.clock = clock;
        this.warnings = warnings;
    }

    Path file() {
        return file;
    }

    /** Starts or continues a pass, giving each applied entry to {@code apply}. */
    void advance(Consumer<DataEntry> apply) throws DriverException {
        long now = clock.millis();
        if (now < resumeAt) {
            return;
        }
        if (pass == null) {
            pass = read();
            next = 0;
        }
        resumeAt = -1;
        while (next < pass.size()) {
            DataEntry e = pass.get(next++);
            if (e instanceof DataEntry.Timer t) {
                resumeAt = now + t.seconds() * 1000L;
                break;
            }
            apply.accept(e);
        }
        if (resumeAt == -1) {
            pass = null;
        }
    }

    /** True when the last pass ran to the end of the file and nothing is pending. */
    boolean finished() {
        return pass == null && resumeAt == -1;
    }

    /** True when the file's modification time is not the one it had when it was last read (or it vanished). */
    boolean changedSinceRead() {
        FileTime now;
        try {
            now = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            now = null;
        }
        return !Objects.equals(now, readMtime);
    }

    private List<DataEntry> read() throws DriverException {
        byte[] bytes;
        try {
            readMtime = Files.getLastModifiedTime(file);
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_FILE_SIZE + 1);
            }
        } catch (NoSuchFileException e) {
            readMtime = null;
            throw new DriverException("Can't open dummy-ups definition file " + file + ": No such file or directory");
        } catch (IOException e) {
            readMtime = null;
            throw new DriverException("Can't open dummy-ups definition file " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length > MAX_FILE_SIZE) {
            throw new DriverException("dummy-ups definition file " + file + " is larger than " + MAX_FILE_SIZE + " bytes");
        }
        // one char per byte: the parser keeps only ASCII, like parseconf
        return DataFileParser.parse(new String(bytes, StandardCharsets.ISO_8859_1), this::warn);
    }

    private void warn(int line, String message) {
        String text = file + " line " + line + ": " + message;
        if (warned.size() < MAX_REMEMBERED_WARNINGS && warned.add(text)) {
            warnings.accept(text);
        }
    }
}
