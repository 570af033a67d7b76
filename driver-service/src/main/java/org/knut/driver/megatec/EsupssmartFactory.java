package org.knut.driver.megatec;

import jakarta.enterprise.context.ApplicationScoped;

/** NUT's {@code esupssmart}: see {@link MegatecDialect#ESUPSSMART}. */
@ApplicationScoped
public class EsupssmartFactory extends MegatecFactory {
    public EsupssmartFactory() {
        super(MegatecDialect.ESUPSSMART);
    }
}
