package org.knut.upsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knut.upsd.testing.Cli;
import org.knut.upsd.testing.Poll;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The application as Quarkus runs it: configured from a NUT config dir, serving NUT on its port and
 * reporting its drivers through /q/health.
 */
@QuarkusTest
@QuarkusTestResource(value = RealDriverResource.class, restrictToAnnotatedClass = true)
class UpsdServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/q/health")
    URL health;

    private HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(health + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void servesNutAndReportsHealth() {
        HttpResponse<String> live = get("/live");
        assertEquals(200, live.statusCode(), live.body());
        assertTrue(live.body().contains("\"nut-server\""), live.body());

        Poll.untilEquals("readiness", WAIT, 200, () -> get("/ready").statusCode());
        assertTrue(get("/ready").body().contains("\"demo\": \"OK\""), get("/ready").body());
        assertEquals(List.of("OL"), Cli.run("upsc", "demo@127.0.0.1:" + RealDriverResource.nutPort, "ups.status").lines());

        RealDriverResource.driver.kill();
        Poll.untilEquals("not ready without the driver", WAIT, 503, () -> get("/ready").statusCode());
        assertTrue(get("/ready").body().contains("DRIVER-NOT-CONNECTED"), get("/ready").body());
        assertEquals(200, get("/live").statusCode(), "still alive");

        RealDriverResource.driver.restart();
        Poll.untilEquals("ready again", WAIT, 200, () -> get("/ready").statusCode());
    }
}
