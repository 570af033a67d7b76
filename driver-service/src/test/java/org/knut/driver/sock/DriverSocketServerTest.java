package org.knut.driver.sock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.core.testing.Await;
import org.knut.core.model.UpsState;
import org.knut.core.model.VarFlag;
import org.knut.core.sock.DriverLines;
import org.knut.core.sock.TrackingResult;
import org.knut.driver.spi.DriverState;
import org.knut.driver.testing.LineClient;

/** The driver socket protocol, broadcasts, and robustness against bad and slow clients. */
class DriverSocketServerTest {
    @TempDir
    Path dir;

    private final DriverState state = new DriverState(new UpsState(), Set.of(), false);
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private DriverSocketServer server;
    private final List<LineClient> clients = new ArrayList<>();

    /** Runs commands at once on the calling thread: load.off succeeds, anything else is unknown. */
    private final SocketBackend backend = new SocketBackend() {
        @Override
        public DriverState state() {
            return state;
        }

        @Override
        public void instcmd(String command, String parameter, Consumer<TrackingResult> done) {
            commands.add(command + (parameter == null ? "" : " " + parameter));
            done.accept(command.equals("load.off") ? TrackingResult.HANDLED : TrackingResult.UNKNOWN);
        }

        @Override
        public void setvar(String variable, String value, Consumer<TrackingResult> done) {
            state.setInfo(variable, value);
            done.accept(TrackingResult.HANDLED);
        }
    };

    @BeforeEach
    void start() throws IOException {
        state.setInfo("ups.status", "OL");
        state.setFlags("ups.status", EnumSet.of(VarFlag.RW, VarFlag.STRING));
        state.setAux("ups.status", 32);
        state.setInfo("battery.charge", "100");
        state.addCommand("load.off");
        server = start(64 * 1024);
    }

    private DriverSocketServer start(int maxPending) throws IOException {
        DriverSocketServer s = new DriverSocketServer("t", dir.resolve("dummy-ups-t"), new InetSocketAddress("127.0.0.1", 0),
                backend, maxPending);
        s.start();
        return s;
    }

    @AfterEach
    void stop() throws IOException {
        for (LineClient c : clients) {
            c.close();
        }
        server.close();
    }

    private LineClient connect() throws IOException {
        LineClient c = LineClient.unix(dir.resolve("dummy-ups-t"));
        clients.add(c);
        return c;
    }

    @Test
    void socketFileIsGroupAccessibleAndRemovedOnClose() throws IOException {
        Path p = dir.resolve("dummy-ups-t");
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        server.close();
        assertTrue(Files.notExists(p));
        server = start(1024);
    }

    @Test
    void dumpAllIsTheWholeStateEndingWithDataOkAndDumpDone() throws IOException {
        LineClient c = connect();
        List<String> dump = c.dump("DUMPALL");
        assertEquals(DriverLines.dumpAll(state.upsState()), dump);
        assertEquals(List.of("DATAOK", "DUMPDONE"), dump.subList(dump.size() - 2, dump.size()));
        state.dataStale();
        assertEquals("DATASTALE", c.readLine(), "staleness is broadcast");
        List<String> stale = c.dump("dumpall");
        assertEquals("DATASTALE", stale.get(stale.size() - 2));
    }

    @Test
    void changesAreBroadcastUnlessTheClientOptsOut() throws IOException {
        LineClient c = connect();
        c.dump("DUMPALL");
        state.setInfo("battery.charge", "90");
        assertEquals("SETINFO battery.charge \"90\"", c.readLine());
        state.delInfo("battery.charge");
        assertEquals("DELINFO battery.charge", c.readLine());

        c.send("NOBROADCAST");
        c.send("PING");
        assertEquals("PONG", c.readLine()); // NOBROADCAST was handled before the change below
        state.setInfo("ups.load", "10");
        c.send("PING");
        assertEquals("PONG", c.readLine(), "no broadcast after NOBROADCAST");

        c.send("BROADCAST 1");
        c.send("PING");
        assertEquals("PONG", c.readLine());
        state.setInfo("ups.load", "11");
        assertEquals("SETINFO ups.load \"11\"", c.readLine());
        c.send("BROADCAST 0");
        c.send("PING");
        assertEquals("PONG", c.readLine());
        state.setInfo("ups.load", "12");
        c.send("BROADCAST");
        c.send("PING");
        assertEquals("PONG", c.readLine());
        state.setInfo("ups.load", "13");
        assertEquals("SETINFO ups.load \"13\"", c.readLine(), "BROADCAST 0 was off, plain BROADCAST on again");
    }

