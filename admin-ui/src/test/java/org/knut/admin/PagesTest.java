package org.knut.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.knut.admin.testing.AdminStack;
import org.knut.admin.testing.FormClient;
import org.knut.core.client.NutClient;
import org.knut.core.testing.Await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The read-only pages (upsstats's and upsimage's jobs) against a real NUT upsd (dummy-ups and a test
 * driver) and a knut upsd's REST API: what they show is what the upsds serve.
 */
@QuarkusTest
@QuarkusTestResource(AdminStack.class)
class PagesTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    private final FormClient browser = new FormClient();

    private String card(String system) {
        String body = browser.get("/").then().statusCode(200).extract().asString();
        int at = body.indexOf("data-ups=\"" + system + "\"");
        assertTrue(at > 0, system + " on the overview");
        return body.substring(at, body.indexOf("</article>", at));
    }

    private void awaitCard(String system, String text) {
        Await.until(system + " shows '" + text + "'", WAIT, () -> card(system).contains(text));
    }

    @Test
    void overviewShowsEveryUpsWithItsConditionAndGauges() throws Exception {
        awaitCard(AdminStack.rackSystem, "aria-label=\"Battery charge 80 %\"");
        String rack = card(AdminStack.rackSystem);
        assertTrue(rack.contains("data-condition=\"ONLINE\">On line<"), rack);
        for (String gauge : List.of("Battery charge 80 %", "Runtime 30 min", "Load 35 %", "Input voltage 121.5 V",
                "Output voltage 120 V")) {
            assertTrue(rack.contains("aria-label=\"" + gauge + "\""), gauge + " in " + rack);
        }
        assertTrue(rack.contains("<li title=\"CHRG\">Charging</li>"), rack);

        // the real dummy-ups: the gauges carry what upsd serves
        Map<String, String> demo;
        try (NutClient c = AdminStack.sandbox.client()) {
            demo = c.listVars("demo");
        }
        awaitCard(AdminStack.demoSystem, "Battery charge " + demo.get("battery.charge") + " %");
        assertTrue(card(AdminStack.demoSystem).contains("Load " + demo.get("ups.load") + " %"));

        awaitCard(AdminStack.clusterSystem, "aria-label=\"Battery charge 97 %\"");
        assertTrue(card(AdminStack.clusterSystem).contains("Input voltage 230.5 V"));
        assertTrue(card(AdminStack.clusterSystem).contains("knut upsd over REST"));
    }

    @Test
    void upsPageListsEveryVariableAsUpsdServesIt() throws Exception {
        // the real dummy-ups and the test driver behind the real NUT upsd: every variable of LIST VAR, no more
        for (String ups : List.of("demo", "rack")) {
            String system = AdminStack.sandbox.ups(ups);
            Await.until("every variable of " + ups + " on its page", WAIT,
                    () -> variablesOnPage(system).equals(listVars(ups)));
            assertEquals(listVars(ups), variablesOnPage(system), ups);
        }
        String demo = browser.get(FormClient.ups(AdminStack.demoSystem)).asString();
        assertTrue(demo.contains("served by NUT upsd 127.0.0.1:" + AdminStack.sandbox.port()), "the upsd named");
        String cluster = browser.get(FormClient.ups(AdminStack.clusterSystem)).then().statusCode(200).extract().asString();
        assertTrue(cluster.contains("<code>device.model</code></th><td>Smart 1500</td>"), cluster);
        assertTrue(cluster.contains("served by knut upsd " + AdminStack.rest.base()), cluster);
    }

    private static Map<String, String> listVars(String ups) {
        try (NutClient c = AdminStack.sandbox.client()) {
            return c.listVars(ups);
        } catch (Exception e) {
            throw new AssertionError("LIST VAR " + ups, e);
        }
    }

    private static final Pattern VARIABLE_ROW = Pattern.compile("<tr><th scope=\"row\"><code>([^<]*)</code></th><td>([^<]*)</td></tr>");

    /** The variables tables of a UPS page, unescaped: name to value. */
    private Map<String, String> variablesOnPage(String system) {
        String body = browser.get(FormClient.ups(system)).then().statusCode(200).extract().asString();
        Map<String, String> vars = new TreeMap<>();
        Matcher m = VARIABLE_ROW.matcher(body);
        while (m.find()) {
            vars.put(unescape(m.group(1)), unescape(m.group(2)));
        }
        return vars;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    @Test
    void historyIsDrawnAsChartsAndFollowsTheValues() {
        String path = FormClient.ups(AdminStack.rackSystem) + "/live";
        Await.until("a few samples of rack", WAIT, () -> samples(browser.get(path).asString(), "load") >= 3);
        AdminStack.rack.setInfo("ups.load", "70");
        try {
            Await.until("the new load in the chart", WAIT, () -> browser.get(path).asString()
                    .contains("Load: <strong>70 %</strong>"));
            String live = browser.get(path).asString();
            String chart = live.substring(live.indexOf("<figure class=\"chart\" data-metric=\"load\""));
            chart = chart.substring(0, chart.indexOf("</figure>"));
            String points = chart.substring(chart.indexOf("points=\"") + 8);
            points = points.substring(0, points.indexOf('"'));
            String[] xy = points.split(" ");
            assertTrue(xy.length >= 3, points);
            // load 35 of 0..100 sits at y = 150 - 35% of 150; the last point, 70, at 150 - 70% of 150
            assertEquals("97.5", xy[0].split(",")[1], points);
            assertEquals("45", xy[xy.length - 1].split(",")[1], points);
            assertEquals("600", xy[xy.length - 1].split(",")[0], "the newest sample at the right edge");
        } finally {
            AdminStack.rack.setInfo("ups.load", "35");
        }
    }

    private static int samples(String live, String metric) {
        int at = live.indexOf("<figure class=\"chart\" data-metric=\"" + metric + "\"");
        if (at < 0) {
            return 0;
        }
        String rest = live.substring(at);
        String count = rest.substring(rest.indexOf('(') + 1, rest.indexOf(" samples"));
        return Integer.parseInt(count);
    }

    @Test
    void statusChangesBecomeEventsWithTimes() {
        String path = FormClient.ups(AdminStack.rackSystem) + "/live";
        try {
            AdminStack.rack.setInfo("ups.status", "OB DISCHRG");
            awaitCard(AdminStack.rackSystem, "data-condition=\"ON_BATTERY\">On battery<");
            AdminStack.rack.setInfo("ups.status", "OB DISCHRG LB");
            awaitCard(AdminStack.rackSystem, "data-condition=\"LOW_BATTERY\">Low battery<");
            AdminStack.rack.setInfo("ups.test.result", "Done and passed");
            AdminStack.rack.setInfo("ups.status", "OL CHRG");
            awaitCard(AdminStack.rackSystem, "data-condition=\"ONLINE\">On line<");
            Await.until("the self-test event", WAIT, () -> browser.get(path).asString().contains("Self-test: Done and passed"));
            String live = browser.get(path).asString();
            List<String> events = List.of("Self-test: Done and passed", "Power back: no longer on battery", "Battery low",
                    "Power failure: on battery");
            int last = -1;
            for (String e : events) { // newest first
                int at = live.indexOf(e);
                assertTrue(at > last, e + " after the newer events in\n" + live);
                last = at;
            }
            assertTrue(live.matches("(?s).*<li class=\"warn\"><time datetime=\"\\d{4}-\\d\\d-\\d\\dT[^\"]+\">\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d</time> Power failure: on battery</li>.*"),
                    "events carry their time");
        } finally {
            AdminStack.rack.setInfo("ups.status", "OL CHRG");
        }
    }

    @Test
    void staleDataShowsNutsErrorName() {
        AdminStack.rest.stale(AdminStack.cluster, true);
        try {
            awaitCard(AdminStack.clusterSystem, "data-condition=\"STALE\">Stale: DATA-STALE<");
            assertTrue(card(AdminStack.clusterSystem).contains("<strong>DATA-STALE</strong>"));
        } finally {
            AdminStack.rest.stale(AdminStack.cluster, false);
        }
        awaitCard(AdminStack.clusterSystem, "data-condition=\"ONLINE\"");

        AdminStack.rack.setDataOk(false); // the real upsd answers DATA-STALE at once
        try {
            awaitCard(AdminStack.rackSystem, "Stale: DATA-STALE");
        } finally {
            AdminStack.rack.setDataOk(true);
        }
        awaitCard(AdminStack.rackSystem, "data-condition=\"ONLINE\"");
        Await.until("the events of it", WAIT, () -> {
            String live = browser.get(FormClient.ups(AdminStack.rackSystem) + "/live").asString();
            return live.contains("Data lost: DATA-STALE") && live.contains("Data back: status OL CHRG");
        });
    }

    @Test
    void eachGaugeIsAStandaloneSvgImage() throws Exception {
        awaitCard(AdminStack.rackSystem, "Battery charge 80 %");
        String svg = browser.request().get(FormClient.ups(AdminStack.rackSystem) + "/gauge/charge.svg").then().statusCode(200)
                .contentType(startsWith("image/svg+xml")).extract().asString();
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName(), "well-formed SVG");
        assertEquals("Battery charge 80 %", doc.getDocumentElement().getAttribute("aria-label"));
        browser.request().get(FormClient.ups(AdminStack.rackSystem) + "/gauge/input-voltage.svg").then().statusCode(200)
                .body(containsString("Input voltage 121.5 V"));
        browser.request().get(FormClient.ups(AdminStack.rackSystem) + "/gauge/nope.svg").then().statusCode(404);
    }

    @Test
    void upsesNotInHostsConfAreRefused() {
        browser.get("/ups/other%40127.0.0.1%3A1").then().statusCode(404).body(containsString("UNKNOWN-UPS"))
                .body(containsString("not listed in hosts.conf"));
        browser.get("/ups/other%40127.0.0.1%3A1/settings").then().statusCode(404);
    }

    @Test
    void pagesWorkWithoutJavaScript() {
        String body = browser.get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'")).extract().asString();
        // without JavaScript the page reloads itself; the script (external: no inline code) only adds live updates
        assertTrue(body.contains("<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>"), body);
        assertEquals(1, body.split("<script").length - 1, "one script");
        assertTrue(body.contains("<script src=\"/admin.js\" defer></script>"));
    }
}
