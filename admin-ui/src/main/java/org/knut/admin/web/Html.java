package org.knut.admin.web;

import java.net.URI;
import java.time.ZoneId;
import java.util.Optional;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.knut.admin.fleet.AdminConfig;
import org.knut.admin.fleet.Fleet;
import org.knut.admin.fleet.MonitoredUps;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** What every page resource shares: finding the UPS of a URL, the layout's data, HTML responses. */
@ApplicationScoped
public class Html {
    static final ZoneId ZONE = ZoneId.systemDefault();

    @Inject
    Fleet fleet;

    @Inject
    Sessions sessions;

    @Inject
    AdminConfig config;

    MonitoredUps ups(String system) {
        return fleet.find(system).orElseThrow(() -> new UpsNotListed(system));
    }

    UpsView view(MonitoredUps u) {
        return UpsView.of(u, ZONE);
    }

    Optional<Sessions.Session> session(String cookie) {
        return sessions.find(cookie);
    }

    Page page(String title, Optional<Sessions.Session> session, boolean live) {
        // without JavaScript a live page reloads itself; a few polls' worth keeps the load low
        int refresh = live ? (int) Math.max(5, config.pollInterval().multipliedBy(3).toSeconds()) : 0;
        return new Page(title, session.map(s -> s.who().username()).orElse(null), refresh, live);
    }

    static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }

    /** To the login page, which comes back to {@code path} afterwards. */
    static Response toLogin(String path) {
        return Response.seeOther(URI.create("/login?next=" + UpsView.path(path))).build();
    }

    @ServerExceptionMapper
    public Response notListed(UpsNotListed e) {
        return html(404, Templates.error(Notice.error("UNKNOWN-UPS", e.getMessage()), page("Unknown UPS", Optional.empty(), false)));
    }
}
