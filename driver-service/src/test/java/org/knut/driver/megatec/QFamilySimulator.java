package org.knut.driver.megatec;

import java.nio.file.Path;

import org.knut.driver.megatec.MegatecSimulator.Power;
import org.knut.driver.serial.CrLineSimulator;

/**
 * A UPS of the Megatec/Q1 family: CR-terminated requests, and the state every such unit reports (its
 * power situation, beeper, battery test and pending shutdown), which tests set and commands change.
 */
public abstract class QFamilySimulator extends CrLineSimulator {
    protected volatile Power power = Power.ONLINE;
    protected volatile boolean beeper = true;
    protected volatile boolean testing;
    protected volatile boolean shutdownPending;

    protected QFamilySimulator(Path deviceEnd, String name) {
        super(deviceEnd, name);
    }

    public void power(Power p) {
        this.power = p;
    }

    public boolean beeper() {
        return beeper;
    }
}
