package org.knut.upsd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.knut.core.config.ConfigException;
import org.knut.core.config.UpsdUsers;
import org.knut.core.model.Range;
import org.knut.core.model.UpsState;
import org.knut.core.model.VarFlag;
import org.knut.upsd.config.Descriptions;
import org.knut.upsd.config.LoginThrottling;
import org.knut.upsd.control.LoginThrottle;
import org.knut.upsd.control.UpsControl;
import org.knut.upsd.state.Availability;
import org.knut.upsd.state.ServedUps;
import org.knut.upsd.state.TrackingTable;
import org.knut.upsd.state.UpsRegistry;

/**
 * The command handler without sockets: every command, every error path, with the replies Debian's real
 * upsd 2.8.0 gives (checked against it with the same requests).
 */
class CommandHandlerTest {
    /** These tests fail logins on purpose, from one address; LoginThrottleTest covers the throttling. */
    private static final LoginThrottling NO_THROTTLING = new LoginThrottling(0, Duration.ofMinutes(1), Duration.ofMinutes(1), 1);
    private final List<String> driverLines = new ArrayList<>();
    private ServedUps demo;
    private ServedUps down;
    private ServedUps stale;
    private ServedUps waiting;
    private ServedUps broken;
    private TrackingTable tracking;
    private CommandHandler handler;

    @BeforeEach
    void setUp() throws ConfigException {
        demo = new ServedUps("demo", "Demo UPS");
        demo.linkUp(line -> driverLines.add(line));
        demo.dumpDone(state());
        down = new ServedUps("down", null);
        stale = new ServedUps("stale", "stale one");
        stale.linkUp(line -> true);
        stale.dumpDone(state());
        stale.setAvailability(Availability.STALE);
        waiting = new ServedUps("waiting", "waits for its dump");
        waiting.linkUp(line -> true);
        broken = new ServedUps("broken", "its driver takes nothing");
        broken.linkUp(line -> false);
        broken.dumpDone(state());
        UpsdUsers users = UpsdUsers.parse("upsd.users", """
                [admin]
                \tpassword = adminpass
                \tactions = SET FSD
                \tinstcmds = ALL
                [monuser]
                \tpassword = monpass
                \tupsmon primary
                [secondary]
                \tpassword = secpass
                \tupsmon secondary
                [tester]
                \tpassword = testpass
                \tinstcmds = test.battery.start
                """);
        tracking = new TrackingTable(3600);
        handler = new CommandHandler(new UpsRegistry(List.of(demo, down, stale, waiting, broken)),
                new UpsControl(users, tracking, new LoginThrottle(NO_THROTTLING)),
                new Descriptions(Map.of("ups.status", "UPS status"), Map.of("load.off", "Turn off the load immediately")),
                new ServerIdentity("2.8.0", "9.9"));
    }

    private static UpsState state() {
        UpsState s = new UpsState();
        s.setInfo("ups.status", "OL");
        s.setFlags("ups.status", EnumSet.of(VarFlag.RW, VarFlag.STRING));
        s.setAux("ups.status", 32);
        s.setInfo("ups.load", "23");
        s.setInfo("battery.charge.low", "10");
        s.setFlags("battery.charge.low", EnumSet.of(VarFlag.RW));
        s.addRange("battery.charge.low", new Range("5", "50"));
        s.addRange("battery.charge.low", new Range("80", "90"));
        s.setInfo("input.sensitivity", "high");
        s.setFlags("input.sensitivity", EnumSet.of(VarFlag.RW, VarFlag.STRING));
        s.setAux("input.sensitivity", 8);
        s.addEnum("input.sensitivity", "low");
        s.addEnum("input.sensitivity", "medium");
        s.addEnum("input.sensitivity", "high");
        s.setInfo("ups.id", "a \"b\" \\ #c");
        s.setFlags("ups.id", EnumSet.of(VarFlag.RW, VarFlag.STRING));
        s.addCommand("test.battery.start");
        s.addCommand("load.off");
        return s;
    }

    private String ask(Session s, String line) {
        return ask(s, Arrays.asList(line.trim().isEmpty() ? new String[0] : line.trim().split("\\s+")));
    }

