package org.knut.upsd.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.knut.core.protocol.NutError;
import org.knut.upsd.Upsd;
import org.knut.upsd.UpsdService;
import org.knut.upsd.control.Requester;
import org.knut.upsd.control.UpsControl;
import org.knut.upsd.state.ServedUps;
import org.knut.upsd.state.TrackingTable;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The UPSes as JSON, and the two requests that change one (instant commands and variables), with the
 * users and rights of upsd.users (HTTP Basic). Changes are always tracked: the reply names the tracking
 * id whose result {@code GET /api/v1/tracking/{id}} gives.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "UPS")
@SecurityScheme(securitySchemeName = "upsd-user", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "a user of upsd.users (or knut.upsd.users.*) with the rights the request needs")
public class UpsResource {
    /** What a change request returns: the tracking id and where to read its result. */
    public record Accepted(String tracking, String status, String location) {
    }

    @Inject
    UpsdService service;

    @Inject
    ChangeRequests changes;

    private Upsd upsd() {
        return service.running().orElseThrow(ApiException::starting);
    }

    private ServedUps ups(String name) {
        ServedUps u = upsd().registry().find(name);
        if (u == null) {
            throw ApiException.of(NutError.UNKNOWN_UPS, "no UPS called " + name);
        }
        return u;
    }

    @GET
    @Path("/ups")
    @Operation(summary = "Every configured UPS with its state and status")
    public List<UpsViews.Summary> list() {
        return service.upses().stream().map(UpsViews::summary).toList();
    }

    @GET
    @Path("/ups/{name}")
    @Operation(summary = "One UPS: its variables, status flags, writable variables and instant commands")
    @APIResponse(responseCode = "404", description = "UNKNOWN-UPS")
    @APIResponse(responseCode = "503", description = "DRIVER-NOT-CONNECTED or DATA-STALE")
    public UpsViews.Detail get(@PathParam("name") String name) {
        ServedUps u = ups(name);
        NutError unavailable = u.availability().error();
        if (unavailable != null) {
            throw ApiException.of(unavailable, "UPS " + u.name() + ": " + u.condition());
        }
        return UpsViews.detail(u, upsd().descriptions());
    }

    @POST
    @Path("/ups/{name}/commands/{command}")
    @Operation(summary = "Run an instant command (user needs it in instcmds)")
    @SecurityRequirement(name = "upsd-user")
    @RequestBody(required = false, description = "optional JSON {\"parameter\": \"...\"} (or the parameter as plain text)")
    @APIResponse(responseCode = "202", description = "handed to the driver; the tracking id tells the outcome")
    @APIResponse(responseCode = "401", description = "no or wrong credentials")
    @APIResponse(responseCode = "403", description = "ACCESS-DENIED")
    @APIResponse(responseCode = "404", description = "UNKNOWN-UPS or CMD-NOT-SUPPORTED")
    public Response command(@PathParam("name") String name, @PathParam("command") String command,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context HttpServerRequest request, String body) {
        Requester who = changes.authenticate(authorization, request, upsd().control(), name, "INSTCMD",
                "cmd", command);
        String parameter = changes.field(contentType, body, "parameter", false);
        UpsControl.Outcome o = upsd().control().instcmd(ups(name), who, command, parameter, true);
        return accepted(o, "instant command " + command);
    }

    @PUT
    @Path("/ups/{name}/variables/{variable}")
    @Operation(summary = "Set a writable variable (user needs actions = SET)")
    @SecurityRequirement(name = "upsd-user")
    @RequestBody(required = true, description = "JSON {\"value\": \"...\"} (or the value as plain text)")
    @APIResponse(responseCode = "202", description = "handed to the driver; the tracking id tells the outcome")
    @APIResponse(responseCode = "400", description = "READONLY, INVALID-VALUE, TOO-LONG or INVALID-ARGUMENT")
    @APIResponse(responseCode = "401", description = "no or wrong credentials")
    @APIResponse(responseCode = "403", description = "ACCESS-DENIED")
    @APIResponse(responseCode = "404", description = "UNKNOWN-UPS or VAR-NOT-SUPPORTED")
    public Response setVariable(@PathParam("name") String name, @PathParam("variable") String variable,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context HttpServerRequest request, String body) {
        Requester who = changes.authenticate(authorization, request, upsd().control(), name, "SET",
                "var", variable);
        String value = changes.field(contentType, body, "value", true);
        UpsControl.Outcome o = upsd().control().setVar(ups(name), who, variable, value, true);
        return accepted(o, "variable " + variable);
    }

    @GET
    @Path("/tracking/{id}")
    @Operation(summary = "The outcome of a command or SET: PENDING, SUCCESS, or the NUT error")
    public TrackingView tracking(@PathParam("id") String id) {
        TrackingTable table = upsd().control().tracking();
        if (!table.knows(id)) {
            throw new ApiException(404, "UNKNOWN", "no request with tracking id " + id + " (or it is too old)");
        }
        String status = table.status(id);
        return new TrackingView(id, status.startsWith("ERR ") ? status.substring(4) : status);
    }

    /** {@code status}: PENDING, SUCCESS, or the driver's error: UNKNOWN, INVALID-ARGUMENT, FAILED. */
    public record TrackingView(String id, String status) {
    }

    private static Response accepted(UpsControl.Outcome o, String what) {
        if (!o.accepted()) {
            throw ApiException.of(o.error(), what + ": " + o.error().code());
        }
        String location = "/api/v1/tracking/" + o.trackingId();
        return Response.status(202).header(HttpHeaders.LOCATION, location)
                .entity(new Accepted(o.trackingId(), TrackingTable.PENDING, location)).build();
    }
}
