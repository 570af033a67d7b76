package org.knut.upsd.metrics;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.knut.upsd.Upsd;
import org.knut.upsd.UpsdService;
import org.knut.upsd.api.ApiException;
import org.knut.upsd.state.ServedUps;

import io.prometheus.client.exporter.common.TextFormat;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

/**
 * nut_exporter's per-UPS endpoint: {@code /ups_metrics?ups=NAME} with its {@code variables} and
 * {@code statuses} query parameters, metrics without a {@code ups} label (as nut_exporter's: the scrape
 * config sets it, from a static label or by relabelling {@code __param_ups}), so scrape configs written
 * for nut_exporter only need the new address.
 */
@Path("/ups_metrics")
@Tag(name = "Metrics")
public class UpsMetricsResource {
    @Inject
    UpsdService service;

    @GET
    @Produces(TextFormat.CONTENT_TYPE_004)
    @Operation(summary = "One UPS's metrics in nut_exporter's form (?ups=NAME, optional variables=, statuses=)")
    public String metrics(@QueryParam("ups") String ups, @QueryParam("variables") String variables,
            @QueryParam("statuses") String statuses) throws IOException {
        Upsd upsd = service.running().orElseThrow(ApiException::starting);
        ServedUps u = pick(upsd, ups);
        NutMetrics.Options options = new NutMetrics.Options(false, words(variables),
                statuses == null || statuses.isBlank() ? NutMetrics.DEFAULT_STATUSES : List.copyOf(words(statuses)));
        StringWriter out = new StringWriter();
        TextFormat.write004(out, Collections.enumeration(new NutMetrics(upsd.descriptions()).collect(List.of(u), options)));
        return out.toString();
    }

    /** The named UPS; without a name, the only one (nut_exporter fails the scrape when there are several). */
    private static ServedUps pick(Upsd upsd, String name) {
        if (name == null || name.isBlank()) {
            List<ServedUps> all = upsd.registry().all();
            if (all.size() != 1) {
                throw new ApiException(400, "INVALID-ARGUMENT", "several UPSes are served: add ?ups=NAME");
            }
            return all.get(0);
        }
        ServedUps u = upsd.registry().find(name);
        if (u == null) {
            throw new ApiException(404, "UNKNOWN-UPS", "no UPS called " + name);
        }
        return u;
    }

    /** A comma list as a set; null for an absent or empty list. */
    private static Set<String> words(String list) {
        if (list == null || list.isBlank()) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(list.split(",")).map(String::trim).filter(w -> !w.isEmpty()).forEach(out::add);
        return out;
    }
}
