package org.knut.upsd.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * Collects what a log category (and those below it) logs while open, at the level given, and restores
 * the category's level on close. Messages are formatted as they would be written.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level previous;
    private final List<String> messages = new ArrayList<>();
    private final List<String> ignored;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            String category = r.getLoggerName() == null ? "" : r.getLoggerName();
            if (ignored.stream().anyMatch(category::startsWith)) {
                return;
            }
            StringBuilder text = new StringBuilder(r instanceof ExtLogRecord e ? e.getFormattedMessage() : r.getMessage());
            for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                text.append(" | ").append(t);
            }
            synchronized (messages) {
                messages.add(text.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(String category, Level level, List<String> ignored) {
        this.ignored = ignored;
        logger = Logger.getLogger(category);
        previous = logger.getLevel();
        logger.setLevel(level);
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    /** {@code category}'s messages at INFO and above. */
    public static LogCapture of(String category) {
        return new LogCapture(category, Level.INFO, List.of());
    }

    /** Everything every category logs, TRACE included, but the categories starting with {@code ignored}. */
    public static LogCapture everythingBut(String... ignored) {
        return new LogCapture("", Level.ALL, List.of(ignored));
    }

    public List<String> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** All messages as one text, to search. */
    public String text() {
        return String.join("\n", messages());
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previous);
    }
}
