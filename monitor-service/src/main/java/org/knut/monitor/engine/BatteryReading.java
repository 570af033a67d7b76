package org.knut.monitor.engine;

/** battery.charge (%) and battery.runtime (s) as last read while on battery; null when the UPS does not report one. */
public record BatteryReading(Double charge, Double runtime) {
}
