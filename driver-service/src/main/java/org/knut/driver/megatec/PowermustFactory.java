package org.knut.driver.megatec;

import jakarta.enterprise.context.ApplicationScoped;

/** NUT's {@code powermust}: see {@link MegatecDialect#POWERMUST}. */
@ApplicationScoped
public class PowermustFactory extends MegatecFactory {
    public PowermustFactory() {
        super(MegatecDialect.POWERMUST);
    }
}