    @Test
    void fsdFromAReplicaIsLatchedInTheStatusItPublishes() throws IOException {
        LineClient c = connect();
        c.dump("DUMPALL");
        c.send("FSD");
        assertEquals("SETINFO ups.status \"FSD OL\"", c.readLine());
        state.setInfo("ups.status", "OB LB");
        assertEquals("SETINFO ups.status \"FSD OB LB\"", c.readLine(), "the device's next status keeps FSD");
        c.send("FSD");
        c.send("PING");
        assertEquals("PONG", c.readLine(), "a second FSD changes nothing");
    }

    @Test
    void replicasHearEachOthersLoginsAndPlainClientsHearNothing() throws IOException {
        LineClient plain = connect();
        plain.dump("DUMPALL");
        LineClient a = connect();
        a.send("CLIENTS upsd-a 1 10.0.0.1");
        LineClient b = connect();
        b.send("CLIENTS upsd-b 2 10.0.0.2 10.0.0.3");
        assertEquals("CLIENTS upsd-b 2 10.0.0.2 10.0.0.3", a.readLine());
        assertEquals("CLIENTS upsd-a 1 10.0.0.1", b.readLine(), "a new replica hears the others at once");

        a.send("CLIENTS upsd-a 0");
        assertEquals("CLIENTS upsd-a 0", b.readLine());
        a.send("CLIENTS upsd-a 1 10.0.0.9");
        assertEquals("CLIENTS upsd-a 1 10.0.0.9", b.readLine());
        b.close();
        assertEquals("CLIENTS upsd-b 0", a.readLine(), "a replica that leaves counts no more");

        a.send("CLIENTS upsd-a not-a-number");
        plain.send("PING");
        assertEquals("PONG", plain.readLine(), "the plain client got no CLIENTS line");
    }

    @Test
    void aReplicaThatReconnectedIsNotReportedGoneWhenItsOldConnectionEnds() throws IOException {
        LineClient a = connect();
        a.send("CLIENTS upsd-a 1 10.0.0.1");
        LineClient b = connect();
        b.send("CLIENTS upsd-b 0");
        assertEquals("CLIENTS upsd-a 1 10.0.0.1", b.readLine());
        LineClient again = connect(); // upsd-a redialled (its old connection still open here)
        again.send("CLIENTS upsd-a 2 10.0.0.1 10.0.0.2");
        assertEquals("CLIENTS upsd-a 2 10.0.0.1 10.0.0.2", b.readLine());
        a.close();
        Await.until("the old connection dropped", LineClient.TIMEOUT, () -> server.clientCount() == 2);
        b.send("PING"); // answered after the drop, by the same socket thread: a gone line would come first
        assertEquals("PONG", b.readLine(), "no CLIENTS upsd-a 0: upsd-a still speaks through its new connection");
        again.close();
        assertEquals("CLIENTS upsd-a 0", b.readLine(), "its last connection gone, the replica is gone");
    }

