package org.knut.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports (on every address), for servers a test starts. They are taken from below the kernel's
 * ephemeral range: a port the OS hands out for port 0 or for an outgoing connection could otherwise be
 * taken by a service started with port 0 (as the demo's other services are), or by a load test's client,
 * between the choice and the bind. Each port is handed out once per JVM.
 */
public final class Ports {
    private static final int LOWEST = 20000;
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    public static int free() {
        int end = ephemeralStart();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200 && end > LOWEST; attempt++) {
            int port = random.nextInt(LOWEST, end);
            if (GIVEN.add(port) && bindable(port)) {
                return port;
            }
        }
        try (ServerSocket s = new ServerSocket(0, 1, null)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /**
     * Probes the wildcard address, as Quarkus binds its HTTP port: a port free on 127.0.0.1 may still be
     * held on another address, e.g. by a load client's TIME_WAIT socket on 127.1.x.y.
     */
    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, null)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The first port of /proc/sys/net/ipv4/ip_local_port_range; Linux's default when unreadable. Read by
     * lines: Files.readString reads one byte first, and this sysctl answers a read at offset 1 with EOF.
     */
    static int ephemeralStart() {
        try {
            return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32768;
        }
    }
}
