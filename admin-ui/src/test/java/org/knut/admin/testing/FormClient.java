package org.knut.admin.testing;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser without JavaScript, for RestAssured: keeps its cookies (session and CSRF), reads the CSRF
 * token from the forms it is served, and posts forms with it. Redirects are not followed, so tests see
 * each 303.
 */
public final class FormClient {
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private final CookieFilter cookies = new CookieFilter();
    private String token;

    public RequestSpecification request() {
        return given().filter(cookies).urlEncodingEnabled(false).redirects().follow(false);
    }

    public Response get(String path) {
        Response r = request().get(path);
        Matcher m = TOKEN.matcher(r.asString());
        if (m.find()) {
            token = m.group(1);
        }
        return r;
    }

    /** Posts {@code form} with the CSRF token of the last form page. */
    public Response post(String path, Map<String, String> form) {
        if (token == null) {
            get("/login");
        }
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.putIfAbsent("csrf-token", token);
        return postRaw(path, withToken);
    }

    /** Posts exactly {@code form}: no token added. */
    public Response postRaw(String path, Map<String, String> form) {
        return request().contentType("application/x-www-form-urlencoded").formParams(form).post(path);
    }

    public FormClient login(String user, String password) {
        get("/login");
        Response r = post("/login", Map.of("username", user, "password", password, "next", "/"));
        if (r.statusCode() != 303) {
            throw new AssertionError("login as " + user + ": " + r.statusCode() + "\n" + r.asString());
        }
        return this;
    }

    /** Follows a 303 as a browser does: GET of its Location. */
    public Response follow(Response redirect) {
        if (redirect.statusCode() != 303) {
            throw new AssertionError("expected a 303, got " + redirect.statusCode() + "\n" + redirect.asString());
        }
        return get(redirect.header("Location"));
    }

    /** The URL path of a UPS page: {@code /ups/demo%40127.0.0.1%3A3493}. */
    public static String ups(String system) {
        return "/ups/" + java.net.URLEncoder.encode(system, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
