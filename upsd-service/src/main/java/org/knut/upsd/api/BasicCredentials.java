package org.knut.upsd.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The user name and password of an HTTP {@code Authorization: Basic} header (RFC 7617). */
public record BasicCredentials(String username, String password) {
    /** Longer headers are refused unread: no upsd user needs more. */
    static final int MAX_HEADER = 1024;

    /** The credentials in {@code header}, or an {@link ApiException} 401 when there are none or they are malformed. */
    public static BasicCredentials parse(String header) {
        if (header == null || header.isBlank()) {
            throw new ApiException(401, "USERNAME-REQUIRED", "this request needs a upsd user (HTTP Basic authentication)");
        }
        if (header.length() > MAX_HEADER || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw malformed();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            throw malformed();
        }
        return new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private static ApiException malformed() {
        return new ApiException(401, "USERNAME-REQUIRED", "the Authorization header must be: Basic base64(user:password)");
    }
}
