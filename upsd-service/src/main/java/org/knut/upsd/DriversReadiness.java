package org.knut.upsd;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.knut.upsd.state.ServedUps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Ready when every configured driver is connected, has completed its dump and its data is fresh; the
 * data of the check shows each UPS's state (WAIT, OK, DRIVER-NOT-CONNECTED, DATA-STALE).
 */
@Readiness
@ApplicationScoped
public class DriversReadiness implements HealthCheck {
    @Inject
    UpsdService service;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("drivers");
        boolean ready = service.listening();
        for (ServedUps u : service.upses()) {
            ready &= u.ready();
            b.withData(u.name(), u.condition());
        }
        return b.status(ready).build();
    }
}
