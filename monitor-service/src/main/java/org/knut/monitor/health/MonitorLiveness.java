package org.knut.monitor.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.knut.monitor.runtime.MonitorService;

/** Live unless the monitor's engine thread has died. */
@Liveness
@ApplicationScoped
public class MonitorLiveness implements HealthCheck {
    @Inject
    MonitorService service;

    @Override
    public HealthCheckResponse call() {
        String state = service.upsmon().map(u -> u.state().name()).orElse("NOT_STARTED");
        return HealthCheckResponse.named("upsmon").status(!service.died()).withData("state", state).build();
    }
}
