package org.knut.driver.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

import jakarta.inject.Inject;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knut.core.testing.Await;
import org.knut.driver.runtime.DriverSupervisor;
import org.knut.driver.runtime.UpsRunner;
import org.knut.driver.testing.LineClient;

/**
 * The service as deployed: drivers from ups.conf behind Unix and TCP sockets, {@code /drivers} control
 * and health. {@code @QuarkusTest} does not run the main class, so each test starts the supervisor the
 * way the main class does in serve mode (it is idempotent).
 */
@QuarkusTest
@TestProfile(ServeProfile.class)
class DriverServiceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Inject
    DriverSupervisor supervisor;

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startDrivers() throws Exception {
        supervisor.startAll();
        Await.until("drivers ready", TIMEOUT, () -> supervisor.runners().stream().allMatch(UpsRunner::ready));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path.substring(1))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path.substring(1))).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listsTheDrivers() throws Exception {
        HttpResponse<String> r = get("/drivers");
        assertEquals(200, r.statusCode());
        JsonArray all = new JsonArray(r.body());
        assertEquals(2, all.size());
        JsonObject a = all.getJsonObject(0);
        assertEquals("a", a.getString("name"));
        assertEquals("dummy-ups", a.getString("driver"));
        assertEquals("running", a.getString("state"));
        assertEquals(ServeProfile.DIR.resolve("state/dummy-ups-a").toString(), a.getString("socket"));
        assertEquals("127.0.0.1:" + (ServeProfile.TCP_BASE + 1), all.getJsonObject(1).getString("tcp"));
    }

    @Test
    void stopAndStartOneUps() throws Exception {
        JsonObject stopped = new JsonObject(post("/drivers/b/stop").body());
        assertEquals("stopped", stopped.getString("state"));
        assertTrue(Files.notExists(ServeProfile.DIR.resolve("state/dummy-ups-b")), "socket removed");
        HttpResponse<String> ready = get("/q/health/ready");
        assertEquals(503, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"b\": \"stopped\""), ready.body());

        assertEquals(200, post("/drivers/b/start").statusCode());
        Await.until("b running", TIMEOUT, () -> supervisor.runner("b").ready());
        assertEquals("running", new JsonObject(get("/drivers/b").body()).getString("state"));
        assertEquals(200, get("/q/health/ready").statusCode());
    }

    @Test
    void unknownUpsIs404() throws Exception {
        assertEquals(404, post("/drivers/zz/start").statusCode());
        assertEquals(404, get("/drivers/zz").statusCode());
    }

    @Test
    void healthIsUp() throws Exception {
        assertEquals(200, get("/q/health/live").statusCode());
        HttpResponse<String> ready = get("/q/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"a\": \"ready\""), ready.body());
    }

    @Test
    void eachUpsHasItsOwnTcpPortAndUnixSocket() throws IOException {
        for (int i = 0; i < 2; i++) {
            String name = i == 0 ? "a" : "b";
            try (LineClient tcp = LineClient.tcp(new InetSocketAddress("127.0.0.1", ServeProfile.TCP_BASE + i));
                    LineClient unix = LineClient.unix(ServeProfile.DIR.resolve("state/dummy-ups-" + name))) {
                assertTrue(tcp.dump("DUMPALL").contains("SETINFO driver.parameter.port \"" + name + ".dev\""));
                assertEquals(unix.dump("DUMPSTATUS"), tcp.dump("DUMPSTATUS"));
            }
        }
    }
}
