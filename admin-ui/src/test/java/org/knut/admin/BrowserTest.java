package org.knut.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knut.admin.testing.AdminStack;
import org.knut.admin.testing.Chromium;
import org.knut.admin.testing.FormClient;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The real pages in Debian's headless Chromium: the overview's gauges, a power cut appearing on an open
 * page without a reload, login, a command and a setting with their results, a user without rights, and
 * the same pages with JavaScript turned off. Screenshots go to target/screenshots.
 */
@QuarkusTest
@QuarkusTestResource(AdminStack.class)
class BrowserTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL base;

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private void login(Chromium c, String user, String password, String next) {
        WebDriver d = c.driver();
        d.get(url(next));
        c.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        d.findElement(By.id("username")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(password);
        d.findElement(By.cssSelector("form.login button[type=submit]")).click();
        c.waiting(WAIT).until(ExpectedConditions.urlContains(next.substring(0, Math.min(next.length(), 12))));
    }

    /** Clicks Run on a command, then Yes on the confirmation page. */
    private void runCommand(Chromium c, String command) {
        c.driver().findElement(By.cssSelector("button[aria-label='Run " + command + "']")).click();
        c.waiting(WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.danger"))).click();
    }

    /** The status word of the result page. */
    private String result(Chromium c) {
        return c.waiting(WAIT).until(x -> x.findElement(By.cssSelector("#result strong")).getText());
    }

    @Test
    void overviewShowsGaugesAndAPowerCutWithoutAReload() throws Exception {
        try (Chromium c = Chromium.withJavaScript()) {
            WebDriver d = c.driver();
            d.get(url("/"));
            c.waiting(WAIT).until(x -> Chromium.card(x, AdminStack.clusterSystem).findElements(By.cssSelector("figure.gauge svg")).size() == 5);
            c.waiting(WAIT).until(x -> "Updates: live".equals(x.findElement(By.id("live-state")).getText()));
            List<String> captions = c.waiting(WAIT).until(x -> Chromium.card(x, AdminStack.rackSystem)
                    .findElements(By.cssSelector("figure.gauge figcaption")).stream().map(WebElement::getText).toList());
            assertEquals(List.of("Battery charge", "Runtime", "Load", "Input voltage", "Output voltage"), captions);
            int width = c.waiting(WAIT).until(x -> Chromium.card(x, AdminStack.rackSystem).findElement(By.cssSelector("figure.gauge svg"))
                    .getSize().getWidth());
            assertTrue(width > 50, "the gauge is drawn: " + width);
            c.screenshot("overview");

            // the page notes when the badge changes (same machine, same clock), so the delay excludes WebDriver's polling
            c.driver().executeScript("""
                    window.knutMarker = 'same page';
                    new MutationObserver(() => {
                      const card = [...document.querySelectorAll('article.card')].find(e => e.dataset.ups === arguments[0]);
                      if (!window.knutSeen && card && card.querySelector('.badge').textContent === 'On battery') {
                        window.knutSeen = Date.now();
                      }
                    }).observe(document.body, { childList: true, subtree: true });
                    """, AdminStack.clusterSystem);
            long cut = System.currentTimeMillis();
            AdminStack.rest.set(AdminStack.cluster, "ups.status", "OB DISCHRG");
            try {
                c.waiting(WAIT).until(x -> "On battery".equals(Chromium.card(x, AdminStack.clusterSystem).findElement(By.cssSelector(".badge")).getText()));
                long seen = ((Number) c.driver().executeScript("return window.knutSeen;")).longValue();
                System.out.printf("admin-ui: power cut on the knut upsd shown on the open page after %d ms (no reload)%n", seen - cut);
                assertTrue(seen >= cut, "seen after the cut");
                assertEquals("same page", c.driver().executeScript("return window.knutMarker;"), "updated in place, not reloaded");
                c.screenshot("overview-on-battery");
            } finally {
                AdminStack.rest.set(AdminStack.cluster, "ups.status", "OL");
            }
            c.waiting(WAIT).until(x -> "On line".equals(Chromium.card(x, AdminStack.clusterSystem).findElement(By.cssSelector(".badge")).getText()));

            d.get(url(FormClient.ups(AdminStack.rackSystem)));
            c.waiting(WAIT).until(x -> x.findElements(By.cssSelector("figure.chart polyline")).size() >= 5);
            c.screenshot("ups-page");
        }
    }

    @Test
    void anAdminRunsACommandAndChangesASetting() throws Exception {
        try (Chromium c = Chromium.withJavaScript()) {
            WebDriver d = c.driver();
            login(c, "admin", "adminpass", FormClient.ups(AdminStack.rackSystem) + "/commands");
            runCommand(c, "test.battery.start");
            assertEquals("SUCCESS", result(c));
            c.screenshot("command-result");

            d.get(url(FormClient.ups(AdminStack.clusterSystem) + "/settings"));
            WebElement form = d.findElement(By.id("var-input-transfer-low")).findElement(By.xpath("./ancestor::form"));
            new Select(d.findElement(By.id("var-input-transfer-low"))).selectByValue("160");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            assertEquals("SUCCESS", result(c));
            assertEquals("SET input.transfer.low = 160", d.findElement(By.tagName("h1")).getText());
        }
    }

    @Test
    void aUserWithoutRightsCannot() throws Exception {
        try (Chromium c = Chromium.withJavaScript()) {
            login(c, "monuser", "monpass", FormClient.ups(AdminStack.clusterSystem) + "/commands");
            runCommand(c, "load.off");
            String alert = c.waiting(WAIT).until(x -> x.findElement(By.cssSelector("[role=alert]")).getText());
            assertTrue(alert.startsWith("ACCESS-DENIED: Access denied"), alert);
        }
    }

    @Test
    void everythingWorksWithJavaScriptTurnedOff() throws Exception {
        try (Chromium c = Chromium.withoutJavaScript()) {
            WebDriver d = c.driver();
            d.get(url("/"));
            c.waiting(WAIT).until(x -> Chromium.card(x, AdminStack.rackSystem).findElements(By.cssSelector("figure.gauge svg")).size() == 5);
            // the script would have said "live": it did not run, and the page reloads itself instead
            String state = c.waiting(WAIT).until(x -> x.findElement(By.id("live-state")).getText());
            assertTrue(state.startsWith("Updates: reload every"), state);
            c.screenshot("overview-without-javascript");

            login(c, "admin", "adminpass", FormClient.ups(AdminStack.rackSystem) + "/commands");
            runCommand(c, "beeper.toggle");
            assertEquals("SUCCESS", result(c));
            assertTrue(AdminStack.rackDriver.received().stream().anyMatch(l -> l.startsWith("INSTCMD beeper.toggle TRACKING ")));

            // a power cut shows after the page's own reload, with no script at all
            AdminStack.rack.setInfo("ups.status", "OB DISCHRG");
            try {
                d.get(url("/"));
                c.waiting(Duration.ofSeconds(30)).until(x -> "On battery".equals(
                        Chromium.card(x, AdminStack.rackSystem).findElement(By.cssSelector(".badge")).getText()));
            } finally {
                AdminStack.rack.setInfo("ups.status", "OL CHRG");
            }
        }
    }
}
