package org.knut.monitor.engine;

import java.time.Instant;

/** What the monitor knows of one UPS after a poll cycle, for health checks and status pages. */
public record UpsView(String ups, String role, int powerValue, String status, boolean communicating, Instant lastPoll,
        String critical) {
}
