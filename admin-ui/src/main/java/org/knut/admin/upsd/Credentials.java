package org.knut.admin.upsd;

/** A upsd user (upsd.users) on whose behalf a change is made. */
public record Credentials(String username, String password) {
    @Override
    public String toString() {
        return username + ":***";
    }
}
