package org.knut.driver.testing;

/** Closes test resources in order, skipping those never created. */
public final class Closer {
    private Closer() {
    }

    public static void close(AutoCloseable... resources) throws Exception {
        for (AutoCloseable r : resources) {
            if (r != null) {
                r.close();
            }
        }
    }
}
