package org.knut.monitor.health;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.knut.monitor.engine.UpsView;
import org.knut.monitor.engine.Upsmon;
import org.knut.monitor.runtime.MonitorService;

/**
 * Ready once the monitor is watching and has heard from every UPS at least once. The data shows each
 * UPS: {@code <ups>.status}, {@code .communicating}, {@code .lastPoll} (epoch ms) and {@code .critical}.
 */
@Readiness
@ApplicationScoped
public class MonitorReadiness implements HealthCheck {
    @Inject
    MonitorService service;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("upsmon");
        Upsmon u = service.upsmon().orElse(null);
        if (u == null) {
            return b.down().withData("state", "NOT_STARTED").build();
        }
        boolean ready = u.state() == Upsmon.State.RUNNING || u.state() == Upsmon.State.SHUTTING_DOWN;
        b.withData("state", u.state().name());
        if (u.views().isEmpty()) {
            ready = false;
        }
        for (UpsView v : u.views()) {
            b.withData(v.ups() + ".status", v.status());
            b.withData(v.ups() + ".communicating", v.communicating());
            b.withData(v.ups() + ".lastPoll", v.lastPoll().toEpochMilli());
            b.withData(v.ups() + ".critical", v.critical() == null ? "" : v.critical());
            ready &= !v.lastPoll().equals(Instant.EPOCH);
        }
        return b.status(ready).build();
    }
}
