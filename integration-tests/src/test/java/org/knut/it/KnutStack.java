package org.knut.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.knut.core.client.NutClient;
import org.knut.core.config.ConfigException;
import org.knut.core.config.UpsConf;
import org.knut.core.testing.Await;
import org.knut.core.testing.Ports;

/**
 * The packaged knut services (driver-service and upsd-service) running as processes on a NUT config
 * directory, as {@code ./knut demo} runs them, on random ports; or upsd-service alone, serving drivers
 * that run already.
 */
final class KnutStack implements AutoCloseable {
    final Path conf;
    final Path state;
    final int nutPort;
    final int httpPort;
    private final List<Process> processes = new ArrayList<>();
    private Process firstUpsd;
    private Process drivers;
    /** The UPSes whose service startup waits for; null: all of ups.conf. */
    private List<String> awaited;
    /** Extra {@code -D} settings of driver-service and of upsd-service. */
    private List<String> driverProperties = List.of();
    private List<String> upsdProperties = List.of();

    private KnutStack(Path conf, Path state, int nutPort, int httpPort) {
        this.conf = conf;
        this.state = state;
        this.nutPort = nutPort;
        this.httpPort = httpPort;
    }

    /** Starts both services on {@code conf} and waits until upsd serves every UPS of its ups.conf. */
    static KnutStack start(Path conf) throws IOException {
        return boot(new KnutStack(conf, conf.resolve("state"), Ports.free(), Ports.free()), true);
    }

