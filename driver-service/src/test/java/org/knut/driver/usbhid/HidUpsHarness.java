package org.knut.driver.usbhid;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.knut.core.model.UpsState;
import org.knut.core.model.Variable;
import org.knut.driver.spi.DriverSetup;
import org.knut.driver.spi.DriverState;
import org.knut.driver.spi.UpsDriver;
import org.knut.driver.testing.MutableClock;

/** Our usbhid-ups on a simulated device, driven as the service drives it (init, then update per poll). */
final class HidUpsHarness implements AutoCloseable {
    static final Duration POLL = Duration.ofSeconds(2);

    final SimulatedHidDevice device;
    final SimulatedOpener bus;
    final MutableClock clock = new MutableClock(1_700_000_000_000L);
    final DriverState state = new DriverState(new UpsState(), Set.of(), false);
    final UpsDriver driver;

    HidUpsHarness(SimulatedHidDevice device, Map<String, String> options, Set<String> flags) {
        this.device = device;
        this.bus = new SimulatedOpener(device);
        DriverSetup setup = new DriverSetup("ups", "auto", options, flags, Path.of("."), POLL, clock);
        this.driver = new UsbHidUpsFactory(bus).create(setup);
    }

    HidUpsHarness start() throws Exception {
        driver.init(state);
        driver.update(state);
        return this;
    }

    /** One poll interval later. */
    void poll() throws Exception {
        clock.advance(POLL);
        driver.update(state);
    }

    String value(String name) {
        return state.value(name);
    }

    Map<String, String> values() {
        Map<String, String> out = new TreeMap<>();
        for (Variable v : state.upsState().variables()) {
            out.put(v.name(), v.value());
        }
        return out;
    }

    @Override
    public void close() {
        driver.close();
    }
}
