package org.knut.upsd.net;

import java.net.InetSocketAddress;
import java.nio.channels.spi.SelectorProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.knut.core.client.UpsId.HostPort;
import org.knut.upsd.config.ClientTimeouts;
import org.knut.upsd.config.EventLoops;
import org.knut.upsd.config.NutTls;
import org.knut.upsd.protocol.CommandHandler;
import org.knut.upsd.protocol.Session;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SelectStrategyFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;

/**
 * The NUT network server: a plain Netty server on its own event loops (epoll where the platform has it),
 * one pipeline handler per connection and nothing else in the pipeline, so that a request costs no more
 * than the read, the answer and the write. Non-blocking: no thread per client. Each event loop has its
 * {@link EventLoopShare} and sweeps its own connections' timeouts, and waits for work as {@link IdleSpin} says.
 */
public final class NutServer {
    private static final Logger LOG = Logger.getLogger(NutServer.class);
    /** Longest request line accepted; a longer one is answered ERR INVALID-ARGUMENT and closed. */
    public static final int MAX_LINE = 4096;
    /** Most reply bytes a client may leave unread beyond what the socket holds; more closes it. */
    public static final int MAX_BACKLOG = 1 << 20;
    private static final int BIND_SECONDS = 30;

    private final ClientGate gate;
    private EventLoopGroup loops;
    private final List<Channel> listeners = new ArrayList<>();

    public NutServer(ClientGate gate) {
        this.gate = gate;
    }

    /**
     * Binds every address, or fails (as upsd does unless ALLOW_NOT_ALL_LISTENERS lets it do with some).
     *
     * @param tls the STARTTLS context, or null when STARTTLS is not configured
     */
    public void start(List<HostPort> listen, boolean allowNotAllListeners, ClientTimeouts timeouts, EventLoops eventLoops,
            CommandHandler handler, NutTls tls) {
        boolean epoll = Epoll.isAvailable();
        DefaultThreadFactory threads = new DefaultThreadFactory("nut-server");
        long spinNanos = TimeUnit.MICROSECONDS.toNanos(eventLoops.idleSpinMicros());
        SelectStrategyFactory waiting = () -> new IdleSpin(spinNanos, System::nanoTime);
        loops = epoll ? new EpollEventLoopGroup(eventLoops.count(), threads, waiting)
                : new NioEventLoopGroup(eventLoops.count(), threads, SelectorProvider.provider(), waiting);
        Map<EventExecutor, EventLoopShare> shares = new HashMap<>();
        for (EventExecutor loop : loops) {
            EventLoopShare share = new EventLoopShare(timeouts);
            shares.put(loop, share);
            // upsd sheds clients it has not heard from for a minute; here a sweep per event loop does it,
            // and sheds slow clients too
            loop.scheduleAtFixedRate(share::sweep, share.sweepMillis(), share.sweepMillis(), TimeUnit.MILLISECONDS);
        }
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops)
                .channel(channelType)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        accept(ch, handler, shares.get(ch.eventLoop()), tls);
                    }
                });
        List<ChannelFuture> binds = new ArrayList<>();
        for (HostPort hp : listen) {
            binds.add(bootstrap.bind(hp.host(), hp.port()));
        }
        Throwable failure = null;
        for (int i = 0; i < binds.size(); i++) {
            ChannelFuture bind = binds.get(i);
            if (bind.awaitUninterruptibly(BIND_SECONDS, TimeUnit.SECONDS) && bind.isSuccess()) {
                listeners.add(bind.channel());
            } else {
                HostPort hp = listen.get(i);
                Throwable cause = bind.cause() != null ? bind.cause() : new IllegalStateException("timed out");
                LOG.errorf("cannot listen on %s:%d: %s", hp.host(), hp.port(), cause.getMessage());
                failure = failure == null ? cause : failure;
            }
        }
        if (failure != null && !(allowNotAllListeners && !listeners.isEmpty())) {
            stop();
            throw new IllegalStateException("cannot listen on every LISTEN address: " + failure.getMessage(), failure);
        }
    }

    private void accept(Channel ch, CommandHandler handler, EventLoopShare share, NutTls tls) {
        String ip = ClientAddress.text(((InetSocketAddress) ch.remoteAddress()).getAddress().getHostAddress());
        if (!gate.admit(ip)) {
            ch.close();
            return;
        }
        Session session = new Session(ip, tls != null);
        ch.closeFuture().addListener(closed -> {
            session.disconnected(); // a TCP close logs the client out
            gate.release(ip);
        });
        ch.pipeline().addLast("nut", new NutChannelHandler(handler, session, MAX_LINE, share, tls));
    }

    public boolean listening() {
        return !listeners.isEmpty();
    }

    public ClientGate gate() {
        return gate;
    }

    public void stop() {
        listeners.forEach(Channel::close);
        listeners.clear();
        EventLoopGroup g = loops;
        loops = null;
        if (g != null) {
            // closes every client connection with its loop
            g.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
    }
}
