package org.knut.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knut.admin.testing.Chromium;
import org.knut.core.client.NutClient;
import org.knut.core.testing.Await;
import org.knut.core.testing.Command;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Headless Chromium drives the packaged admin UI on the packaged driver-service and upsd-service running
 * the demo configuration (as {@code ./knut demo} does): the overview shows the demo UPS; a power cut set on
 * the driver with Debian's real upsrw reaches the open page through upsd's events, without a reload; an
 * admin runs a command and changes a setting and sees what TRACKING says; a user without rights cannot;
 * the UPS page lists every variable upsd serves.
 *
 * <p>The UI polls upsd only once an hour here, so within the test's bound only the event chain (driver,
 * upsd's SSE, the UI's SSE to the browser, the fragment swap) can bring the power cut.
 */
class AdminUiOnKnutStackTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    /** The bound on the power cut's trip from upsrw to the open page; the docs quote well under a second. */
    static final Duration LIVE_BOUND = Duration.ofSeconds(2);
    static final Duration NO_POLL = Duration.ofHours(1);

    @TempDir
    static Path tmp;
    static KnutStack stack;
    static KnutAdminUi ui;

    @BeforeAll
    static void start() throws IOException {
        stack = KnutStack.demo(tmp.resolve("conf"));
        ui = new KnutAdminUi(stack, tmp.resolve("ui"), NO_POLL);
    }

    @AfterAll
    static void stop() {
        if (ui != null) {
            ui.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    private static String demoPage() {
        return "/ups/" + URLEncoder.encode(stack.ups("demo"), StandardCharsets.UTF_8);
    }

    private static WebElement demoCard(WebDriver d) {
        return Chromium.card(d, stack.ups("demo"));
    }

    private static String badge(WebDriver d) {
        return demoCard(d).findElement(By.cssSelector(".badge")).getText();
    }

    /** Sets a variable on the demo driver with Debian's upsrw, as the admin of upsd.users. */
    private static void upsrw(String assignment) {
        Command.Result r = Command.check("upsrw", "-s", assignment, "-u", NutConfDir.ADMIN, "-p", NutConfDir.ADMIN_PASSWORD,
                stack.ups("demo"));
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
    }

    private static String upsc(String variable) {
        return Command.check("upsc", stack.ups("demo"), variable).stdout().strip();
    }

    private static void login(Chromium c, String user, String password, String next) {
        WebDriver d = c.driver();
        d.get(ui.url("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
        d.findElement(By.id("username")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(password);
        d.findElement(By.cssSelector("form.login button[type=submit]")).click();
        c.waiting(WAIT).until(x -> x.getPageSource().contains("Logged in as <strong>" + user + "</strong>"));
    }

    /** Clicks Run on a command, then Yes on the confirmation page. */
    private static void runCommand(Chromium c, String command) {
        c.driver().findElement(By.cssSelector("button[aria-label='Run " + command + "']")).click();
        c.waiting(WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.danger"))).click();
    }

    /** Sets a writable variable on the settings page that is open. */
    private static void submitSetting(Chromium c, String variable, String value) {
        WebElement input = c.driver().findElement(By.id("var-" + variable.replace('.', '-')));
        input.clear();
        input.sendKeys(value);
        input.findElement(By.xpath("./ancestor::form")).findElement(By.cssSelector("button[type=submit]")).click();
    }

    @Test
    void overviewShowsTheDemoUpsAndAPowerCutArrivesThroughEventsWithoutAReload() throws Exception {
        try (Chromium c = Chromium.withJavaScript()) {
            WebDriver d = c.driver();
            d.get(ui.url("/"));
            c.waiting(WAIT).until(x -> demoCard(x).findElements(By.cssSelector("figure.gauge svg")).size() == 5);
            assertEquals("On line", badge(d));
            assertTrue(demoCard(d).getText().contains("knut demo UPS (simulated)"), demoCard(d).getText());
            // the browser's own EventSource to the UI is open
            c.waiting(WAIT).until(x -> "true".equals(x.findElement(By.tagName("body")).getAttribute("data-live-connected")));
            c.screenshot("knut-stack-overview");

            // the page notes when the badge changes (same machine, same clock), so the delay excludes WebDriver's polling
            c.driver().executeScript("""
                    window.knutMarker = 'same page';
                    new MutationObserver(() => {
                      const card = [...document.querySelectorAll('article.card')].find(e => e.dataset.ups === arguments[0]);
                      if (!window.knutSeen && card && card.querySelector('.badge').textContent === 'Low battery') {
                        window.knutSeen = Date.now();
                      }
                    }).observe(document.body, { childList: true, subtree: true });
                    """, stack.ups("demo"));
            long cut = System.currentTimeMillis();
            upsrw("ups.status=OB LB");
            try {
                c.waiting(WAIT).until(x -> "Low battery".equals(badge(x)));
                long delay = ((Number) c.driver().executeScript("return window.knutSeen;")).longValue() - cut;
                System.out.printf("admin-ui on the knut stack: power cut set with upsrw shown on the open page after %d ms"
                        + " (through upsd's events; the UI polls every %s)%n", delay, NO_POLL);
                assertTrue(delay >= 0, "seen after the cut: " + delay);
                assertTrue(delay < LIVE_BOUND.toMillis(), "the power cut took " + delay + " ms to show");
                assertEquals("same page", c.driver().executeScript("return window.knutMarker;"), "updated in place, not reloaded");
                assertEquals("true", d.findElement(By.tagName("body")).getAttribute("data-live-connected"));
                c.screenshot("knut-stack-overview-power-cut");
            } finally {
                upsrw("ups.status=OL");
            }
            c.waiting(WAIT).until(x -> "On line".equals(badge(x)));
        }
    }

    @Test
    void upsPageListsEveryVariableUpsdServes() throws Exception {
        Map<String, String> served;
        try (NutClient c = stack.client()) {
            served = c.listVars("demo");
        }
        try (Chromium c = Chromium.withJavaScript()) {
            // the variables table is read when the page is served (only the status part is live): reload until it has them all
            AtomicReference<Map<String, String>> shown = new AtomicReference<>();
            try {
                Await.until("every variable of LIST VAR demo on the UPS page", WAIT, () -> {
                    c.driver().get(ui.url(demoPage()));
                    shown.set(variablesOnPage(c.driver()));
                    return shown.get().equals(served);
                });
            } catch (AssertionError timedOut) {
                assertEquals(served, shown.get(), timedOut.getMessage());
            }
            c.screenshot("knut-stack-ups-page");
        }
    }

    /** The rows of the UPS page's variables tables: name to value. */
    private static Map<String, String> variablesOnPage(WebDriver d) {
        Map<String, String> vars = new TreeMap<>();
        for (WebElement row : d.findElements(By.cssSelector("table.vars tbody tr"))) {
            vars.put(row.findElement(By.tagName("th")).getText(), row.findElement(By.tagName("td")).getText());
        }
        return vars;
    }

    @Test
    void anAdminRunsACommandAndChangesASettingAndSeesWhatTrackingSays() throws Exception {
        String before = upsc("ups.delay.shutdown");
        String changed = Integer.toString(Integer.parseInt(before) + 5);
        try (Chromium c = Chromium.withJavaScript()) {
            WebDriver d = c.driver();
            login(c, NutConfDir.ADMIN, NutConfDir.ADMIN_PASSWORD, demoPage() + "/commands");
            // dummy-ups's one command: the driver takes it and answers UNKNOWN (as NUT's dummy-ups does)
            runCommand(c, "load.off");
            String status = c.waiting(WAIT).until(x -> {
                String s = x.findElement(By.cssSelector("#result strong")).getText();
                return s.equals("PENDING") ? null : s;
            });
            assertEquals("UNKNOWN", status, d.findElement(By.id("result")).getText());
            assertTrue(d.getPageSource().contains("Tracking id <code>"), "the result is TRACKING's");
            c.screenshot("knut-stack-command-result");

            d.get(ui.url(demoPage() + "/settings"));
            submitSetting(c, "ups.delay.shutdown", changed);
            c.waiting(WAIT).until(x -> "SUCCESS".equals(x.findElement(By.cssSelector("#result strong")).getText()));
            assertEquals("SET ups.delay.shutdown = " + changed, d.findElement(By.tagName("h1")).getText());
            assertEquals(changed, upsc("ups.delay.shutdown"), "the driver has the new value");
            // the UI rereads the UPS soon after a change (and upsd's event says so too): its page shows the new value
            Await.until("the new ups.delay.shutdown on the UPS page", WAIT, () -> {
                d.get(ui.url(demoPage()));
                return changed.equals(variablesOnPage(d).get("ups.delay.shutdown"));
            });
            // and back through the UI: upsd's events are status changes only, so a value set behind the UI's
            // back would show only at its next poll (an hour here)
            d.get(ui.url(demoPage() + "/settings"));
            submitSetting(c, "ups.delay.shutdown", before);
            c.waiting(WAIT).until(x -> "SUCCESS".equals(x.findElement(By.cssSelector("#result strong")).getText()));
        } finally {
            upsrw("ups.delay.shutdown=" + before);
        }
    }

    @Test
    void aUserWithoutRightsCannot() throws Exception {
        String before = upsc("ups.delay.shutdown");
        try (Chromium c = Chromium.withJavaScript()) {
            WebDriver d = c.driver();
            login(c, NutConfDir.MONUSER, NutConfDir.MONPASS, demoPage() + "/commands");
            runCommand(c, "load.off");
            String alert = c.waiting(WAIT).until(x -> x.findElement(By.cssSelector("[role=alert]")).getText());
            assertTrue(alert.startsWith("ACCESS-DENIED"), alert);

            d.get(ui.url(demoPage() + "/settings"));
            submitSetting(c, "ups.delay.shutdown", "99");
            alert = c.waiting(WAIT).until(x -> x.findElement(By.cssSelector("[role=alert]")).getText());
            assertTrue(alert.startsWith("ACCESS-DENIED"), alert);
            assertEquals(before, upsc("ups.delay.shutdown"), "the driver's value is unchanged");
            assertTrue(d.findElements(By.id("result")).isEmpty(), "no result page");
        }
    }
}
