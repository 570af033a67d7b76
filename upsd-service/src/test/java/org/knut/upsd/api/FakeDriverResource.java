package org.knut.upsd.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

import org.knut.core.model.Range;
import org.knut.core.model.UpsState;
import org.knut.core.model.VarFlag;
import org.knut.core.testing.FakeDriver;
import org.knut.core.testing.Ports;
import org.knut.core.testing.TempTree;
import org.knut.upsd.testing.NutConf;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * For the REST tests: one UPS "demo" served by a {@link FakeDriver} whose state the tests change, with
 * writable variables of each kind and two instant commands. Users: the sandbox's admin (SET, FSD,
 * every command) and monuser (upsmon primary, no commands).
 */
public class FakeDriverResource implements QuarkusTestResourceLifecycleManager {
    static volatile UpsState state;
    static volatile FakeDriver driver;
    static volatile int nutPort;
    static volatile Path socket;
    private Path dir;

    static UpsState demoState() {
        UpsState s = new UpsState();
        s.setInfo("device.mfr", "Knut Labs");
        s.setInfo("device.model", "Smart 1500");
        s.setInfo("device.serial", "KL-0042");
        s.setInfo("device.type", "ups");
        s.setInfo("device.uptime", "1234");
        s.setInfo("ups.status", "OL CHRG");
        s.setInfo("battery.charge", "97");
        s.setInfo("battery.runtime", "3600");
        s.setInfo("input.voltage", "230.5");
        s.setInfo("ups.beeper.status", "enabled");
        s.setInfo("ups.firmware", "UPS 09.3 / ID=18");
        s.setInfo("ups.delay.shutdown", "20");
        s.setFlags("ups.delay.shutdown", EnumSet.of(VarFlag.RW));
        s.addRange("ups.delay.shutdown", new Range("0", "600"));
        s.setInfo("input.transfer.low", "170");
        s.setFlags("input.transfer.low", EnumSet.of(VarFlag.RW));
        s.addEnum("input.transfer.low", "160");
        s.addEnum("input.transfer.low", "170");
        s.setInfo("ups.id", "rack-1");
        s.setFlags("ups.id", EnumSet.of(VarFlag.RW, VarFlag.STRING));
        s.setAux("ups.id", 8);
        s.addCommand("test.battery.start");
        s.addCommand("load.off");
        s.setDataOk(true);
        return s;
    }

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("upsd-rest");
            Path conf = NutConf.write(dir, Map.of("demo", NutConf.ddl("APC__Smart-UPS_1500__usbhid-ups__2.7.2__01.dev")),
                    "MAXAGE 15\n");
            Path stateDir = conf.resolve("state");
            Files.createDirectories(stateDir);
            state = demoState();
            socket = stateDir.resolve("dummy-ups-demo");
            driver = new FakeDriver(socket, state);
            nutPort = Ports.free();
            return Map.of("knut.conf-path", conf.toString(), "knut.state-path", stateDir.toString(),
                    "knut.upsd.listen", "127.0.0.1:" + nutPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        try {
            if (driver != null) {
                driver.close();
            }
            TempTree.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
