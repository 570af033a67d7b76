package org.knut.admin.upsd;

import java.util.Map;

/**
 * One upsd as the admin UI uses it: read a UPS, list what can be changed, change it as a upsd user,
 * and read the outcome of a change. Implementations open what they need per call and are thread-safe.
 */
public interface Upsd {
    /** Where this upsd is, for messages: {@code NUT upsd 127.0.0.1:3493}. */
    String address();

    /** Every variable of {@code ups} with its value, in upsd's order. */
    Map<String, String> variables(String ups) throws UpsdException;

    Controls controls(String ups) throws UpsdException;

    /** Runs an instant command; the tracking id of the request, or null when upsd does not track it. */
    String instcmd(Credentials who, String ups, String command, String parameter) throws UpsdException;

    /** Sets a variable; the tracking id of the request, or null when upsd does not track it. */
    String setVar(Credentials who, String ups, String variable, String value) throws UpsdException;

    /**
     * {@code PENDING}, {@code SUCCESS}, or the NUT error name the driver answered. Asked as {@code who}:
     * NUT's upsd answers GET TRACKING only on a connection with tracking on, which needs a user.
     */
    String tracking(Credentials who, String id) throws UpsdException;
}
