package org.knut.driver.http;

import java.util.Locale;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.knut.driver.runtime.DriverSupervisor;
import org.knut.driver.runtime.UpsRunner;

/**
 * upsdrvctl over HTTP: {@code GET /drivers} lists the UPS this instance runs with their driver and
 * state; {@code POST /drivers/{ups}/start} and {@code /stop} start and stop one.
 */
@ApplicationScoped
public class DriverRoutes {
    @Inject
    DriverSupervisor supervisor;

    void routes(@Observes Router router) {
        router.get("/drivers").handler(this::list);
        router.get("/drivers/:ups").handler(ctx -> withRunner(ctx, r -> send(ctx, 200, json(r.status()))));
        // stopping waits for the driver thread, so these run off the event loop
        router.post("/drivers/:ups/start").blockingHandler(ctx -> withRunner(ctx, r -> {
            r.start();
            send(ctx, 200, json(r.status()));
        }));
        router.post("/drivers/:ups/stop").blockingHandler(ctx -> withRunner(ctx, r -> {
            r.stop();
            send(ctx, 200, json(r.status()));
        }));
    }

    private void list(RoutingContext ctx) {
        JsonArray all = new JsonArray();
        for (UpsRunner r : supervisor.runners()) {
            all.add(json(r.status()));
        }
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(all.encode());
    }

    private void withRunner(RoutingContext ctx, Consumer<UpsRunner> action) {
        UpsRunner r = supervisor.runner(ctx.pathParam("ups"));
        if (r == null) {
            send(ctx, 404, new JsonObject().put("error", "no UPS [" + ctx.pathParam("ups") + "] in this instance"));
        } else {
            action.accept(r);
        }
    }

    static JsonObject json(UpsRunner.Status s) {
        return new JsonObject()
                .put("name", s.name())
                .put("driver", s.driver())
                .put("state", s.phase().name().toLowerCase(Locale.ROOT))
                .put("ready", s.ready())
                .put("problem", s.problem())
                .put("socket", s.socket())
                .put("tcp", s.tcp() == null ? null : s.tcp().getHostString() + ":" + s.tcp().getPort());
    }

    private static void send(RoutingContext ctx, int code, JsonObject body) {
        ctx.response().setStatusCode(code).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
