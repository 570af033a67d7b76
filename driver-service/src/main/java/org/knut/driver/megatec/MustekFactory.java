package org.knut.driver.megatec;

import jakarta.enterprise.context.ApplicationScoped;

/** NUT's {@code mustek}: see {@link MegatecDialect#MUSTEK}. */
@ApplicationScoped
public class MustekFactory extends MegatecFactory {
    public MustekFactory() {
        super(MegatecDialect.MUSTEK);
    }
}