    /** Starts both services on a copy (in {@code dir}) of the demo configuration, as {@code ./knut demo} serves it. */
    static KnutStack demo(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(Paths.root().resolve("demo"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return start(dir);
    }

    /**
     * Starts upsd-service alone on {@code conf} (its LISTEN replaced by a free port), serving the driver
     * sockets in {@code state}, and waits until it serves every UPS of ups.conf.
     */
    static KnutStack upsd(Path conf, Path state) throws IOException {
        return boot(new KnutStack(conf, state, Ports.free(), Ports.free()), false);
    }

    /** As {@link #start}, with extra {@code -D} settings for driver-service and upsd-service (e.g. TCP driver sockets). */
    static KnutStack start(Path conf, List<String> driverProperties, List<String> upsdProperties) throws IOException {
        KnutStack stack = new KnutStack(conf, conf.resolve("state"), Ports.free(), Ports.free());
        stack.driverProperties = driverProperties;
        stack.upsdProperties = upsdProperties;
        return boot(stack, true);
    }

    /** As {@link #upsd}, waiting only until the UPSes {@code awaited} are served (the others' drivers may misbehave). */
    static KnutStack upsdServing(Path conf, Path state, String... awaited) throws IOException {
        KnutStack stack = new KnutStack(conf, state, Ports.free(), Ports.free());
        stack.awaited = List.of(awaited);
        return boot(stack, false);
    }

    private static KnutStack boot(KnutStack stack, boolean drivers) throws IOException {
        try {
            if (drivers) {
                stack.startDrivers();
            }
            stack.startUpsd();
            return stack;
        } catch (RuntimeException | Error | IOException e) {
            stack.close();
            throw e;
        }
    }

    private Map<String, String> env() {
        return Map.of("NUT_CONFPATH", conf.toString(), "NUT_STATEPATH", state.toString());
    }

    private void startDrivers() throws IOException {
        Files.createDirectories(state);
        drivers = Processes.start(java(driverProperties, "-Dquarkus.http.port=" + Ports.free(), "-jar", Paths.driverJar().toString()),
                env(), conf.resolve("driver-service.log"));
        processes.add(drivers);
        UpsConf upsConf = readUpsConf();
        for (String name : upsNames()) {
            Path socket = state.resolve(upsConf.section(name).driver() + "-" + name);
            Await.until("driver socket " + socket + " (log " + conf.resolve("driver-service.log") + ")",
                    Duration.ofSeconds(60), () -> Files.exists(socket) || !processes.get(0).isAlive());
        }
    }

    private void startUpsd() throws IOException {
        firstUpsd = startUpsd(nutPort, httpPort, "upsd-service.log", upsdProperties);
        processes.add(firstUpsd);
        awaitServed(nutPort);
    }

    private Process startUpsd(int nut, int http, String log, List<String> properties) throws IOException {
        return Processes.start(java(properties, "-Dknut.upsd.listen=127.0.0.1:" + nut, "-Dquarkus.http.port=" + http,
                "-jar", Paths.upsdJar().toString()), env(), conf.resolve(log));
    }

    private static List<String> java(List<String> properties, String... args) {
        List<String> argv = new ArrayList<>(List.of("java"));
        argv.addAll(properties);
        argv.addAll(List.of(args));
        return argv;
    }

    private void awaitServed(int port) throws IOException {
        for (String name : awaited != null ? awaited : upsNames()) {
            Await.until("upsd on " + port + " to serve " + name + " (logs in " + conf + ")", Duration.ofSeconds(60),
                    () -> served(port, name));
        }
    }

    /** Another upsd on the same drivers, as a second replica behind a Service would be. */
    final class Replica implements AutoCloseable {
        final int nutPort = Ports.free();
        final int httpPort = Ports.free();
        private final Process process;

        private Replica(String log, List<String> properties) throws IOException {
            process = startUpsd(nutPort, httpPort, log, properties);
            processes.add(process);
            awaitServed(nutPort);
        }

        NutClient client() throws IOException {
            return NutClient.connect("127.0.0.1", nutPort);
        }

        @Override
        public void close() {
            Processes.stop(process);
            processes.remove(process);
        }
    }

    Replica addReplica(String log) throws IOException {
        return new Replica(log, upsdProperties);
    }

    /** A replica with its own {@code -D} settings instead of the stack's (e.g. its own way to the drivers). */
    Replica addReplica(String log, List<String> properties) throws IOException {
        return new Replica(log, properties);
    }

    /** The process of the first upsd (the one {@link #nutPort} reaches). */
    long upsdPid() {
        return firstUpsd.pid();
    }

    /** Stops the first upsd (the one {@link #nutPort} reaches), leaving the drivers and other replicas. */
    void stopFirstUpsd() {
        Processes.stop(firstUpsd);
        processes.remove(firstUpsd);
    }

    /**
     * Kills the first upsd with SIGKILL by its PID (destroyForcibly on Linux), as a crashed pod ends: no
     * shutdown, no goodbye to its clients or drivers; the kernel closes its sockets.
     */
    void killFirstUpsd() throws InterruptedException {
        ProcessHandle.of(firstUpsd.pid()).ifPresent(ProcessHandle::destroyForcibly);
        firstUpsd.waitFor();
        processes.remove(firstUpsd);
    }

    /** Restarts the first upsd on the same ports and waits until it serves again; returns how long it was away. */
    Duration restartFirstUpsd() throws IOException {
        long start = System.nanoTime();
        stopFirstUpsd();
        startUpsd();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Kills driver-service with SIGKILL, as a crash would end it: no goodbye on its sockets. */
    void killDrivers() throws InterruptedException {
        drivers.destroyForcibly().waitFor();
        processes.remove(drivers);
    }

    /** Whether every process of the stack still runs. */
    boolean alive() {
        return processes.stream().allMatch(Process::isAlive);
    }

    private boolean served(int port, String ups) {
        for (Process p : processes) {
            if (!p.isAlive()) {
                throw new AssertionError("a knut service exited; logs in " + conf);
            }
        }
        try (NutClient c = NutClient.connect("127.0.0.1", port, Duration.ofSeconds(2))) {
            return !"WAIT".equals(c.get(ups, "ups.status"));
        } catch (Exception e) {
            return false;
        }
    }

    UpsConf readUpsConf() throws IOException {
        try {
            return UpsConf.read(conf.resolve("ups.conf"));
        } catch (ConfigException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    List<String> upsNames() throws IOException {
        return readUpsConf().sections().stream().map(UpsConf.Section::name).toList();
    }

    String ups(String name) {
        return name + "@127.0.0.1:" + nutPort;
    }

    NutClient client() throws IOException {
        return NutClient.connect("127.0.0.1", nutPort);
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Processes.stop(processes.get(i));
        }
    }
}
