package org.knut.monitor.process;

import java.time.Duration;

/** Starts external programs for the monitor; a seam so the engine's tests can record instead. */
public interface CommandRunner {
    /** Starts {@code cmd} without waiting for it (upsmon forks for notifications); it is killed if it overruns. */
    void launch(ExternalCommand cmd);

    /** Runs {@code cmd} and waits up to {@code limit}; the exit code, or -1 if it did not start or had to be killed. */
    int run(ExternalCommand cmd, Duration limit) throws InterruptedException;
}
