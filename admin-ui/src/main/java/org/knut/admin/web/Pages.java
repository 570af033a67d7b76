package org.knut.admin.web;

import java.util.Arrays;
import java.util.List;

import org.jboss.resteasy.reactive.RestCookie;
import org.knut.admin.fleet.Fleet;
import org.knut.admin.fleet.Metric;
import org.knut.admin.fleet.MonitoredUps;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The pages that only read (upsstats's and upsimage's jobs): the overview of every UPS, one UPS with
 * its charts, events and variables, the fragments live updates swap in, and each gauge as an SVG image.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class Pages {
    @Inject
    Fleet fleet;

    @Inject
    Html html;

    @GET
    public TemplateInstance overview(@RestCookie(Sessions.COOKIE) String cookie) {
        List<UpsView> upses = fleet.all().stream().map(html::view).toList();
        String hostsFile = fleet.configuration().map(c -> c.hostsFile().toString()).orElse("hosts.conf");
        return Templates.overview(upses, hostsFile, html.page("UPS overview", html.session(cookie), true));
    }

    @GET
    @Path("ups/{system}/card")
    public TemplateInstance card(@PathParam("system") String system) {
        return Templates.overview$card(html.view(html.ups(system)));
    }

    @GET
    @Path("ups/{system}")
    public TemplateInstance ups(@PathParam("system") String system, @RestCookie(Sessions.COOKIE) String cookie) {
        MonitoredUps u = html.ups(system);
        var r = u.latest();
        return Templates.ups(html.view(u), charts(u), EventView.of(u.events().entries(), Html.ZONE),
                VariableGroup.of(r == null ? java.util.Map.of() : r.variables()),
                html.page(u.system(), html.session(cookie), true));
    }

    @GET
    @Path("ups/{system}/live")
    public TemplateInstance live(@PathParam("system") String system) {
        MonitoredUps u = html.ups(system);
        return Templates.ups$live(html.view(u), charts(u), EventView.of(u.events().entries(), Html.ZONE));
    }

    /** upsimage's successor: one gauge as a standalone SVG image, e.g. for another dashboard. */
    @GET
    @Path("ups/{system}/gauge/{metric}.svg")
    @Produces("image/svg+xml")
    public Response gauge(@PathParam("system") String system, @PathParam("metric") String slug) {
        MonitoredUps u = html.ups(system);
        Metric m = Metric.bySlug(slug);
        if (m == null) {
            throw new NotFoundException("no gauge " + slug + "; there are " + Arrays.stream(Metric.values()).map(Metric::slug).toList());
        }
        Gauge g = u.latest() == null || !u.latest().ok() ? null : Gauge.of(u.latest(), m);
        if (g == null) {
            return Response.status(404).type(MediaType.TEXT_PLAIN).entity(u.system() + " reports no " + m.variable() + "\n").build();
        }
        return Response.ok(Templates.gauge(g).render(), "image/svg+xml").header("Cache-Control", "no-cache").build();
    }

    private static List<Chart> charts(MonitoredUps u) {
        return Arrays.stream(Metric.values()).map(m -> Chart.of(u.history(), m, Html.ZONE)).filter(c -> !c.empty()).toList();
    }
}
