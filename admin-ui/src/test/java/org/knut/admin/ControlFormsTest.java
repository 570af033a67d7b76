package org.knut.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knut.admin.testing.AdminStack;
import org.knut.admin.testing.FakeKnutUpsd;
import org.knut.admin.testing.FormClient;
import org.knut.core.sock.TrackingResult;
import org.knut.core.testing.Await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * upsset's job, through the forms as a browser without JavaScript posts them: login, CSRF, the right
 * input per variable type, SET and INSTCMD reaching the real upsd's driver (NUT protocol) and the knut
 * upsd (REST) as the logged-in user, the tracking result, and NUT's error names when upsd refuses.
 */
@QuarkusTest
@QuarkusTestResource(AdminStack.class)
class ControlFormsTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    private static String rack() {
        return FormClient.ups(AdminStack.rackSystem);
    }

    private static String cluster() {
        return FormClient.ups(AdminStack.clusterSystem);
    }

    private static FormClient admin() {
        return new FormClient().login("admin", "adminpass");
    }

    @Test
    void settingsAndCommandsNeedALogin() {
        FormClient anonymous = new FormClient();
        anonymous.get(rack() + "/settings").then().statusCode(303)
                .header("Location", endsWith("/login?next=" + FormClient.ups(rack() + "/settings").substring(5)));
        anonymous.get(rack() + "/commands").then().statusCode(303).header("Location", containsString("/login?next="));
        int before = AdminStack.rackDriver.received().size();
        anonymous.post(rack() + "/commands", Map.of("command", "load.off", "confirm", "yes")).then().statusCode(303);
        assertTrue(AdminStack.rackDriver.received().stream().skip(before).noneMatch(l -> l.startsWith("INSTCMD")));
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        FormClient b = admin();
        int before = AdminStack.rackDriver.received().size();
        b.postRaw(rack() + "/commands", Map.of("command", "beeper.toggle", "confirm", "yes")).then().statusCode(400);
        b.postRaw(rack() + "/commands", Map.of("command", "beeper.toggle", "confirm", "yes", "csrf-token", "forged"))
                .then().statusCode(400);
        b.postRaw(rack() + "/settings", Map.of("variable", "ups.id", "value", "x")).then().statusCode(400);
        new FormClient().postRaw("/login", Map.of("username", "admin", "password", "adminpass")).then().statusCode(400);
        assertTrue(AdminStack.rackDriver.received().stream().skip(before).noneMatch(l -> l.startsWith("INSTCMD") || l.startsWith("SET")));
        // with the token the same form goes through
        b.get(rack() + "/commands");
        b.post(rack() + "/commands", Map.of("command", "beeper.toggle", "confirm", "yes")).then().statusCode(303);
    }

    @Test
    void settingsOfferTheRightInputForEachType() {
        for (String ups : List.of(rack(), cluster())) {
            String page = admin().get(ups + "/settings").then().statusCode(200).extract().asString();
            assertTrue(page.matches("(?s).*<input id=\"var-ups-delay-shutdown\" name=\"value\" type=\"number\" step=\"any\" value=\"20\" required min=\"0\" max=\"600\">.*"),
                    "a number with min and max for a range:\n" + page);
            assertTrue(page.contains("<input id=\"var-ups-id\" name=\"value\" type=\"text\" value=\""), page);
            assertTrue(page.contains("required maxlength=\"8\">"), "a text with maxlength for a string:\n" + page);
            assertTrue(page.contains("<select id=\"var-input-transfer-low\" name=\"value\">"), "a select for an enum:\n" + page);
            assertTrue(page.contains("<label for=\"var-ups-id\"><code>ups.id</code>"), "labelled");
        }
        String rack = admin().get(rack() + "/settings").asString();
        String current = AdminStack.rack.value("input.transfer.low");
        for (String v : List.of("100", "105", "110")) {
            String option = "<option value=\"" + v + "\"" + (v.equals(current) ? " selected" : "") + ">" + v + "</option>";
            assertTrue(rack.contains(option), option + " in\n" + rack);
        }
    }

    @Test
    void setOverTheNutProtocolReachesTheDriverAndShowsItsResult() {
        FormClient b = admin();
        b.get(rack() + "/settings");
        Response accepted = b.post(rack() + "/settings", Map.of("variable", "input.transfer.low", "value", "110"));
        accepted.then().statusCode(303).header("Location", containsString(rack() + "/tracking/"));
        String id = accepted.header("Location").replaceAll(".*/tracking/", "");
        // NUT 2.8.0's upsd quotes the value on the driver socket
        assertTrue(AdminStack.rackDriver.received().contains("SET input.transfer.low \"110\" TRACKING " + id),
                AdminStack.rackDriver.received().toString());
        b.follow(accepted).then().statusCode(200).body(containsString("<h1>SET input.transfer.low = 110</h1>"))
                .body(containsString("data-status=\"SUCCESS\""));
        Await.until("the new value on the page", WAIT, () -> b.get(rack()).asString()
                .contains("<code>input.transfer.low</code></th><td>110</td>"));

        // upsd checks values as NUT does: the UI shows its error by name
        b.post(rack() + "/settings", Map.of("variable", "input.transfer.low", "value", "999")).then().statusCode(400)
                .body(containsString("<strong>INVALID-VALUE</strong>: The value is not one this variable accepts"));
        b.post(rack() + "/settings", Map.of("variable", "ups.id", "value", "much-too-long")).then().statusCode(400)
                .body(containsString("<strong>TOO-LONG</strong>"));
        b.post(rack() + "/settings", Map.of("variable", "battery.charge", "value", "5")).then().statusCode(400)
                .body(containsString("<strong>READONLY</strong>"));

        AdminStack.rackDriver.answer("ups.delay.shutdown", TrackingResult.FAILED);
        b.follow(b.post(rack() + "/settings", Map.of("variable", "ups.delay.shutdown", "value", "30")))
                .then().body(containsString("data-status=\"FAILED\"")).body(containsString("The driver reported that it failed"));
    }

    @Test
    void setOverRestGoesAsTheUserAndShowsUpsdsErrors() {
        FormClient b = admin();
        b.get(cluster() + "/settings");
        b.post(cluster() + "/settings", Map.of("variable", "input.transfer.low", "value", "150")).then().statusCode(400)
                .body(containsString("<strong>INVALID-VALUE</strong>"));
        b.post(cluster() + "/settings", Map.of("variable", "ups.delay.shutdown", "value", "9999")).then().statusCode(400)
                .body(containsString("<strong>INVALID-VALUE</strong>"));
        b.post(cluster() + "/settings", Map.of("variable", "ups.id", "value", "far-too-long")).then().statusCode(400)
                .body(containsString("<strong>TOO-LONG</strong>"));
        b.post(cluster() + "/settings", Map.of("variable", "battery.charge", "value", "1")).then().statusCode(400)
                .body(containsString("<strong>READONLY</strong>"));
        b.post(cluster() + "/settings", Map.of("variable", "no.such", "value", "1")).then().statusCode(404)
                .body(containsString("<strong>VAR-NOT-SUPPORTED</strong>"));

        Response accepted = b.post(cluster() + "/settings", Map.of("variable", "input.transfer.low", "value", "160"));
        FakeKnutUpsd.Received put = AdminStack.rest.received().get(AdminStack.rest.received().size() - 1);
        assertEquals(new FakeKnutUpsd.Received("PUT", "ups/cluster/variables/input.transfer.low", "admin", "{\"value\":\"160\"}"), put);
        // upsd says PENDING first: the result page waits for the outcome
        b.follow(accepted).then().statusCode(200).body(containsString("data-status=\"SUCCESS\""));
    }

    @Test
    void instantCommandsAreConfirmedThenRunAndTracked() {
        FormClient b = admin();
        String list = b.get(rack() + "/commands").then().statusCode(200).extract().asString();
        assertTrue(list.contains("<code>test.battery.start</code>") && list.contains("<code>load.off</code>"), list);
        int before = AdminStack.rackDriver.received().size();
        b.post(rack() + "/commands", Map.of("command", "test.battery.start")).then().statusCode(200)
                .body(containsString("Run <code>test.battery.start</code> on rack?"))
                .body(containsString("name=\"confirm\" value=\"yes\""));
        assertTrue(AdminStack.rackDriver.received().stream().skip(before).noneMatch(l -> l.startsWith("INSTCMD")),
                "nothing runs before the confirmation");
        Response accepted = b.post(rack() + "/commands", Map.of("command", "test.battery.start", "confirm", "yes"));
        String id = accepted.then().statusCode(303).extract().header("Location").replaceAll(".*/tracking/", "");
        b.follow(accepted).then().body(containsString("<h1>INSTCMD test.battery.start</h1>"))
                .body(containsString("data-status=\"SUCCESS\"")).body(containsString(id));
        // upsd answers the POST once it has sent the command on; the driver's own answer (SUCCESS, just
        // above) is what proves the line has reached it
        assertTrue(AdminStack.rackDriver.received().contains("INSTCMD test.battery.start TRACKING " + id));
        b.get(rack() + "/commands").then().body(containsString(">INSTCMD test.battery.start</a>"));

        AdminStack.rackDriver.answer("load.off", TrackingResult.FAILED);
        b.follow(b.post(rack() + "/commands", Map.of("command", "load.off", "parameter", "5", "confirm", "yes")))
                .then().body(containsString("<h1>INSTCMD load.off 5</h1>")).body(containsString("data-status=\"FAILED\""));
        assertTrue(AdminStack.rackDriver.received().stream().anyMatch(l -> l.startsWith("INSTCMD load.off 5 TRACKING ")));

        // over REST
        Response rest = b.post(cluster() + "/commands", Map.of("command", "test.battery.start", "confirm", "yes"));
        FakeKnutUpsd.Received post = AdminStack.rest.received().get(AdminStack.rest.received().size() - 1);
        assertEquals(new FakeKnutUpsd.Received("POST", "ups/cluster/commands/test.battery.start", "admin", "{}"), post);
        b.follow(rest).then().body(containsString("data-status=\"SUCCESS\""));
        b.post(cluster() + "/commands", Map.of("command", "no.such", "confirm", "yes")).then().statusCode(404)
                .body(containsString("<strong>CMD-NOT-SUPPORTED</strong>"));
    }

    @Test
    void aUserWithoutTheRightIsRefusedByUpsd() {
        FormClient monuser = new FormClient().login("monuser", "monpass");
        int before = AdminStack.rackDriver.received().size();
        monuser.get(rack() + "/commands");
        for (String ups : List.of(rack(), cluster())) {
            monuser.post(ups + "/commands", Map.of("command", "test.battery.start", "confirm", "yes")).then().statusCode(403)
                    .body(containsString("<strong>ACCESS-DENIED</strong>: Access denied"));
            monuser.post(ups + "/settings", Map.of("variable", "ups.id", "value", "x")).then().statusCode(403)
                    .body(containsString("<strong>ACCESS-DENIED</strong>"));
        }
        FormClient wrong = new FormClient().login("admin", "wrong");
        wrong.get(rack() + "/commands");
        for (String ups : List.of(rack(), cluster())) {
            wrong.post(ups + "/commands", Map.of("command", "test.battery.start", "confirm", "yes")).then().statusCode(403)
                    .body(containsString("<strong>ACCESS-DENIED</strong>"));
        }
        assertTrue(AdminStack.rackDriver.received().stream().skip(before).noneMatch(l -> l.startsWith("INSTCMD") || l.startsWith("SET")));
    }

    @Test
    void badInputGetsAClearMessage() {
        FormClient b = admin();
        b.get(rack() + "/settings");
        b.post(rack() + "/settings", Map.of("value", "1")).then().statusCode(400)
                .body(containsString("<strong>INVALID-ARGUMENT</strong>")).body(containsString("the form has no variable"));
        b.post(rack() + "/settings", Map.of("variable", "ups.id", "value", "x".repeat(300))).then().statusCode(400)
                .body(containsString("value is longer than 256 characters"));
        b.post(rack() + "/commands", Map.of("command", "load.off\nFSD rack", "confirm", "yes")).then().statusCode(400)
                .body(containsString("command contains a control character"));
        FormClient anonymous = new FormClient();
        anonymous.get("/login");
        anonymous.post("/login", Map.of("username", "admin")).then().statusCode(400)
                .body(containsString("<strong>PASSWORD-REQUIRED</strong>"));
        anonymous.post("/login", Map.of("username", "admin", "password", "adminpass", "next", "//evil.example/x"))
                .then().statusCode(303).header("Location", endsWith("/")).header("Location", not(containsString("evil")));
    }

    @Test
    void logoutWithoutTheCsrfTokenIsRefused() {
        FormClient b = admin();
        b.postRaw("/logout", Map.of()).then().statusCode(400);
        b.postRaw("/logout", Map.of("csrf-token", "forged")).then().statusCode(400);
        // a forged logout (another site's form) leaves the user logged in
        b.get(rack() + "/settings").then().statusCode(200).body(containsString("Logged in as <strong>admin</strong>"));
        b.post("/logout", Map.of()).then().statusCode(303);
        b.get(rack() + "/settings").then().statusCode(303);
    }

    @Test
    void logoutForgetsTheUser() {
        FormClient b = admin();
        b.get(rack() + "/settings").then().statusCode(200).body(containsString("Logged in as <strong>admin</strong>"));
        Response out = b.post("/logout", Map.of());
        out.then().statusCode(303);
        assertTrue(out.header("Set-Cookie") != null && out.getHeaders().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("knut-session=;") && c.contains("Max-Age=0")), out.getHeaders().toString());
        b.get(rack() + "/settings").then().statusCode(303);
        assertFalse(b.get("/").asString().contains("Logged in as"));
    }
}