    private String ask(Session s, List<String> tokens) {
        StringBuilder out = new StringBuilder();
        handler.handle(s, tokens, out);
        return out.toString();
    }

    private Session anonymous() {
        return new Session("127.0.0.1");
    }

    private Session as(String user, String password) {
        Session s = anonymous();
        assertEquals("OK\n", ask(s, "USERNAME " + user));
        assertEquals("OK\n", ask(s, "PASSWORD " + password));
        return s;
    }

    @Nested
    class Misc {
        @Test
        void versionsAndHelp() {
            Session s = anonymous();
            assertEquals("Network UPS Tools upsd 2.8.0 (knut 9.9) - http://www.networkupstools.org/\n", ask(s, "VER"));
            assertEquals("1.3\n", ask(s, "NETVER"));
            assertEquals("1.3\n", ask(s, "PROTVER"));
            assertEquals("Commands: HELP VER GET LIST SET INSTCMD LOGIN LOGOUT USERNAME PASSWORD STARTTLS\n", ask(s, "HELP"));
            for (String bad : List.of("VER x", "NETVER x", "PROTVER 1", "HELP me")) {
                assertEquals("ERR INVALID-ARGUMENT\n", ask(s, bad), bad);
            }
        }

        @Test
        void verbsIgnoreCaseAndUnknownOnesAreRefused() {
            Session s = anonymous();
            assertEquals("VAR demo ups.status \"OL\"\n", ask(s, "get var demo ups.status"));
            assertEquals("ERR UNKNOWN-COMMAND\n", ask(s, "FOO"));
            assertEquals("ERR UNKNOWN-COMMAND\n", ask(s, "REQ demo ups.status"));
            assertEquals("ERR UNKNOWN-COMMAND\n", ask(s, ""));
        }

        @Test
        void starttlsIsNotConfigured() {
            assertEquals("ERR FEATURE-NOT-CONFIGURED\n", ask(anonymous(), "STARTTLS"));
        }

        @Test
        void starttlsIsGrantedOnceWithACertificate() {
            Session s = new Session("127.0.0.1", true);
            assertEquals("OK STARTTLS\n", ask(s, "starttls"));
            assertEquals(Session.Tls.REQUESTED, s.tls(), "the connection switches once the reply is out");
            assertEquals("ERR ALREADY-SSL-MODE\n", ask(s, "STARTTLS"));
            s.tlsStarted();
            assertEquals("ERR ALREADY-SSL-MODE\n", ask(s, "STARTTLS"));
        }

        @Test
        void logoutSaysGoodbyeAndClosesTheSession() {
            Session s = anonymous();
            assertEquals("ERR INVALID-ARGUMENT\n", ask(s, "LOGOUT now"));
            assertFalse(s.closing());
            assertEquals("OK Goodbye\n", ask(s, "LOGOUT"));
            assertTrue(s.closing());
        }
    }

    @Nested
    class Get {
        @Test
        void var() {
            Session s = anonymous();
            assertEquals("VAR demo ups.load \"23\"\n", ask(s, "GET VAR demo ups.load"));
            assertEquals("VAR DEMO UPS.LOAD \"23\"\n", ask(s, "GET VAR DEMO UPS.LOAD"), "names as the client spelled them");
            assertEquals("VAR demo ups.id \"a \\\"b\\\" \\\\ \\#c\"\n", ask(s, "GET VAR demo ups.id"), "escaped as pconf_encode");
            assertEquals("VAR demo ups.load \"23\"\n", ask(s, "GET VAR demo ups.load extra words"));
        }

