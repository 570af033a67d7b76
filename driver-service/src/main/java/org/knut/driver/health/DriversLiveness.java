package org.knut.driver.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.knut.driver.runtime.DriverSupervisor;
import org.knut.driver.runtime.UpsRunner;

/** Alive unless a running driver's thread has stopped polling (stuck in a device call): then a restart helps. */
@Liveness
@ApplicationScoped
public class DriversLiveness implements HealthCheck {
    @Inject
    DriverSupervisor supervisor;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("driver-threads");
        boolean up = true;
        for (UpsRunner r : supervisor.runners()) {
            if (!r.alive()) {
                up = false;
                b.withData(r.section().name(), "not polling");
            }
        }
        return b.status(up).build();
    }
}
