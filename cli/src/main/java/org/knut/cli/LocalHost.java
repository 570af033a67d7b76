package org.knut.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** The local host name as gethostname(2) gives it, for upslog's %HOST%. */
final class LocalHost {
    private LocalHost() {
    }

    static String name() {
        try {
            // Linux: exactly gethostname()'s answer, without a resolver lookup
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e2) {
                return "localhost";
            }
        }
    }
}
