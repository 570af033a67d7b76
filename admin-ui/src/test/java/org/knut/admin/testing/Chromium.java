package org.knut.admin.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.knut.core.testing.TempTree;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (never a downloaded browser), with a
 * fresh profile and without the background traffic this machine's closed network refuses. Closing it
 * quits the browser and stops chromedriver, and deletes the profile.
 */
public final class Chromium implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(boolean javascript) throws IOException {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("needs Debian's chromium and chromium-driver (.ci/run installs them)");
        }
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(BINARY.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000");
        if (!javascript) {
            o.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        try {
            driver = new ChromeDriver(service, o);
        } catch (RuntimeException e) {
            service.stop();
            TempTree.delete(profile);
            throw e;
        }
    }

    public static Chromium withJavaScript() throws IOException {
        return new Chromium(true);
    }

    public static Chromium withoutJavaScript() throws IOException {
        return new Chromium(false);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Renders the pages from now on as for a user who prefers {@code scheme} ("light" or "dark"), as DevTools emulates it. */
    public void preferColorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /**
     * Lays the pages out from now on as a phone's browser does: a screen of {@code width} x {@code height}
     * CSS pixels, and the page's viewport meta tag honoured (without one a phone lays a page out 980 px wide).
     */
    public void phoneScreen(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
    }

    /** A wait that tries again when the page swapped the element out (a live update or a reload). */
    /**
     * The overview's card of UPS {@code system} (its {@code data-ups}). Missing, it is Selenium's
     * NoSuchElementException, which {@link #waiting} looks again after: a page that reloads itself
     * has no cards for a moment.
     */
    public static WebElement card(SearchContext page, String system) {
        return page.findElements(By.cssSelector("article.card")).stream()
                .filter(e -> system.equals(e.getAttribute("data-ups"))).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no card for " + system));
    }

    public WebDriverWait waiting(Duration timeout) {
        WebDriverWait w = new WebDriverWait(driver, timeout);
        // A page that reloads itself (the no-script refresh) can swap its nodes out between a find and a
        // read; Chromium reports that as a stale element, a missing one or an inspector error (all
        // WebDriverExceptions). Either way: look again; a timeout still names the last one.
        w.ignoring(WebDriverException.class);
        w.pollingEvery(Duration.ofMillis(25)); // the default 500 ms would hide how fast a live update is

        return w;
    }

    /** Saves a screenshot of the page as {@code target/screenshots/<name>.png} (build output). */
    public Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = dir.resolve(name + ".png");
        Files.move(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            TempTree.delete(profile);
        }
    }
}
