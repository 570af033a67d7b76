package org.knut.upsd.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knut.core.sock.TrackingResult;
import org.knut.core.testing.Await;
import org.knut.core.testing.NutSandbox;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The REST API over a driver the test controls: reads, rights, bad input and change requests. */
@QuarkusTest
@QuarkusTestResource(value = FakeDriverResource.class, restrictToAnnotatedClass = true)
class RestApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @BeforeEach
    void driverConnected() {
        Await.until("demo served", WAIT, () -> given().get("/api/v1/ups").then().extract().path("[0].state").equals("OK"));
    }

    @Test
    void listsTheUpses() {
        given().get("/api/v1/ups").then().statusCode(200)
                .body("name", contains("demo"))
                .body("[0].state", equalTo("OK"))
                .body("[0].status", equalTo("OL CHRG"))
                .body("[0].flags", contains("OL", "CHRG"));
    }

    @Test
    void showsOneUpsWithItsVariablesCommandsAndWritableTypes() {
        given().get("/api/v1/ups/demo").then().statusCode(200)
                .body("variables.'battery.charge'", equalTo("97"))
                .body("variables.'device.mfr'", equalTo("Knut Labs"))
                .body("commands.name", contains("load.off", "test.battery.start"))
                .body("commands[0].description", notNullValue())
                .body("rw.find { it.name == 'ups.id' }.type", equalTo("STRING"))
                .body("rw.find { it.name == 'ups.id' }.maxLength", equalTo(8))
                .body("rw.find { it.name == 'input.transfer.low' }.enums", contains("160", "170"))
                .body("rw.find { it.name == 'ups.delay.shutdown' }.ranges[0].max", equalTo("600"))
                .body("rw.find { it.name == 'ups.delay.shutdown' }.nutType", equalTo("RW RANGE NUMBER"));
        // upsd matches UPS names ignoring case
        given().get("/api/v1/ups/DEMO").then().statusCode(200).body("name", equalTo("demo"));
    }

    @Test
    void unknownUpsIs404WithNutsErrorName() {
        given().get("/api/v1/ups/nope").then().statusCode(404).body("error", equalTo("UNKNOWN-UPS"));
        given().auth().preemptive().basic(NutSandbox.ADMIN, NutSandbox.ADMIN_PASSWORD)
                .post("/api/v1/ups/nope/commands/load.off").then().statusCode(404).body("error", equalTo("UNKNOWN-UPS"));
    }

    @Test
    void changesNeedAUserWithTheRight() {
        given().post("/api/v1/ups/demo/commands/load.off").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"))
                .body("error", equalTo("USERNAME-REQUIRED"));
        given().auth().preemptive().basic(NutSandbox.ADMIN, "wrong").post("/api/v1/ups/demo/commands/load.off")
                .then().statusCode(401).body("error", equalTo("ACCESS-DENIED"));
        given().header("Authorization", "Basic !!!not-base64").post("/api/v1/ups/demo/commands/load.off")
                .then().statusCode(401);
        // monuser may log in for upsmon but has no instant commands and no SET
        given().auth().preemptive().basic(NutSandbox.MONUSER, NutSandbox.MONUSER_PASSWORD)
                .post("/api/v1/ups/demo/commands/load.off").then().statusCode(403).body("error", equalTo("ACCESS-DENIED"));
        given().auth().preemptive().basic(NutSandbox.MONUSER, NutSandbox.MONUSER_PASSWORD).contentType(ContentType.JSON)
                .body("{\"value\":\"30\"}").put("/api/v1/ups/demo/variables/ups.delay.shutdown")
                .then().statusCode(403).body("error", equalTo("ACCESS-DENIED"));
    }

    @Test
    void instantCommandReachesTheDriverAndIsTracked() {
        String id = asAdmin().post("/api/v1/ups/demo/commands/test.battery.start").then().statusCode(202)
                .header("Location", containsString("/api/v1/tracking/")).extract().path("tracking");
        Await.until("driver got the command", WAIT, () -> FakeDriverResource.driver.received()
                .contains("INSTCMD test.battery.start TRACKING " + id));
        Await.until("tracked to SUCCESS", WAIT,
                () -> "SUCCESS".equals(given().get("/api/v1/tracking/" + id).then().extract().path("status")));

        FakeDriverResource.driver.answer("load.off", TrackingResult.FAILED);
        String failed = asAdmin().contentType(ContentType.JSON).body("{\"parameter\":\"5\"}")
                .post("/api/v1/ups/demo/commands/load.off").then().statusCode(202).extract().path("tracking");
        Await.until("driver got the parameter", WAIT, () -> FakeDriverResource.driver.received()
                .contains("INSTCMD load.off 5 TRACKING " + failed));
        Await.until("tracked to FAILED", WAIT,
                () -> "FAILED".equals(given().get("/api/v1/tracking/" + failed).then().extract().path("status")));

        asAdmin().post("/api/v1/ups/demo/commands/no.such").then().statusCode(404).body("error", equalTo("CMD-NOT-SUPPORTED"));
        given().get("/api/v1/tracking/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    void setVariableChecksTheValueAsUpsdDoes() {
        asAdmin().contentType(ContentType.JSON).body("{\"value\":\"150\"}").put("/api/v1/ups/demo/variables/input.transfer.low")
                .then().statusCode(400).body("error", equalTo("INVALID-VALUE"));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":\"9999\"}").put("/api/v1/ups/demo/variables/ups.delay.shutdown")
                .then().statusCode(400).body("error", equalTo("INVALID-VALUE"));
        asAdmin().contentType(ContentType.TEXT).body("far-too-long").put("/api/v1/ups/demo/variables/ups.id")
                .then().statusCode(400).body("error", equalTo("TOO-LONG"));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":\"42\"}").put("/api/v1/ups/demo/variables/battery.charge")
                .then().statusCode(400).body("error", equalTo("READONLY"));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":\"1\"}").put("/api/v1/ups/demo/variables/no.such")
                .then().statusCode(404).body("error", equalTo("VAR-NOT-SUPPORTED"));
        asAdmin().contentType(ContentType.JSON).body("{not json").put("/api/v1/ups/demo/variables/ups.id")
                .then().statusCode(400).body("error", equalTo("INVALID-ARGUMENT"));
        asAdmin().contentType(ContentType.JSON).body("{\"other\":1}").put("/api/v1/ups/demo/variables/ups.id")
                .then().statusCode(400).body("error", equalTo("INVALID-ARGUMENT"));
        asAdmin().contentType(ContentType.JSON).body("{\"value\":{\"a\":1}}").put("/api/v1/ups/demo/variables/ups.id")
                .then().statusCode(400).body("error", equalTo("INVALID-ARGUMENT"));

        asAdmin().contentType(ContentType.JSON).body("{\"value\":\"160\"}").put("/api/v1/ups/demo/variables/input.transfer.low")
                .then().statusCode(202).body("status", equalTo("PENDING"));
        Await.until("the driver took the new value", WAIT, () -> "160".equals(
                given().get("/api/v1/ups/demo").then().extract().path("variables.'input.transfer.low'")));
    }

    @Test
    void openApiDescribesTheApi() {
        String doc = given().get("/q/openapi").then().statusCode(200).extract().asString();
        for (String path : new String[] { "/api/v1/ups", "/api/v1/ups/{name}", "/api/v1/ups/{name}/commands/{command}",
                "/api/v1/ups/{name}/variables/{variable}", "/api/v1/events", "/api/v1/tracking/{id}", "/ups_metrics" }) {
            assertTrue(doc.contains(path + ":"), path + " in\n" + doc);
        }
        given().get("/q/openapi?format=json").then().statusCode(200).body("components.securitySchemes.keySet()", hasItem("upsd-user"));
    }

    private static io.restassured.specification.RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(NutSandbox.ADMIN, NutSandbox.ADMIN_PASSWORD);
    }
}
