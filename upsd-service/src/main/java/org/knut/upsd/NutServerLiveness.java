package org.knut.upsd;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Live while the NUT server is listening. */
@Liveness
@ApplicationScoped
public class NutServerLiveness implements HealthCheck {
    @Inject
    UpsdService service;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("nut-server").status(service.listening()).build();
    }
}
