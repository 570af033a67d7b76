package org.knut.admin.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.knut.admin.fleet.AdminConfig;
import org.knut.admin.fleet.Fleet;
import org.knut.admin.fleet.MonitoredUps;
import org.knut.admin.upsd.Controls;
import org.knut.admin.upsd.InstantCommand;
import org.knut.admin.upsd.UpsdException;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * upsset's job: writable variables and instant commands of one UPS, for a logged-in upsd user. Every
 * change goes to the UPS's upsd as that user (upsd checks the rights), then the browser is sent to the
 * change's result page (POST, redirect, GET), which shows what TRACKING reports. Instant commands are
 * confirmed on a page of their own first.
 */
// one root with Pages: JAX-RS picks the root class first, so /ups/{system} must not be a class path
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ControlPages {
    private static final Duration TRACKING_POLL = Duration.ofMillis(100);

    @Inject
    Html html;

    @Inject
    Fleet fleet;

    @Inject
    AdminConfig config;

    /** Runs {@code page} for a logged-in browser; sends any other to the login page, which comes back to {@code path}. */
    private Response loggedIn(String system, String cookie, String path,
            BiFunction<MonitoredUps, Sessions.Session, Response> page) {
        MonitoredUps u = html.ups(system);
        Optional<Sessions.Session> s = html.session(cookie);
        if (s.isEmpty()) {
            return Html.toLogin("/ups/" + UpsView.path(system) + "/" + path);
        }
        return page.apply(u, s.get());
    }

    @GET
    @Path("ups/{system}/settings")
    public Response settings(@PathParam("system") String system, @RestCookie(Sessions.COOKIE) String cookie) {
        return loggedIn(system, cookie, "settings", (u, s) -> settingsPage(u, s, 200, null));
    }

    @POST
    @Path("ups/{system}/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response set(@PathParam("system") String system, @RestCookie(Sessions.COOKIE) String cookie,
            @RestForm String variable, @RestForm String value) {
        return loggedIn(system, cookie, "settings", (u, s) -> {
            String problem = Optional.ofNullable(FormInput.problem("variable", variable, FormInput.MAX_NAME, true))
                    .orElse(FormInput.problem("value", value, FormInput.MAX_VALUE, true));
            if (problem != null) {
                return settingsPage(u, s, 400, Notice.error("INVALID-ARGUMENT", problem));
            }
            try {
                return changed(u, s, u.upsd().setVar(s.who(), u.name(), variable, value), "SET " + variable + " = " + value);
            } catch (UpsdException e) {
                return settingsPage(u, s, NutErrors.httpStatus(e.error()),
                        Notice.error(e.error(), "SET " + variable + ": " + e.getMessage()));
            }
        });
    }

    private Response settingsPage(MonitoredUps u, Sessions.Session s, int status, Notice notice) {
        Page page = html.page("Settings of " + u.system(), Optional.of(s), false);
        return controlsPage(u, status, notice, (c, shown) -> Templates.settings(html.view(u),
                c.writables().stream().map(WritableView::of).toList(), shown, page));
    }

    @GET
    @Path("ups/{system}/commands")
    public Response commands(@PathParam("system") String system, @RestCookie(Sessions.COOKIE) String cookie) {
        return loggedIn(system, cookie, "commands", (u, s) -> commandsPage(u, s, 200, null));
    }

    /** Without {@code confirm=yes}: the confirmation page; with it: the command goes to upsd. */
    @POST
    @Path("ups/{system}/commands")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response command(@PathParam("system") String system, @RestCookie(Sessions.COOKIE) String cookie,
            @RestForm String command, @RestForm String parameter, @RestForm String confirm) {
        return loggedIn(system, cookie, "commands", (u, s) -> {
            String problem = Optional.ofNullable(FormInput.problem("command", command, FormInput.MAX_NAME, true))
                    .orElse(FormInput.problem("parameter", parameter, FormInput.MAX_VALUE, false));
            if (problem != null) {
                return commandsPage(u, s, 400, Notice.error("INVALID-ARGUMENT", problem));
            }
            String param = parameter == null || parameter.isEmpty() ? null : parameter;
            if (!"yes".equals(confirm)) {
                return Html.html(200, Templates.confirm(html.view(u), new InstantCommand(command, description(u, command)),
                        param, html.page("Run " + command + "?", Optional.of(s), false)));
            }
            try {
                return changed(u, s, u.upsd().instcmd(s.who(), u.name(), command, param),
                        "INSTCMD " + command + (param == null ? "" : " " + param));
            } catch (UpsdException e) {
                return commandsPage(u, s, NutErrors.httpStatus(e.error()), Notice.error(e.error(), command + ": " + e.getMessage()));
            }
        });
    }

    /** upsd's description of a command for the confirmation page; null when there is none (upsd answers the command itself). */
    private static String description(MonitoredUps u, String command) {
        try {
            return u.upsd().controls(u.name()).commands().stream().filter(c -> c.name().equals(command))
                    .map(InstantCommand::description).findFirst().orElse(null);
        } catch (UpsdException e) {
            return null;
        }
    }

    private Response commandsPage(MonitoredUps u, Sessions.Session s, int status, Notice notice) {
        Page page = html.page("Instant commands of " + u.system(), Optional.of(s), false);
        List<Sessions.Change> changes = s.changes().stream().filter(c -> c.system().equals(u.system())).toList();
        return controlsPage(u, status, notice, (c, shown) -> Templates.commands(html.view(u), c.commands(), changes, shown, page));
    }

    /** A page built from the UPS's controls; when upsd cannot list them, the page without them and upsd's error. */
    private static Response controlsPage(MonitoredUps u, int status, Notice notice,
            BiFunction<Controls, Notice, TemplateInstance> render) {
        try {
            return Html.html(status, render.apply(u.upsd().controls(u.name()), notice));
        } catch (UpsdException e) {
            Function<Notice, TemplateInstance> empty = shown -> render.apply(new Controls(List.of(), List.of()), shown);
            return notice != null ? Html.html(status, empty.apply(notice))
                    : Html.html(NutErrors.httpStatus(e.error()), empty.apply(Notice.error(e.error(), e.getMessage())));
        }
    }

    /** After a change upsd accepted: remember it, reread the UPS soon, and show the result page. */
    private Response changed(MonitoredUps u, Sessions.Session s, String tracking, String what) {
        fleet.refreshSoon(u);
        if (tracking == null) { // a upsd without TRACKING: accepted is all there is to know
            return Html.html(200, Templates.result(html.view(u), new ResultView(what, null, "OK",
                    "Accepted by upsd (it does not track results)"), html.page(what, Optional.of(s), false)));
        }
        s.remember(new Sessions.Change(u.system(), tracking, what, Instant.now()));
        return Response.seeOther(URI.create("/ups/" + UpsView.path(u.system()) + "/tracking/" + UpsView.path(tracking))).build();
    }

    /**
     * The result of a change: waits (up to {@code knut.admin.tracking-wait}) for the driver's answer, so
     * the page usually shows SUCCESS or the error at once; a PENDING page reloads itself.
     */
    @GET
    @Path("ups/{system}/tracking/{id}")
    public Response tracking(@PathParam("system") String system, @PathParam("id") String id,
            @RestCookie(Sessions.COOKIE) String cookie) {
        return loggedIn(system, cookie, "tracking/" + UpsView.path(id), (u, s) -> {
            String what = s.change(id).map(Sessions.Change::what).orElse("Request " + id);
            String status;
            try {
                status = awaitResult(u, s, id);
            } catch (UpsdException e) {
                return Html.html(NutErrors.httpStatus(e.error()), Templates.error(Notice.error(e.error(), e.getMessage()),
                        html.page(what, Optional.of(s), false)));
            }
            ResultView result = ResultView.of(what, id, status);
            if (!result.pending()) {
                // the reread of changed() may have come before the driver carried the change out
                fleet.refreshSoon(u);
            }
            return Html.html(200, Templates.result(html.view(u), result,
                    new Page(what, s.who().username(), result.pending() ? 2 : 0, false)));
        });
    }

    private String awaitResult(MonitoredUps u, Sessions.Session s, String id) throws UpsdException {
        long deadline = System.nanoTime() + config.trackingWait().toNanos();
        String status;
        while ("PENDING".equals(status = u.upsd().tracking(s.who(), id)) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(TRACKING_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return status;
    }
}
