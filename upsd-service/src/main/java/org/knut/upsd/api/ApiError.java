package org.knut.upsd.api;

/** The body of every REST error: NUT's error name (e.g. {@code UNKNOWN-UPS}) and a sentence. */
public record ApiError(String error, String message) {
}
