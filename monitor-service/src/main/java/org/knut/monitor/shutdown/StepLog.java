package org.knut.monitor.shutdown;

/** The shutdown's log: every step is written with the time since the shutdown began. */
@FunctionalInterface
public interface StepLog {
    void step(String what);
}
