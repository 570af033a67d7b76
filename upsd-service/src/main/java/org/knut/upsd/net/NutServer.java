package org.knut.upsd.net;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.knut.core.client.UpsId.HostPort;
import org.knut.upsd.config.ClientTimeouts;
import org.knut.upsd.config.NutTls;
import org.knut.upsd.protocol.CommandHandler;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;

/**
 * The NUT network server: {@code instances} verticles, one per event loop, sharing the LISTEN sockets.
 * Non-blocking: no thread per client.
 */
public final class NutServer {
    /** Longest request line accepted; a longer one is answered ERR INVALID-ARGUMENT and closed. */
    public static final int MAX_LINE = 4096;
    /** Most reply bytes a client may leave unread beyond what the socket holds; more closes it. */
    public static final int MAX_BACKLOG = 1 << 20;

    private final Vertx vertx;
    private final ClientGate gate;
    private String deployment;

    public NutServer(Vertx vertx, ClientGate gate) {
        this.vertx = vertx;
        this.gate = gate;
    }

    /**
     * Binds every address, or fails (as upsd does unless ALLOW_NOT_ALL_LISTENERS lets it do with some).
     *
     * @param tls the STARTTLS context, or null when STARTTLS is not configured
     */
    public void start(List<HostPort> listen, boolean allowNotAllListeners, ClientTimeouts timeouts, int instances,
            CommandHandler handler, NutTls tls) throws Exception {
        DeploymentOptions options = new DeploymentOptions().setInstances(instances);
        try {
            deployment = vertx.deployVerticle(() -> new NutServerVerticle(listen, allowNotAllListeners,
                    timeouts, MAX_LINE, handler, gate, tls), options)
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new IllegalStateException("the NUT server did not start within 30 s", e);
        }
    }

    public boolean listening() {
        return deployment != null;
    }

    public ClientGate gate() {
        return gate;
    }

    public void stop() {
        String d = deployment;
        deployment = null;
        if (d != null) {
            try {
                vertx.undeploy(d).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // closing anyway: the sockets go with the process
            }
        }
    }
}
