package org.knut.upsd.net;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;
import org.knut.core.client.UpsId.HostPort;
import org.knut.upsd.config.ClientTimeouts;
import org.knut.upsd.config.NutTls;
import org.knut.upsd.protocol.CommandHandler;
import org.knut.upsd.protocol.Session;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.NetSocketInternal;

/**
 * One event loop's share of the NUT server: a NetServer on every LISTEN address. Several instances are
 * deployed; Vert.x shares the listening sockets between them and spreads the connections over their
 * event loops. With ALLOW_NOT_ALL_LISTENERS an address that cannot be bound is skipped if another one
 * is bound, as upsd does; otherwise it fails the deployment.
 */
final class NutServerVerticle extends AbstractVerticle {
    private static final Logger LOG = Logger.getLogger(NutServerVerticle.class);

    private final List<HostPort> listen;
    private final boolean allowNotAllListeners;
    private final ClientTimeouts timeouts;
    private final int maxLine;
    private final CommandHandler handler;
    private final ClientGate gate;
    private final NutTls tls;
    private EventLoopShare share;
    private long sweeper;

    NutServerVerticle(List<HostPort> listen, boolean allowNotAllListeners, ClientTimeouts timeouts, int maxLine,
            CommandHandler handler, ClientGate gate, NutTls tls) {
        this.listen = listen;
        this.allowNotAllListeners = allowNotAllListeners;
        this.timeouts = timeouts;
        this.maxLine = maxLine;
        this.handler = handler;
        this.gate = gate;
        this.tls = tls;
    }

    @Override
    public void start(Promise<Void> started) {
        // upsd sheds clients it has not heard from for a minute; here a sweep per event loop does it, and
        // sheds slow clients too
        share = new EventLoopShare(timeouts);
        sweeper = vertx.setPeriodic(share.sweepMillis(), id -> share.sweep());
        List<Future<NetServer>> binds = new ArrayList<>();
        for (HostPort hp : listen) {
            NetServerOptions options = new NetServerOptions()
                    .setHost(hp.host())
                    .setPort(hp.port())
                    .setTcpNoDelay(true)
                    .setReuseAddress(true);
            binds.add(vertx.createNetServer(options).connectHandler(this::accept).listen()
                    .onFailure(e -> LOG.errorf("cannot listen on %s:%d: %s", hp.host(), hp.port(), e.getMessage())));
        }
        Future.join(new ArrayList<>(binds)).onComplete(done -> {
            long bound = binds.stream().filter(Future::succeeded).count();
            if (bound == binds.size() || (allowNotAllListeners && bound > 0)) {
                started.complete();
            } else {
                Throwable cause = binds.stream().filter(Future::failed).findFirst().map(Future::cause).orElse(null);
                started.fail(new IllegalStateException("cannot listen on every LISTEN address"
                        + (cause == null ? "" : ": " + cause.getMessage()), cause));
            }
        });
    }

    @Override
    public void stop() {
        vertx.cancelTimer(sweeper);
    }

    private void accept(NetSocket socket) {
        String ip = ClientAddress.text(socket.remoteAddress().hostAddress());
        if (!gate.admit(ip)) {
            socket.close();
            return;
        }
        Session session = new Session(ip, tls != null);
        socket.closeHandler(v -> {
            session.disconnected(); // a TCP close logs the client out
            gate.release(ip);
        });
        // the NUT codec goes into the connection's pipeline ahead of Vert.x's handler, which then only
        // sees the connection's events (its close)
        ((NetSocketInternal) socket).channelHandlerContext().pipeline()
                .addBefore("handler", "nut", new NutChannelHandler(handler, session, maxLine, share, tls));
    }
}