    @Test
    void aReplicaSilentBeyondTheLimitIsDroppedAndCountsNoMoreButPlainClientsMayBeQuiet() throws IOException {
        server.close();
        Duration limit = Duration.ofMillis(600);
        server = new DriverSocketServer("t", dir.resolve("dummy-ups-t"), null, TcpLinkSecurity.PLAIN, backend, 64 * 1024,
                limit);
        server.start();
        LineClient plain = connect(); // a real NUT upsd: never sends CLIENTS, may be silent for long
        plain.send("PING");
        assertEquals("PONG", plain.readLine());
        LineClient live = connect();
        live.send("CLIENTS upsd-live 1 10.0.0.1");
        long start = System.nanoTime();
        LineClient silent = connect();
        silent.send("CLIENTS upsd-silent 1 10.0.0.2");
        assertEquals("CLIENTS upsd-silent 1 10.0.0.2", live.readLine());
        assertEquals("CLIENTS upsd-live 1 10.0.0.1", silent.readLine());

        // the live replica keeps a heartbeat (a PING every tenth of the limit) until it hears of the other
        String gone = null;
        long deadline = start + LineClient.TIMEOUT.toNanos();
        while (gone == null && System.nanoTime() < deadline) {
            live.send("PING");
            for (String l; gone == null && (l = live.readLineOrNull(limit.dividedBy(10))) != null;) {
                gone = l.equals("PONG") ? null : l;
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals("CLIENTS upsd-silent 0", gone, "the others hear that the silent replica's logins are gone");
        assertTrue(took.compareTo(limit) >= 0, "not before the limit: " + took);
        assertTrue(took.compareTo(limit.plusSeconds(2)) < 0, "soon after the limit: " + took);
        assertTrue(silent.closedByPeer(LineClient.TIMEOUT), "the silent replica's connection is closed");
        assertEquals(2, server.clientCount());

        live.send("PING");
        assertEquals("PONG", live.readLine(), "a replica with a heartbeat stays");
        plain.send("PING");
        assertEquals("PONG", plain.readLine(), "a plain client silent beyond the limit stays");
    }

    @Test
    void dumpValueAndDumpStatus() throws IOException {
        LineClient c = connect();
        assertEquals(List.of("SETINFO ups.status \"OL\"", "SETFLAGS ups.status RW STRING", "SETAUX ups.status 32", "DATAOK",
                "DUMPDONE"), c.dump("DUMPSTATUS"));
        assertEquals(List.of("SETINFO battery.charge \"100\"", "DATAOK", "DUMPDONE"), c.dump("DUMPVALUE battery.charge"));
        assertEquals(List.of("DATAOK", "DUMPDONE"), c.dump("DUMPVALUE no.such.var"));
    }

    @Test
    void pingGetpidLogout() throws IOException {
        LineClient c = connect();
        c.send("PING");
        assertEquals("PONG", c.readLine());
        c.send("GETPID");
        assertEquals("PID " + ProcessHandle.current().pid(), c.readLine());
        c.send("LOGOUT");
        assertEquals("OK Goodbye", c.readLine());
        assertTrue(c.closedByPeer(LineClient.TIMEOUT));
    }

    @Test
    void instcmdAndSetAnswerTrackingWhenAsked() throws IOException {
        LineClient c = connect();
        c.send("INSTCMD load.off TRACKING 1a");
        assertEquals("TRACKING 1a 0", c.readLine());
        c.send("INSTCMD beeper.toggle 5 TRACKING 2b");
        assertEquals("TRACKING 2b 1", c.readLine());
        c.send("INSTCMD load.on");
        c.send("INSTCMD load.off.delay 20");
        c.send("SET ups.status \"OB LB\" TRACKING 3c");
        assertEquals("SETINFO ups.status \"OB LB\"", c.readLine(), "the change is broadcast before the result");
        assertEquals("TRACKING 3c 0", c.readLine());
        c.send("SET battery.charge 50");
        assertEquals("SETINFO battery.charge \"50\"", c.readLine(), "untracked SET answers nothing itself");
        assertEquals(List.of("load.off", "beeper.toggle 5", "load.on", "load.off.delay 20"), commands);
    }

    @Test
    void garbageIsIgnoredAndTheConnectionStaysUsable() throws IOException {
        LineClient c = connect();
        c.sendRaw(new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, '\n'});
        for (String junk : List.of("FOO bar", "", "   ", "SET \"unbalanced", "INSTCMD", "SET ups.load", "DUMPVALUE",
                "SET a b c d", "INSTCMD a b c d e f", "\\", "TRACKING x 0", "\"\" \"\"")) {
            c.send(junk);
        }
        c.send("PING");
        assertEquals("PONG", c.readLine(), "no answer to any of the garbage");
        assertEquals(List.of(), commands);
    }

    @Test
    void overlongLineIsSkippedWithoutDisconnecting() throws IOException {
        LineClient c = connect();
        byte[] huge = new byte[5 * DriverSocketServer.MAX_LINE];
        java.util.Arrays.fill(huge, (byte) 'A');
        c.sendRaw(huge);
        c.sendRaw("AAAA\nPING\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("PONG", c.readLine());
        // a line just within the limit still works
        c.send("SET ups.id \"" + "x".repeat(DriverSocketServer.MAX_LINE - 20) + "\"");
        assertTrue(c.readLine().startsWith("SETINFO ups.id"));
    }

    @Test
    void clientThatNeverReadsIsDroppedAndBlocksNobody() throws IOException {
        LineClient slow = connect();
        LineClient good = connect();
        good.send("NOBROADCAST"); // this one reads only after the flood
        good.send("PING");
        assertEquals("PONG", good.readLine());
        Await.until("both clients accepted", LineClient.TIMEOUT, () -> server.clientCount() == 2);

        long t0 = System.nanoTime();
        String big = "v".repeat(200);
        for (int i = 0; i < 20_000; i++) {
            state.setInfo("experimental.big", big + i);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "20000 changes took " + took + ": the driver was held up");

        Await.until("slow client dropped", LineClient.TIMEOUT, () -> server.clientCount() == 1);
        assertTrue(slow.closedByPeer(LineClient.TIMEOUT), "the slow client's connection is closed");
        assertEquals("SETINFO experimental.big \"" + big + "19999\"", good.dump("DUMPVALUE experimental.big").get(0));
        good.send("BROADCAST");
        good.send("PING");
        assertEquals("PONG", good.readLine());
        state.setInfo("ups.status", "OB");
        assertEquals("SETINFO ups.status \"OB\"", good.readLine());
    }

    @Test
    void connectionsBeyondTheLimitAreClosed() throws IOException {
        for (int i = 0; i < DriverSocketServer.MAX_CLIENTS; i++) {
            connect();
        }
        Await.until("all accepted", LineClient.TIMEOUT, () -> server.clientCount() == DriverSocketServer.MAX_CLIENTS);
        LineClient extra = connect();
        assertTrue(extra.closedByPeer(LineClient.TIMEOUT));
        clients.remove(extra);
        extra.close();
        clients.remove(0).close();
        Await.until("a place freed", LineClient.TIMEOUT, () -> server.clientCount() < DriverSocketServer.MAX_CLIENTS);
        LineClient next = connect();
        next.send("PING");
        assertEquals("PONG", next.readLine());
    }

    @Test
    void tcpSocketSpeaksTheSameProtocol() throws IOException {
        InetSocketAddress a = server.tcpAddress();
        try (LineClient c = LineClient.tcp(a)) {
            c.send("PING");
            assertEquals("PONG", c.readLine());
            assertEquals(DriverLines.dumpAll(state.upsState()), c.dump("DUMPALL"));
        }
    }

    @Test
    void staleSocketFileIsReplacedButALiveOneIsNot() throws IOException {
        server.close();
        Path p = dir.resolve("dummy-ups-t");
        Files.writeString(p, "left over");
        server = start(1024);
        try (LineClient c = connect()) {
            c.send("PING");
            assertEquals("PONG", c.readLine());
        }
        DriverSocketServer second = new DriverSocketServer("t2", p, null, backend, 1024);
        IOException e = assertThrows(IOException.class, second::start);
        assertTrue(e.getMessage().contains("another driver"), e.getMessage());
        assertTrue(Files.exists(p), "the live driver's socket stays");
    }

    @Test
    void clientThatHangsUpStillGetsItsAnswersFirst() throws IOException {
        LineClient c = connect();
        c.sendRaw("PING\nDUMPVALUE battery.charge\n".getBytes(StandardCharsets.US_ASCII));
        c.shutdownOutput();
        assertEquals("PONG", c.readLine());
        assertEquals(List.of("SETINFO battery.charge \"100\"", "DATAOK", "DUMPDONE"), c.readUntil("DUMPDONE"));
        assertTrue(c.closedByPeer(LineClient.TIMEOUT), "then the server closes");
    }
}
