package org.knut.admin.web;

/**
 * What the layout of every page needs: its title, the logged-in upsd user (null when none), and how
 * often the browser reloads it (0: never). On a {@code live} page the reload is only for browsers
 * without JavaScript: with it, the page updates through {@code /events}.
 */
public record Page(String title, String user, int refresh, boolean live) {
}
