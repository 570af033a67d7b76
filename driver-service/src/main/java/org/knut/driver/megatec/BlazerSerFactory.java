package org.knut.driver.megatec;

import jakarta.enterprise.context.ApplicationScoped;

/** NUT's {@code blazer_ser}: see {@link MegatecDialect#BLAZER_SER}. */
@ApplicationScoped
public class BlazerSerFactory extends MegatecFactory {
    public BlazerSerFactory() {
        super(MegatecDialect.BLAZER_SER);
    }
}
