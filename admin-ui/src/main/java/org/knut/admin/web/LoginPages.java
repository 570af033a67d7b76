package org.knut.admin.web;

import java.net.URI;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.knut.admin.upsd.Credentials;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Login with a upsd user (upsd.users), as upsset asks for one. upsd only checks the password when a
 * change is made (NUT's USERNAME and PASSWORD always answer OK), so a wrong password shows as
 * ACCESS-DENIED on the first change, with the same message upsd gives.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPages {
    @Inject
    Html html;

    @Inject
    Sessions sessions;

    @GET
    @Path("login")
    public Response form(@RestQuery String next, @RestCookie(Sessions.COOKIE) String cookie) {
        return Html.html(200, Templates.login(safe(next), "", null, html.page("Log in", html.session(cookie), false)));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@RestForm String username, @RestForm String password, @RestForm String next) {
        String problem = Optional.ofNullable(FormInput.problem("user name", username, FormInput.MAX_NAME, true))
                .orElse(FormInput.problem("password", password, FormInput.MAX_VALUE, true));
        if (problem != null) {
            String error = username == null || username.isEmpty() ? "USERNAME-REQUIRED"
                    : password == null || password.isEmpty() ? "PASSWORD-REQUIRED" : "INVALID-ARGUMENT";
            return Html.html(400, Templates.login(safe(next), username == null ? "" : username, Notice.error(error, problem),
                    html.page("Log in", Optional.empty(), false)));
        }
        Sessions.Session s = sessions.create(new Credentials(username, password));
        return Response.seeOther(URI.create(safe(next))).cookie(Sessions.cookie(s)).build();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@RestCookie(Sessions.COOKIE) String cookie) {
        sessions.end(cookie);
        return Response.seeOther(URI.create("/")).cookie(Sessions.expiredCookie()).build();
    }

    /** Only a path of this site: never a redirect elsewhere ({@code //host}, {@code https:...}). */
    static String safe(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.length() > 512) {
            return "/";
        }
        return next;
    }
}
