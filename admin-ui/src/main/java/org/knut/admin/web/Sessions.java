package org.knut.admin.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.knut.admin.fleet.AdminConfig;
import org.knut.admin.upsd.Credentials;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

/**
 * Logged-in browsers: a random session id in an HttpOnly, SameSite=Strict cookie names the upsd user
 * the browser acts as (upsset asks for the same user and password). Kept in memory only, bounded in
 * number, and forgotten after {@code knut.admin.session-timeout} without use.
 */
@ApplicationScoped
public class Sessions {
    public static final String COOKIE = "knut-session";
    static final int MAX_SESSIONS = 10_000;
    private static final int RECENT_CHANGES = 20;

    /** A change made in this session, so its result page can say what it was. */
    public record Change(String system, String tracking, String what, Instant time) {
    }

    public static final class Session {
        private final String id;
        private final Credentials who;
        private final Deque<Change> changes = new ArrayDeque<>();
        private volatile Instant lastUsed;

        Session(String id, Credentials who, Instant now) {
            this.id = id;
            this.who = who;
            this.lastUsed = now;
        }

        public Credentials who() {
            return who;
        }

        public synchronized void remember(Change c) {
            if (changes.size() == RECENT_CHANGES) {
                changes.removeLast();
            }
            changes.addFirst(c);
        }

        public synchronized Optional<Change> change(String tracking) {
            return changes.stream().filter(c -> tracking.equals(c.tracking())).findFirst();
        }

        /** Newest first. */
        public synchronized List<Change> changes() {
            return List.copyOf(changes);
        }
    }

    @Inject
    AdminConfig config;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        Instant now = clock.instant();
        if (s == null || expired(s, now)) {
            if (s != null) {
                sessions.remove(id);
            }
            return Optional.empty();
        }
        s.lastUsed = now;
        return Optional.of(s);
    }

    public Session create(Credentials who) {
        Instant now = clock.instant();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(s -> expired(s, now));
            while (sessions.size() >= MAX_SESSIONS) {
                sessions.values().stream().min(Comparator.comparing(s -> s.lastUsed))
                        .ifPresent(oldest -> sessions.remove(oldest.id));
            }
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        Session s = new Session(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), who, now);
        sessions.put(s.id, s);
        return s;
    }

    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private boolean expired(Session s, Instant now) {
        return Duration.between(s.lastUsed, now).compareTo(config.sessionTimeout()) > 0;
    }

    static NewCookie cookie(Session s) {
        return base(s.id).build();
    }

    static NewCookie expiredCookie() {
        return base("").maxAge(0).build();
    }

    private static NewCookie.Builder base(String value) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").httpOnly(true).sameSite(NewCookie.SameSite.STRICT);
    }
}
