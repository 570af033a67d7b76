package org.knut.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knut.admin.testing.AdminStack;
import org.knut.admin.testing.Chromium;
import org.knut.admin.testing.FormClient;
import org.knut.admin.testing.PageChecks;
import org.knut.admin.testing.PageChecks.TextContrast;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every page a logged-in admin sees, measured in headless Chromium: WCAG AA text contrast in light and
 * dark mode, a label on every form control, no sideways scrolling on a phone, and dark mode really dark.
 * {@code rack} is on battery and {@code cluster} on low battery meanwhile, so the amber and red badges
 * and events are on the pages.
 */
@QuarkusTest
@QuarkusTestResource(AdminStack.class)
class AccessibilityTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final int PHONE_WIDTH = 375;

    @TestHTTPResource("/")
    URL base;

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    @BeforeEach
    void powerTrouble() {
        AdminStack.rack.setInfo("ups.status", "OB DISCHRG");
        AdminStack.rest.set(AdminStack.cluster, "ups.status", "OB LB");
    }

    @AfterEach
    void powerBack() {
        AdminStack.rack.setInfo("ups.status", "OL CHRG");
        AdminStack.rest.set(AdminStack.cluster, "ups.status", "OL");
    }

    private static String badge(WebDriver d, String system) {
        return Chromium.card(d, system).findElement(By.cssSelector(".badge")).getText();
    }

    /**
     * Opens every page in turn and hands its name to {@code check}: the login page, then as the admin the
     * overview, both UPS pages, settings, commands, a command's confirmation and its result.
     */
    private void visitEveryPage(Chromium c, Consumer<String> check) {
        WebDriver d = c.driver();
        d.get(url("/"));
        c.waiting(WAIT).until(x -> "On battery".equals(badge(x, AdminStack.rackSystem))
                && "Low battery".equals(badge(x, AdminStack.clusterSystem)));
        d.get(url("/login"));
        check.accept("login");
        d.findElement(By.id("username")).sendKeys("admin");
        d.findElement(By.id("password")).sendKeys("adminpass");
        d.findElement(By.cssSelector("form.login button[type=submit]")).click();
        c.waiting(WAIT).until(x -> x.getPageSource().contains("Logged in as"));
        String rack = FormClient.ups(AdminStack.rackSystem);
        String cluster = FormClient.ups(AdminStack.clusterSystem);
        for (String path : List.of("/", rack, cluster, rack + "/settings", cluster + "/settings", rack + "/commands")) {
            d.get(url(path));
            check.accept(path);
        }
        d.findElement(By.cssSelector("button[aria-label='Run beeper.toggle']")).click();
        c.waiting(WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.danger")));
        check.accept("confirmation of beeper.toggle");
        d.findElement(By.cssSelector("button.danger")).click();
        c.waiting(WAIT).until(x -> "SUCCESS".equals(x.findElement(By.cssSelector("#result strong")).getText()));
        check.accept("result of beeper.toggle");
    }

    @Test
    void everyTextHasWcagAaContrastInLightAndDarkMode() throws IOException {
        for (String scheme : List.of("light", "dark")) {
            try (Chromium c = Chromium.withJavaScript()) {
                c.preferColorScheme(scheme);
                List<String> tooPale = new ArrayList<>();
                Set<String> measured = new HashSet<>();
                visitEveryPage(c, page -> {
                    for (TextContrast t : PageChecks.contrasts(c.driver())) {
                        measured.add(t.element() + " " + t.text());
                        if (!t.enough()) {
                            tooPale.add(page + ": " + t);
                        }
                    }
                });
                assertEquals(List.of(), tooPale, scheme + " mode");
                // the badges and events of every colour were among the texts measured
                for (String text : List.of("p.badge.warn On battery", "p.badge.crit Low battery", "p.badge.ok On line",
                        "li.warn Power failure: on battery", "li.crit Battery low")) {
                    assertTrue(measured.contains(text), scheme + " mode: '" + text + "' not measured in " + measured);
                }
            }
        }
    }

    @Test
    void everyFormControlHasALabel() throws IOException {
        try (Chromium c = Chromium.withJavaScript()) {
            List<String> unlabelled = new ArrayList<>();
            int[] controls = { 0 };
            visitEveryPage(c, page -> {
                controls[0] += c.driver().findElements(By.cssSelector("input:not([type=hidden]), select, button")).size();
                PageChecks.unlabelledControls(c.driver()).forEach(html -> unlabelled.add(page + ": " + html));
            });
            assertEquals(List.of(), unlabelled);
            assertTrue(controls[0] >= 20, "controls checked: " + controls[0]);
        }
    }

    @Test
    void everyPageFitsAPhoneScreen() throws IOException {
        try (Chromium c = Chromium.withJavaScript()) {
            c.phoneScreen(PHONE_WIDTH, 800);
            List<String> tooWide = new ArrayList<>();
            visitEveryPage(c, page -> {
                int width = PageChecks.layoutWidth(c.driver());
                int overflow = PageChecks.horizontalOverflow(c.driver());
                if (width != PHONE_WIDTH || overflow > 0) {
                    tooWide.add(page + ": laid out " + width + " px wide, " + overflow + " px to scroll sideways");
                }
                if (page.equals("/") || page.equals(FormClient.ups(AdminStack.rackSystem))) {
                    screenshot(c, page.equals("/") ? "overview-phone" : "ups-page-phone");
                }
            });
            assertEquals(List.of(), tooWide);
        }
    }

    @Test
    void darkModeRendersDark() throws IOException {
        try (Chromium c = Chromium.withJavaScript()) {
            c.preferColorScheme("dark");
            c.driver().get(url("/"));
            c.waiting(WAIT).until(x -> "On battery".equals(badge(x, AdminStack.rackSystem)));
            double background = PageChecks.backgroundLuminance(c.driver());
            double text = PageChecks.textLuminance(c.driver());
            assertTrue(background < 0.02 && text > 0.7, "dark mode: background " + background + ", text " + text);
            c.screenshot("overview-dark");

            c.preferColorScheme("light");
            c.driver().navigate().refresh();
            c.waiting(WAIT).until(x -> "On battery".equals(badge(x, AdminStack.rackSystem)));
            background = PageChecks.backgroundLuminance(c.driver());
            text = PageChecks.textLuminance(c.driver());
            assertTrue(background > 0.8 && text < 0.05, "light mode: background " + background + ", text " + text);
        }
    }

    private static void screenshot(Chromium c, String name) {
        try {
            c.screenshot(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