        @Test
        void varErrors() {
            Session s = anonymous();
            assertEquals("ERR INVALID-ARGUMENT\n", ask(s, "GET"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(s, "GET VAR"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(s, "GET VAR demo"));
            assertEquals("ERR UNKNOWN-UPS\n", ask(s, "GET VAR nope ups.status"));
            assertEquals("ERR VAR-NOT-SUPPORTED\n", ask(s, "GET VAR demo nope"));
            assertEquals("ERR DRIVER-NOT-CONNECTED\n", ask(s, "GET VAR down ups.status"));
            assertEquals("ERR DATA-STALE\n", ask(s, "GET VAR stale ups.status"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(s, "GET FOO demo x"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(s, "GET FOO"));
        }

        @Test
        void statusIsWaitUntilTheDumpIsComplete() {
            Session s = anonymous();
            assertEquals("VAR waiting ups.status \"WAIT\"\n", ask(s, "GET VAR waiting ups.status"));
            assertEquals("ERR VAR-NOT-SUPPORTED\n", ask(s, "GET VAR waiting ups.load"));
            waiting.dumpDone(state());
            assertEquals("VAR waiting ups.status \"OL\"\n", ask(s, "GET VAR waiting ups.status"));
        }

        @Test
        void serverVariablesAreUpsdsOwnWhateverTheUps() {
            Session s = anonymous();
            assertEquals("VAR nope server.info \"Network UPS Tools upsd 2.8.0 (knut 9.9) - http://www.networkupstools.org/\"\n",
                    ask(s, "GET VAR nope server.info"));
            assertEquals("VAR down server.version \"2.8.0\"\n", ask(s, "GET VAR down server.version"));
            assertEquals("ERR VAR-NOT-SUPPORTED\n", ask(s, "GET VAR demo server.nope"));
        }

        @Test
        void type() {
            Session s = anonymous();
            assertEquals("TYPE demo ups.status RW STRING:32\n", ask(s, "GET TYPE demo ups.status"));
            assertEquals("TYPE demo ups.load NUMBER\n", ask(s, "GET TYPE demo ups.load"));
            assertEquals("TYPE demo battery.charge.low RW RANGE NUMBER\n", ask(s, "GET TYPE demo battery.charge.low"));
            assertEquals("TYPE demo input.sensitivity RW ENUM STRING:8\n", ask(s, "GET TYPE demo input.sensitivity"));
            assertEquals("ERR VAR-NOT-SUPPORTED\n", ask(s, "GET TYPE demo nope"));
            assertEquals("ERR UNKNOWN-UPS\n", ask(s, "GET TYPE nope ups.load"));
            assertEquals("ERR DRIVER-NOT-CONNECTED\n", ask(s, "GET TYPE down ups.load"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(s, "GET TYPE demo"));
        }

        @Test
        void descriptions() {
            Session s = anonymous();
            assertEquals("DESC demo ups.status \"UPS status\"\n", ask(s, "GET DESC demo ups.status"));
            assertEquals("DESC demo nope \"Description unavailable\"\n", ask(s, "GET DESC demo nope"));
            assertEquals("CMDDESC demo load.off \"Turn off the load immediately\"\n", ask(s, "GET CMDDESC demo load.off"));
            assertEquals("CMDDESC demo nope \"Description unavailable\"\n", ask(s, "GET CMDDESC demo nope"));
            assertEquals("ERR UNKNOWN-UPS\n", ask(s, "GET DESC nope x"));
            assertEquals("ERR DATA-STALE\n", ask(s, "GET CMDDESC stale load.off"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(s, "GET CMDDESC demo"));
        }

        @Test
        void upsDescNeedsNoDriver() {
            Session s = anonymous();
            assertEquals("UPSDESC demo \"Demo UPS\"\n", ask(s, "GET UPSDESC demo"));
            assertEquals("UPSDESC down \"Unavailable\"\n", ask(s, "GET UPSDESC down"));
            assertEquals("ERR UNKNOWN-UPS\n", ask(s, "GET UPSDESC nope"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(s, "GET UPSDESC"));
        }

        @Test
        void numLogins() {
            Session s = anonymous();
            assertEquals("NUMLOGINS demo 0\n", ask(s, "GET NUMLOGINS demo"));
            assertEquals("ERR UNKNOWN-UPS\n", ask(s, "GET NUMLOGINS nope"));
            assertEquals("ERR DRIVER-NOT-CONNECTED\n", ask(s, "GET NUMLOGINS down"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(s, "GET NUMLOGINS"));
        }

        @Test
        void tracking() {
            Session s = as("admin", "adminpass");
            assertEquals("OFF\n", ask(s, "GET TRACKING"));
            assertEquals("ERR FEATURE-NOT-CONFIGURED\n", ask(s, "GET TRACKING 1234"));
            assertEquals("OK\n", ask(s, "SET TRACKING ON"));
            assertEquals("ON\n", ask(s, "GET TRACKING"));
            assertEquals("ERR UNKNOWN\n", ask(s, "GET TRACKING 1234"));
            String id = ask(s, "INSTCMD demo load.off").replace("OK TRACKING ", "").trim();
            assertEquals("PENDING\n", ask(s, "GET TRACKING " + id));
            tracking.complete(id, 0);
            assertEquals("SUCCESS\n", ask(s, "GET TRACKING " + id.toLowerCase()));
            assertEquals("OK\n", ask(s, "SET TRACKING off"));
            assertEquals("OFF\n", ask(s, "GET TRACKING"));
        }
    }

    @Nested
    class ListCommands {
        @Test
        void ups() {
            assertEquals("""
                    BEGIN LIST UPS
                    UPS demo "Demo UPS"
                    UPS down "Description unavailable"
                    UPS stale "stale one"
                    UPS waiting "waits for its dump"
                    UPS broken "its driver takes nothing"
                    END LIST UPS
                    """, ask(anonymous(), "LIST UPS ignored"));
        }

        @Test
        void varsInNameOrderWithTheFsdLatch() {
            String expected = """
                    BEGIN LIST VAR demo
                    VAR demo battery.charge.low "10"
                    VAR demo input.sensitivity "high"
                    VAR demo ups.id "a \\"b\\" \\\\ \\#c"
                    VAR demo ups.load "23"
                    VAR demo ups.status "%s"
                    END LIST VAR demo
                    """;
            assertEquals(expected.formatted("OL"), ask(anonymous(), "LIST VAR demo"));
            demo.setFsd();
            assertEquals(expected.formatted("FSD OL"), ask(anonymous(), "LIST VAR demo"));
        }

        @Test
        void rwShowsWritableVariablesWithoutTheLatch() {
            demo.setFsd();
            assertEquals("""
                    BEGIN LIST RW demo
                    RW demo battery.charge.low "10"
                    RW demo input.sensitivity "high"
                    RW demo ups.id "a \\"b\\" \\\\ \\#c"
                    RW demo ups.status "OL"
                    END LIST RW demo
                    """, ask(anonymous(), "LIST RW demo"));
        }

        @Test
        void commandsEnumsRanges() {
            Session s = anonymous();
            assertEquals("BEGIN LIST CMD demo\nCMD demo load.off\nCMD demo test.battery.start\nEND LIST CMD demo\n",
                    ask(s, "LIST CMD demo"));
            assertEquals("""
                    BEGIN LIST ENUM demo input.sensitivity
                    ENUM demo input.sensitivity "low"
                    ENUM demo input.sensitivity "medium"
                    ENUM demo input.sensitivity "high"
                    END LIST ENUM demo input.sensitivity
                    """, ask(s, "LIST ENUM demo input.sensitivity"));
            assertEquals("""
                    BEGIN LIST RANGE demo battery.charge.low
                    RANGE demo battery.charge.low "5" "50"
                    RANGE demo battery.charge.low "80" "90"
                    END LIST RANGE demo battery.charge.low
                    """, ask(s, "LIST RANGE demo battery.charge.low"));
            assertEquals("BEGIN LIST ENUM demo ups.load\nEND LIST ENUM demo ups.load\n", ask(s, "LIST ENUM demo ups.load"));
        }

        @Test
        void errors() {
            Session s = anonymous();
            assertEquals("ERR INVALID-ARGUMENT\n", ask(s, "LIST"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(s, "LIST VAR"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(s, "LIST ENUM demo"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(s, "LIST FOO demo"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(s, "LIST FOO demo x"));
            assertEquals("ERR UNKNOWN-UPS\n", ask(s, "LIST VAR nope"));
            assertEquals("ERR UNKNOWN-UPS\n", ask(s, "LIST RW nope"));
            assertEquals("ERR UNKNOWN-UPS\n", ask(s, "LIST CMD nope"));
            assertEquals("ERR UNKNOWN-UPS\n", ask(s, "LIST RANGE nope x"));
            assertEquals("ERR UNKNOWN-UPS\n", ask(s, "LIST CLIENT nope"));
            assertEquals("ERR VAR-NOT-SUPPORTED\n", ask(s, "LIST ENUM demo nope"));
            assertEquals("ERR VAR-NOT-SUPPORTED\n", ask(s, "LIST RANGE demo nope"));
            assertEquals("ERR DRIVER-NOT-CONNECTED\n", ask(s, "LIST VAR down"));
            assertEquals("ERR DATA-STALE\n", ask(s, "LIST CMD stale"));
            assertEquals("ERR DATA-STALE\n", ask(s, "LIST ENUM stale input.sensitivity"));
        }

        @Test
        void clientsAreTheLoginsAndNeedNoDriver() {
            Session a = new Session("10.0.0.1");
            Session b = new Session("::1");
            for (Session s : List.of(a, b)) {
                ask(s, "USERNAME monuser");
                ask(s, "PASSWORD monpass");
                assertEquals("OK\n", ask(s, "LOGIN DEMO"));
            }
            String list = ask(anonymous(), "LIST CLIENT demo");
            assertTrue(list.startsWith("BEGIN LIST CLIENT demo\n") && list.endsWith("END LIST CLIENT demo\n"), list);
            assertTrue(list.contains("CLIENT demo 10.0.0.1\n") && list.contains("CLIENT demo ::1\n"), list);
            assertEquals("NUMLOGINS demo 2\n", ask(anonymous(), "GET NUMLOGINS demo"));
            a.disconnected();
            assertEquals("BEGIN LIST CLIENT demo\nCLIENT demo ::1\nEND LIST CLIENT demo\n", ask(anonymous(), "LIST CLIENT demo"));
            assertEquals("BEGIN LIST CLIENT down\nEND LIST CLIENT down\n", ask(anonymous(), "LIST CLIENT down"));
        }
    }

    @Nested
    class Authentication {
        @Test
        void usernameAndPasswordOnceEach() {
            Session s = anonymous();
            assertEquals("ERR INVALID-ARGUMENT\n", ask(s, "USERNAME"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(s, "USERNAME a b"));
            assertEquals("OK\n", ask(s, "USERNAME admin"));
            assertEquals("ERR ALREADY-SET-USERNAME\n", ask(s, "USERNAME admin"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(s, "PASSWORD"));
            assertEquals("OK\n", ask(s, "PASSWORD wrong"));
            assertEquals("ERR ALREADY-SET-PASSWORD\n", ask(s, "PASSWORD adminpass"));
        }

        @Test
        void userCommandsNeedUsernameThenPasswordBeforeAnythingElse() {
            List<String> commands = List.of("LOGIN", "LOGIN demo", "PRIMARY demo", "MASTER demo", "FSD demo",
                    "SET VAR demo ups.status OB", "SET TRACKING ON", "SET", "INSTCMD demo load.off");
            Session s = anonymous();
            for (String c : commands) {
                assertEquals("ERR USERNAME-REQUIRED\n", ask(s, c), c);
            }
            ask(s, "USERNAME admin");
            for (String c : commands) {
                assertEquals("ERR PASSWORD-REQUIRED\n", ask(s, c), c);
            }
            assertEquals("VAR demo ups.load \"23\"\n", ask(s, "GET VAR demo ups.load"), "reading needs no login");
        }

        @Test
        void wrongPasswordOrUnknownUserIsDeniedEverywhere() {
            for (Session s : List.of(as("admin", "wrong"), as("nobody", "adminpass"))) {
                assertEquals("ERR ACCESS-DENIED\n", ask(s, "LOGIN demo"));
                assertEquals("ERR ACCESS-DENIED\n", ask(s, "PRIMARY demo"));
                assertEquals("ERR ACCESS-DENIED\n", ask(s, "FSD demo"));
                assertEquals("ERR ACCESS-DENIED\n", ask(s, "SET VAR demo ups.status OB"));
                assertEquals("ERR ACCESS-DENIED\n", ask(s, "INSTCMD demo load.off"));
                assertEquals("OK\n", ask(s, "SET TRACKING ON"), "tracking needs credentials, not valid ones (as upsd)");
            }
            assertTrue(driverLines.isEmpty());
        }
    }

    @Nested
    class Sessions {
        @Test
        void loginNeedsAnUpsmonUser() {
            assertEquals("ERR ACCESS-DENIED\n", ask(as("admin", "adminpass"), "LOGIN demo"));
            Session s = as("secondary", "secpass");
            assertEquals("ERR INVALID-ARGUMENT\n", ask(s, "LOGIN"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(s, "LOGIN demo extra"));
            assertEquals("ERR UNKNOWN-UPS\n", ask(s, "LOGIN nope"));
            assertEquals("OK\n", ask(s, "LOGIN down"), "a UPS without driver can be logged into");
            assertEquals("ERR ALREADY-LOGGED-IN\n", ask(s, "LOGIN demo"));
            assertEquals(1, down.numLogins());
            s.disconnected();
            assertEquals(0, down.numLogins(), "a TCP close logs out");
        }

        @Test
        void primaryAndMaster() {
            Session p = as("monuser", "monpass");
            assertEquals("OK PRIMARY-GRANTED\n", ask(p, "PRIMARY demo"));
            assertEquals("OK MASTER-GRANTED\n", ask(p, "master demo"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(p, "PRIMARY"));
            assertEquals("ERR UNKNOWN-UPS\n", ask(p, "PRIMARY nope"));
            Session sec = as("secondary", "secpass");
            assertEquals("ERR ACCESS-DENIED\n", ask(sec, "PRIMARY demo"));
            assertEquals("ERR ACCESS-DENIED\n", ask(sec, "MASTER demo"));
            assertEquals("ERR ACCESS-DENIED\n", ask(as("admin", "adminpass"), "PRIMARY demo"), "FSD rights are not PRIMARY");
        }

        @Test
        void fsdLatchesIntoStatus() {
            Session sec = as("secondary", "secpass");
            assertEquals("ERR ACCESS-DENIED\n", ask(sec, "FSD demo"));
            Session p = as("monuser", "monpass");
            assertEquals("ERR INVALID-ARGUMENT\n", ask(p, "FSD"));
            assertEquals("ERR UNKNOWN-UPS\n", ask(p, "FSD nope"));
            assertEquals("OK FSD-SET\n", ask(p, "FSD demo"));
            assertEquals("VAR demo ups.status \"FSD OL\"\n", ask(anonymous(), "GET VAR demo ups.status"));
            demo.dumpDone(state()); // the driver reconnected: the latch stays
            assertEquals("VAR demo ups.status \"FSD OL\"\n", ask(anonymous(), "GET VAR demo ups.status"));
            assertEquals("OK FSD-SET\n", ask(as("admin", "adminpass"), "FSD down"), "actions = FSD, and no driver needed");
        }
    }

    @Nested
    class SetVar {
        private Session admin;

        @BeforeEach
        void login() {
            admin = as("admin", "adminpass");
        }

        @Test
        void forwardsToTheDriver() {
            assertEquals("OK\n", ask(admin, List.of("SET", "VAR", "demo", "UPS.STATUS", "OB LB")));
            assertEquals("OK\n", ask(admin, "SET VAR demo input.sensitivity low"));
            assertEquals("OK\n", ask(admin, "SET VAR demo battery.charge.low 85 ignored"));
            assertEquals(List.of("SET ups.status \"OB LB\"", "SET input.sensitivity \"low\"", "SET battery.charge.low \"85\""),
                    driverLines);
        }

        @Test
        void withTracking() {
            ask(admin, "SET TRACKING ON");
            String reply = ask(admin, "SET VAR demo ups.status OB");
            assertTrue(reply.matches("OK TRACKING [0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\n"), reply);
            String id = reply.substring("OK TRACKING ".length()).trim();
            assertEquals(List.of("SET ups.status \"OB\" TRACKING " + id), driverLines);
            tracking.complete(id, 3);
            assertEquals("ERR FAILED\n", ask(admin, "GET TRACKING " + id));
        }

        @Test
        void refusals() {
            assertEquals("ERR INVALID-ARGUMENT\n", ask(admin, "SET"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(admin, "SET VAR"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(admin, "SET VAR demo ups.status"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(admin, "SET FOO x"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(admin, "SET TRACKING"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(admin, "SET TRACKING maybe"));
            assertEquals("ERR UNKNOWN-UPS\n", ask(admin, "SET VAR nope ups.status x"));
            assertEquals("ERR DRIVER-NOT-CONNECTED\n", ask(admin, "SET VAR down ups.status x"));
            assertEquals("ERR DATA-STALE\n", ask(admin, "SET VAR stale ups.status x"));
            assertEquals("ERR VAR-NOT-SUPPORTED\n", ask(admin, "SET VAR demo nope x"));
            assertEquals("ERR READONLY\n", ask(admin, "SET VAR demo ups.load 5"));
            assertEquals("ERR TOO-LONG\n", ask(admin, "SET VAR demo ups.status " + "x".repeat(33)));
            assertEquals("OK\n", ask(admin, "SET VAR demo ups.status " + "x".repeat(32)));
            assertEquals("ERR SET-FAILED\n", ask(admin, "SET VAR demo ups.id x"), "STRING without a length from the driver");
            assertEquals("ERR INVALID-VALUE\n", ask(admin, "SET VAR demo input.sensitivity extreme"));
            assertEquals("ERR INVALID-VALUE\n", ask(admin, "SET VAR demo battery.charge.low 60"));
            assertEquals("ERR INVALID-VALUE\n", ask(admin, "SET VAR demo battery.charge.low ten"));
            assertEquals("ERR SET-FAILED\n", ask(admin, "SET VAR broken ups.status OB"), "the driver took nothing");
            assertEquals("ERR ACCESS-DENIED\n", ask(as("monuser", "monpass"), "SET VAR demo ups.status OB"));
            assertEquals(List.of("SET ups.status \"" + "x".repeat(32) + "\""), driverLines);
        }
    }

    @Nested
    class Instcmd {
        @Test
        void forwardsWithAndWithoutParameter() {
            Session admin = as("admin", "adminpass");
            assertEquals("OK\n", ask(admin, "INSTCMD demo LOAD.OFF"));
            assertEquals("OK\n", ask(admin, List.of("INSTCMD", "demo", "load.off", "120")));
            assertEquals("OK\n", ask(admin, List.of("INSTCMD", "demo", "load.off", "a b")));
            assertEquals("OK\n", ask(admin, "INSTCMD demo load.off 5 6"), "upsd drops a parameter given with extra words");
            assertEquals(List.of("INSTCMD load.off", "INSTCMD load.off 120", "INSTCMD load.off \"a b\"", "INSTCMD load.off"),
                    driverLines);
        }

        @Test
        void withTracking() {
            Session admin = as("admin", "adminpass");
            ask(admin, "SET TRACKING ON");
            String id = ask(admin, "INSTCMD demo load.off 10").replace("OK TRACKING ", "").trim();
            assertEquals(List.of("INSTCMD load.off 10 TRACKING " + id), driverLines);
            assertEquals("PENDING\n", ask(admin, "GET TRACKING " + id));
            tracking.complete(id, 1);
            assertEquals("ERR UNKNOWN\n", ask(admin, "GET TRACKING " + id));
        }

        @Test
        void refusals() {
            Session admin = as("admin", "adminpass");
            assertEquals("ERR INVALID-ARGUMENT\n", ask(admin, "INSTCMD"));
            assertEquals("ERR INVALID-ARGUMENT\n", ask(admin, "INSTCMD demo"));
            assertEquals("ERR UNKNOWN-UPS\n", ask(admin, "INSTCMD nope load.off"));
            assertEquals("ERR DRIVER-NOT-CONNECTED\n", ask(admin, "INSTCMD down load.off"));
            assertEquals("ERR DATA-STALE\n", ask(admin, "INSTCMD stale load.off"));
            assertEquals("ERR CMD-NOT-SUPPORTED\n", ask(admin, "INSTCMD demo nope"));
            assertEquals("ERR INSTCMD-FAILED\n", ask(admin, "INSTCMD broken load.off"));
            Session tester = as("tester", "testpass");
            assertEquals("ERR ACCESS-DENIED\n", ask(tester, "INSTCMD demo load.off"));
            assertEquals("OK\n", ask(tester, "INSTCMD demo test.battery.start"));
            assertEquals(List.of("INSTCMD test.battery.start"), driverLines);
        }
    }
}
