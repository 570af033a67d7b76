package org.knut.admin.web;

/** A message box on a page: an error with NUT's error name, or a confirmation ({@code error} null). */
public record Notice(String error, String text, String detail) {
    public static Notice error(String error, String detail) {
        return new Notice(error, NutErrors.explain(error), detail);
    }

    public static Notice info(String text) {
        return new Notice(null, text, null);
    }

    public String css() {
        return error == null ? "ok" : "crit";
    }
}
