package org.knut.upsd.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.knut.core.testing.Await;

/**
 * Debian's real C driver {@code /lib/nut/dummy-ups -a <ups> -D} in the foreground, on a NUT config dir
 * whose ups.conf has the UPS's section; its socket is {@code <state>/dummy-ups-<ups>}. Signals go to its
 * PID only.
 */
public final class RealDummyUps implements AutoCloseable {
    public static final String BINARY = "/lib/nut/dummy-ups";

    private final Path conf;
    private final Path state;
    private final String ups;
    private Process process;

    private RealDummyUps(Path conf, Path state, String ups) {
        this.conf = conf;
        this.state = state;
        this.ups = ups;
    }

    /** Starts the driver and waits until its socket accepts connections. */
    public static RealDummyUps start(Path conf, Path state, String ups) {
        RealDummyUps d = new RealDummyUps(conf, state, ups);
        d.launch();
        return d;
    }

    public Path socket() {
        return state.resolve("dummy-ups-" + ups);
    }

    public long pid() {
        return process.pid();
    }

    private void launch() {
        try {
            Files.deleteIfExists(socket()); // a killed driver leaves it behind
            ProcessBuilder pb = new ProcessBuilder(BINARY, "-a", ups, "-D", "-u", "root")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(conf.resolve("dummy-ups-" + ups + ".log").toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().put("NUT_CONFPATH", conf.toString());
            pb.environment().put("NUT_STATEPATH", state.toString());
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Await.until("dummy-ups socket " + socket(), Duration.ofSeconds(15), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("dummy-ups exited; see " + conf.resolve("dummy-ups-" + ups + ".log"));
            }
            return Files.exists(socket());
        });
    }

    /** SIGKILL: the socket closes at once, as when a driver crashes. */
    public void kill() {
        process.destroyForcibly();
        waitExit();
    }

    public void restart() {
        if (process.isAlive()) {
            kill();
        }
        launch();
    }

    /** SIGSTOP: the driver hangs with its socket open. */
    public void freeze() {
        signal("STOP");
    }

    public void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        Cli.Result r = Cli.run("kill", "-" + name, Long.toString(process.pid()));
        if (r.exitCode() != 0) {
            throw new AssertionError("kill -" + name + " failed: " + r);
        }
    }

    private void waitExit() {
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            thaw(); // a frozen process ignores SIGTERM until it runs again
            kill();
        }
    }
}
