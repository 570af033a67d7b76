package org.knut.admin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knut.core.model.Range;
import org.knut.core.model.UpsState;
import org.knut.core.model.VarFlag;
import org.knut.core.testing.FakeDriver;
import org.knut.core.testing.NutSandbox;
import org.knut.core.testing.Ports;
import org.knut.core.testing.TempTree;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What the admin UI's tests run against: a real NUT upsd (nut-sandbox) serving the real dummy-ups
 * {@code demo} and {@code rack}, a UPS of a test driver with writable variables of every kind and
 * several instant commands; and a {@link FakeKnutUpsd} serving {@code cluster} over knut's REST API.
 * hosts.conf lists all three; {@code knut.admin.rest} says the third upsd is a knut upsd.
 */
public class AdminStack implements QuarkusTestResourceLifecycleManager {
    public static volatile NutSandbox sandbox;
    public static volatile UpsState rack;
    public static volatile FakeDriver rackDriver;
    public static volatile FakeKnutUpsd rest;
    public static volatile FakeKnutUpsd.Ups cluster;
    public static volatile String demoSystem;
    public static volatile String rackSystem;
    public static volatile String clusterSystem;
    private Path dir;

    static UpsState rackState() {
        UpsState s = new UpsState();
        s.setInfo("device.mfr", "Knut Labs");
        s.setInfo("device.model", "Rack 3000");
        s.setInfo("ups.status", "OL CHRG");
        s.setInfo("battery.charge", "80");
        s.setInfo("battery.runtime", "1800");
        s.setInfo("ups.load", "35");
        s.setInfo("input.voltage", "121.5");
        s.setInfo("input.voltage.nominal", "120");
        s.setInfo("output.voltage", "120");
        s.setInfo("ups.test.result", "No test initiated");
        s.setInfo("input.transfer.low", "105");
        s.setFlags("input.transfer.low", EnumSet.of(VarFlag.RW));
        for (String v : List.of("100", "105", "110")) {
            s.addEnum("input.transfer.low", v);
        }
        s.setInfo("ups.delay.shutdown", "20");
        s.setFlags("ups.delay.shutdown", EnumSet.of(VarFlag.RW));
        s.addRange("ups.delay.shutdown", new Range("0", "600"));
        s.setInfo("ups.id", "rack-1");
        s.setFlags("ups.id", EnumSet.of(VarFlag.RW, VarFlag.STRING));
        s.setAux("ups.id", 8);
        s.addCommand("test.battery.start");
        s.addCommand("beeper.toggle");
        s.addCommand("load.off");
        s.setDataOk(true);
        return s;
    }

    static Map<String, String> clusterVariables() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("device.mfr", "Knut Labs");
        v.put("device.model", "Smart 1500");
        v.put("ups.status", "OL");
        v.put("battery.charge", "97");
        v.put("battery.runtime", "3600");
        v.put("ups.load", "20");
        v.put("input.voltage", "230.5");
        v.put("output.voltage", "230");
        v.put("ups.delay.shutdown", "20");
        v.put("input.transfer.low", "170");
        v.put("ups.id", "node-a");
        return v;
    }

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("admin-ui");
            sandbox = NutSandbox.start();
            rack = rackState();
            rackDriver = sandbox.addFakeUps("rack", "test driver", rack);
            rest = new FakeKnutUpsd();
            cluster = rest.add("cluster", "knut demo UPS", clusterVariables());
            rest.writable(cluster, "ups.delay.shutdown", "NUMBER", null, List.of(), List.<String[]>of(new String[] { "0", "600" }));
            rest.writable(cluster, "input.transfer.low", "NUMBER", null, List.of("160", "170"), List.of());
            rest.writable(cluster, "ups.id", "STRING", 8, List.of(), List.of());
            rest.command(cluster, "test.battery.start", "Start a battery test");
            rest.command(cluster, "load.off", "Turn off the load immediately");
            int restNutPort = Ports.free(); // the NUT port the knut upsd would have: only a name in hosts.conf here
            demoSystem = sandbox.ups("demo");
            rackSystem = sandbox.ups("rack");
            clusterSystem = "cluster@127.0.0.1:" + restNutPort;
            Path hosts = dir.resolve("hosts.conf");
            Files.writeString(hosts, """
                    # the admin UI's test fleet
                    MONITOR %s "real NUT dummy-ups"
                    MONITOR %s "real NUT upsd, test driver"
                    MONITOR %s "knut upsd over REST"
                    """.formatted(demoSystem, rackSystem, clusterSystem));
            return Map.of("knut.admin.hosts-conf", hosts.toString(),
                    "knut.admin.rest", "127.0.0.1:" + restNutPort + "=" + rest.base(),
                    "knut.admin.poll-interval", "500ms");
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        try {
            if (rest != null) {
                rest.close();
            }
            if (sandbox != null) {
                sandbox.close();
            }
            TempTree.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
