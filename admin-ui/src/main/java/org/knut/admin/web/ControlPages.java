package org.knut.admin.web;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.knut.admin.fleet.AdminConfig;
import org.knut.admin.fleet.Fleet;
import org.knut.admin.fleet.MonitoredUps;
import org.knut.admin.upsd.Controls;
import org.knut.admin.upsd.InstantCommand;
import org.knut.admin.upsd.UpsdException;

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

    @GET
    @Path("ups/{system}/settings")
    public Response settings(@PathParam("system") String system, @RestCookie(Sessions.COOKIE) String cookie) {
        MonitoredUps u = html.ups(system);
        Optional<Sessions.Session> s = html.session(cookie);
        if (s.isEmpty()) {
            return Html.toLogin("/ups/" + UpsView.path(system) + "/settings");
        }
        return settingsPage(u, s, 200, null);
    }

    @POST
    @Path("ups/{system}/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response set(@PathParam("system") String system, @RestCookie(Sessions.COOKIE) String cookie,
            @RestForm String variable, @RestForm String value) {
        MonitoredUps u = html.ups(system);
        Optional<Sessions.Session> s = html.session(cookie);
        if (s.isEmpty()) {
            return Html.toLogin("/ups/" + UpsView.path(system) + "/settings");
        }
        String problem = Optional.ofNullable(FormInput.problem("variable", variable, FormInput.MAX_NAME, true))
                .orElse(FormInput.problem("value", value, FormInput.MAX_VALUE, true));
        if (problem != null) {
            return settingsPage(u, s, 400, Notice.error("INVALID-ARGUMENT", problem));
        }
        try {
            String id = u.upsd().setVar(s.get().who(), u.name(), variable, value);
            return changed(u, s.get(), id, "SET " + variable + " = " + value);
        } catch (UpsdException e) {
            return settingsPage(u, s, NutErrors.httpStatus(e.error()), Notice.error(e.error(), "SET " + variable + ": " + e.getMessage()));
        }
    }

    private Response settingsPage(MonitoredUps u, Optional<Sessions.Session> s, int status, Notice notice) {
        Page page = html.page("Settings of " + u.system(), s, false);
        try {
            Controls c = u.upsd().controls(u.name());
            return Html.html(status, Templates.settings(html.view(u), c.writables().stream().map(WritableView::of).toList(),
                    notice, page));
        } catch (UpsdException e) {
            Notice shown = notice != null ? notice : Notice.error(e.error(), e.getMessage());
            return Html.html(notice != null ? status : NutErrors.httpStatus(e.error()),
                    Templates.settings(html.view(u), java.util.List.of(), shown, page));
        }
    }

    @GET
    @Path("ups/{system}/commands")
    public Response commands(@PathParam("system") String system, @RestCookie(Sessions.COOKIE) String cookie) {
        MonitoredUps u = html.ups(system);
        Optional<Sessions.Session> s = html.session(cookie);
        if (s.isEmpty()) {
            return Html.toLogin("/ups/" + UpsView.path(system) + "/commands");
        }
        return commandsPage(u, s, 200, null);
    }

    /** Without {@code confirm=yes}: the confirmation page; with it: the command goes to upsd. */
    @POST
    @Path("ups/{system}/commands")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response command(@PathParam("system") String system, @RestCookie(Sessions.COOKIE) String cookie,
            @RestForm String command, @RestForm String parameter, @RestForm String confirm) {
        MonitoredUps u = html.ups(system);
        Optional<Sessions.Session> s = html.session(cookie);
        if (s.isEmpty()) {
            return Html.toLogin("/ups/" + UpsView.path(system) + "/commands");
        }
        String problem = Optional.ofNullable(FormInput.problem("command", command, FormInput.MAX_NAME, true))
                .orElse(FormInput.problem("parameter", parameter, FormInput.MAX_VALUE, false));
        if (problem != null) {
            return commandsPage(u, s, 400, Notice.error("INVALID-ARGUMENT", problem));
        }
        String param = parameter == null || parameter.isEmpty() ? null : parameter;
        if (!"yes".equals(confirm)) {
            String description = null;
            try {
                description = u.upsd().controls(u.name()).commands().stream().filter(c -> c.name().equals(command))
                        .map(InstantCommand::description).findFirst().orElse(null);
            } catch (UpsdException e) {
                // the confirmation page goes without the description; upsd will answer the command itself
            }
            return Html.html(200, Templates.confirm(html.view(u), new InstantCommand(command, description), param,
                    html.page("Run " + command + "?", s, false)));
        }
        try {
            String id = u.upsd().instcmd(s.get().who(), u.name(), command, param);
            return changed(u, s.get(), id, "INSTCMD " + command + (param == null ? "" : " " + param));
        } catch (UpsdException e) {
            return commandsPage(u, s, NutErrors.httpStatus(e.error()), Notice.error(e.error(), command + ": " + e.getMessage()));
        }
    }

    private Response commandsPage(MonitoredUps u, Optional<Sessions.Session> s, int status, Notice notice) {
        Page page = html.page("Instant commands of " + u.system(), s, false);
        var changes = s.get().changes().stream().filter(c -> c.system().equals(u.system())).toList();
        try {
            Controls c = u.upsd().controls(u.name());
            return Html.html(status, Templates.commands(html.view(u), c.commands(), changes, notice, page));
        } catch (UpsdException e) {
            Notice shown = notice != null ? notice : Notice.error(e.error(), e.getMessage());
            return Html.html(notice != null ? status : NutErrors.httpStatus(e.error()),
                    Templates.commands(html.view(u), java.util.List.of(), changes, shown, page));
        }
    }

    /** After a change upsd accepted: remember it, reread the UPS soon, and show the result page. */
    private Response changed(MonitoredUps u, Sessions.Session s, String tracking, String what) {
        fleet.refreshSoon(u);
        if (tracking == null) { // a upsd without TRACKING: accepted is all there is to know
            return Html.html(200, Templates.result(html.view(u), new ResultView(what, null, "OK",
                    "Accepted by upsd (it does not track results)"), html.page(what, Optional.of(s), false)));
        }
        s.remember(new Sessions.Change(u.system(), tracking, what, java.time.Instant.now()));
        return Response.seeOther(URI.create("/ups/" + UpsView.path(u.system()) + "/tracking/" + UpsView.path(tracking))).build();
    }

    /**
     * The result of a change: waits (up to {@code knut.admin.tracking-wait}) for the driver's answer, so
     * the page usually shows SUCCESS or the error at once; a PENDING page reloads itself.
     */
    @GET
    @Path("ups/{system}/tracking/{id}")
    public Response tracking(@PathParam("system") String system, @PathParam("id") String id,
            @RestCookie(Sessions.COOKIE) String cookie) throws InterruptedException {
        MonitoredUps u = html.ups(system);
        Optional<Sessions.Session> s = html.session(cookie);
        if (s.isEmpty()) {
            return Html.toLogin("/ups/" + UpsView.path(system) + "/tracking/" + UpsView.path(id));
        }
        String what = s.get().change(id).map(Sessions.Change::what).orElse("Request " + id);
        long deadline = System.nanoTime() + config.trackingWait().toNanos();
        String status;
        try {
            while ("PENDING".equals(status = u.upsd().tracking(s.get().who(), id)) && System.nanoTime() < deadline) {
                Thread.sleep(TRACKING_POLL.toMillis());
            }
        } catch (UpsdException e) {
            return Html.html(NutErrors.httpStatus(e.error()), Templates.error(Notice.error(e.error(), e.getMessage()),
                    html.page(what, s, false)));
        }
        ResultView result = ResultView.of(what, id, status);
        return Html.html(200, Templates.result(html.view(u), result, new Page(what, s.get().who().username(),
                result.pending() ? 2 : 0, false)));
    }
}
