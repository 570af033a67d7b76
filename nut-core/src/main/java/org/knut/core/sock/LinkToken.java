package org.knut.core.sock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The shared token that guards a driver socket published over TCP in a cluster (knut's addition; NUT's
 * Unix driver sockets rely on file permissions). The connecting side (upsd) sends {@code AUTH <token>}
 * as its first line; the driver answers {@code OK} and serves the socket protocol from then on, or
 * answers {@code ERR ACCESS-DENIED} and closes. Tokens are compared in constant time (digests of both,
 * so that not even the length leaks).
 */
public final class LinkToken {
    public static final String VERB = "AUTH";
    public static final String ACCEPTED = "OK";
    public static final String DENIED = "ERR ACCESS-DENIED";
    /** Longest first line the driver reads before deciding. */
    public static final int MAX_LINE = 1024;

    private final byte[] digest;
    private final String token;

    private LinkToken(String token) {
        this.token = token;
        this.digest = sha256(token);
    }

    /** A token given as text; surrounding whitespace is dropped. */
    public static LinkToken of(String token) {
        String t = token.strip();
        if (t.isEmpty() || t.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '\\')) {
            throw new IllegalArgumentException("a link token must be one word of printable characters without quotes");
        }
        return new LinkToken(t);
    }

    /** A token from a file (a mounted Kubernetes Secret): its content without the trailing newline. */
    public static LinkToken read(Path file) throws IOException {
        try {
            return of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The line the connecting side sends first. */
    public String authLine() {
        return VERB + " " + token;
    }

    /** True when {@code words} (a first line, tokenized) is {@code AUTH} with this token. */
    public boolean accepts(List<String> words) {
        byte[] given = sha256(words.size() == 2 && words.get(0).equals(VERB) ? words.get(1) : "");
        return MessageDigest.isEqual(digest, given) & words.size() == 2;
    }

    @Override
    public String toString() {
        return "LinkToken[****]"; // never the token itself
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
