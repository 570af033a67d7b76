package org.knut.monitor.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.config.UpsmonConf.NotifyType;
import org.knut.core.testing.Await;
import org.knut.monitor.process.ProcessCommandRunner;

/** NOTIFYCMD as a real process: NUT's environment and the message as the last argument. */
class ExecSinkTest {
    final ProcessCommandRunner runner = new ProcessCommandRunner(Duration.ofSeconds(10));

    @AfterEach
    void close() {
        runner.close();
    }

    static Path script(Path dir) throws Exception {
        Path out = dir.resolve("notify.log");
        Path script = dir.resolve("notify.sh");
        Files.writeString(script, "#!/bin/sh\nprintf '%s|%s|%s|%s\\n' \"$NOTIFYTYPE\" \"$UPSNAME\" \"$#\" \"$*\" >> '" + out + "'\n");
        script.toFile().setExecutable(true);
        return script;
    }

    static List<String> awaitLines(Path file, int n) {
        Await.until(n + " lines in " + file, Duration.ofSeconds(10),
                () -> Files.exists(file) && lines(file).size() >= n);
        return lines(file);
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    @Test
    void runsNotifycmdWithNutsEnvironmentAndTheMessage(@TempDir Path dir) throws Exception {
        Path script = script(dir);
        ExecSink sink = new ExecSink(List.of(script.toString(), "--from-upsmon"), runner);
        sink.deliver(new Notification(NotifyType.ONBATT, "demo@127.0.0.1:3493", "UPS demo@127.0.0.1:3493 on battery"));
        assertEquals(List.of("ONBATT|demo@127.0.0.1:3493|2|--from-upsmon UPS demo@127.0.0.1:3493 on battery"),
                awaitLines(dir.resolve("notify.log"), 1));
    }

    @Test
    void aSingleNotifycmdStringWithSpacesGoesThroughTheShellAsUpsmon280Did(@TempDir Path dir) throws Exception {
        Path script = script(dir);
        ExecSink sink = new ExecSink(List.of(script + " first"), runner);
        sink.deliver(new Notification(NotifyType.SHUTDOWN, null, "Auto logout and shutdown proceeding"));
        assertEquals(List.of("SHUTDOWN||2|first Auto logout and shutdown proceeding"), awaitLines(dir.resolve("notify.log"), 1));
    }
}
