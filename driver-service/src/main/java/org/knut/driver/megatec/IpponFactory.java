package org.knut.driver.megatec;

import jakarta.enterprise.context.ApplicationScoped;

/** NUT's {@code ippon}: see {@link MegatecDialect#IPPON}. */
@ApplicationScoped
public class IpponFactory extends MegatecFactory {
    public IpponFactory() {
        super(MegatecDialect.IPPON);
    }
}
