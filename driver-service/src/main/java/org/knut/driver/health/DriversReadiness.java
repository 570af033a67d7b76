package org.knut.driver.health;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.knut.driver.runtime.DriverSupervisor;
import org.knut.driver.runtime.UpsRunner;

/** Ready when the configuration is loaded and every UPS's driver has started and has fresh data. */
@Readiness
@ApplicationScoped
public class DriversReadiness implements HealthCheck {
    @Inject
    DriverSupervisor supervisor;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("drivers");
        boolean up = supervisor.loaded();
        for (UpsRunner r : supervisor.runners()) {
            UpsRunner.Status s = r.status();
            up &= s.ready();
            b.withData(s.name(), s.ready() ? "ready" : s.phase().name().toLowerCase(Locale.ROOT)
                    + (s.problem() == null ? "" : ": " + s.problem()));
        }
        return b.status(up).build();
    }
}
