package org.knut.driver.megatec;

import jakarta.enterprise.context.ApplicationScoped;

/** NUT's {@code fentonups}: see {@link MegatecDialect#FENTONUPS}. */
@ApplicationScoped
public class FentonupsFactory extends MegatecFactory {
    public FentonupsFactory() {
        super(MegatecDialect.FENTONUPS);
    }
}
