package org.knut.upsd.control;

/**
 * Who asks for something that needs a upsd user: the credentials given, where the request came from
 * (the client's IP address, for throttling and the audit log) and over which interface ({@code nut} or
 * {@code rest}). Its text never shows the password.
 */
public record Requester(String username, String password, String address, String via) {
    @Override
    public String toString() {
        return "Requester[" + username + " from " + address + " via " + via + "]";
    }
}
