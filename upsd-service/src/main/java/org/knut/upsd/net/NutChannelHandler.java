package org.knut.upsd.net;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jboss.logging.Logger;
import org.knut.core.protocol.NutError;
import org.knut.core.tls.TlsContexts;
import org.knut.upsd.config.NutTls;
import org.knut.upsd.protocol.CommandHandler;
import org.knut.upsd.protocol.Session;
import org.knut.upsd.state.ServedUps;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;

/**
 * One client connection, as the one handler in the connection's Netty pipeline: the bytes read are
 * decoded into requests ({@link NetLineDecoder}), each is answered by the {@link CommandHandler}, and
 * each reply is encoded into one buffer ({@link ReplyEncoder}). Replies to the requests of one read leave
 * with one flush. A poller that asks for the same variable again is sent its last reply again while the
 * UPS's answer stamp is unchanged, with no parsing, lookup or encoding. While the outbound buffer is over
 * its high-water mark the connection stops reading, so a client that sends without reading cannot make us buffer without
 * bound: replies beyond {@link NutServer#MAX_BACKLOG} close it at once, and one that leaves its replies
 * unread is closed by the send timeout ({@link EventLoopShare}). After STARTTLS, a TLS handler in front of
 * this one decrypts and encrypts. Runs on the connection's event loop only, sharing that loop's
 * {@link EventLoopShare}.
 */
final class NutChannelHandler extends ChannelInboundHandlerAdapter implements NetLineDecoder.Sink {
    private static final Logger LOG = Logger.getLogger(NutChannelHandler.class);
    private static final byte[] INVALID_ARGUMENT = NutError.INVALID_ARGUMENT.line().getBytes(StandardCharsets.US_ASCII);

    private final CommandHandler handler;
    private final Session session;
    private final EventLoopShare share;
    private final int maxLine;
    private final NutTls tls;
    private NetLineDecoder decoder;
    private ChannelHandlerContext ctx;
    private boolean unflushed;
    private long lastReadTick;
    /** When the unfinished line now buffered was begun (-1: none), for the line timeout. */
    private long partialLineSinceTick = -1;
    /** Whether this read finished a line: an unfinished one after it is a new one. */
    private boolean lineFinished;
    /** When the connection went over its write high-water mark (-1: it is writable), for the send timeout. */
    private long unwritableSinceTick = -1;
    /** The last reply, while it may be sent again: to {@code lastWords}, from {@code lastUps} at {@code lastStamp}. */
    private ByteBuf lastReply;
    private List<String> lastWords;
    private ServedUps lastUps;
    private long lastStamp;

    /** @param tls the STARTTLS context, or null when none is configured */
    NutChannelHandler(CommandHandler handler, Session session, int maxLine, EventLoopShare share, NutTls tls) {
        this.handler = handler;
        this.session = session;
        this.share = share;
        this.maxLine = maxLine;
        this.tls = tls;
        this.decoder = new NetLineDecoder(maxLine, share.words);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        lastReadTick = share.tick();
        share.opened(this);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        share.closed(this);
        forgetReply();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        forgetReply();
    }

    long lastReadTick() {
        return lastReadTick;
    }

    long partialLineSinceTick() {
        return partialLineSinceTick;
    }

    long unwritableSinceTick() {
        return unwritableSinceTick;
    }

    String address() {
        return session.address();
    }

    void close() {
        ctx.close();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastReadTick = share.tick();
        try {
            if (msg instanceof ByteBuf bytes) {
                lineFinished = false;
                decoder.feed(bytes, this);
                if (!decoder.pending()) {
                    partialLineSinceTick = -1;
                } else if (lineFinished || partialLineSinceTick < 0) {
                    partialLineSinceTick = lastReadTick;
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (unflushed) {
            unflushed = false;
            ctx.flush();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            unwritableSinceTick = -1;
            if (partialLineSinceTick >= 0) {
                partialLineSinceTick = share.tick(); // the line was held up by our not reading, not by the client
            }
            ctx.channel().config().setAutoRead(true);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    @Override
    public boolean request(List<String> words, boolean repeat) {
        lineFinished = true;
        if (repeat && words == lastWords && lastUps.answerStamp() == lastStamp) {
            return write(lastReply.retainedDuplicate());
        }
        forgetReply();
        ServedUps source = handler.answeredFrom(words);
        long stamp = source == null ? 0 : source.answerStamp(); // read before the reply is worked out
        StringBuilder reply = share.reply;
        reply.setLength(0);
        handler.handle(session, words, reply);
        ByteBuf out = ReplyEncoder.encode(ctx.alloc(), reply);
        if (source != null) {
            lastReply = out.retainedDuplicate();
            lastWords = words;
            lastUps = source;
            lastStamp = stamp;
        }
        if (session.closing()) {
            ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
            return false;
        }
        if (session.tls() == Session.Tls.REQUESTED) {
            startTls(out);
            return false;
        }
        return write(out);
    }

    /**
     * {@code OK STARTTLS} leaves in plain text (a flushed write is past every handler), then TLS goes to
     * the front of the pipeline. Whatever else the client sent in plain text after STARTTLS is dropped
     * with the old decoder, so that nothing injected before the handshake counts as sent over TLS.
     */
    private void startTls(ByteBuf okStartTls) {
        unflushed = false;
        ctx.writeAndFlush(okStartTls, ctx.voidPromise());
        SslHandler ssl = new SslHandler(tls.engine());
        ctx.pipeline().addFirst("tls", ssl);
        session.tlsStarted();
        decoder = new NetLineDecoder(maxLine, share.words);
        ssl.handshakeFuture().addListener(done -> {
            if (!done.isSuccess()) {
                LOG.warnf("client %s: TLS handshake failed: %s", session.address(), TlsContexts.failureReason(done.cause()));
            } else {
                LOG.debugf("client %s: TLS %s", session.address(), ssl.engine().getSession().getProtocol());
            }
        });
    }

    @Override
    public boolean malformed() {
        lineFinished = true;
        return write(ctx.alloc().ioBuffer(INVALID_ARGUMENT.length).writeBytes(INVALID_ARGUMENT));
    }

    @Override
    public void tooLong() {
        ctx.writeAndFlush(ctx.alloc().ioBuffer(INVALID_ARGUMENT.length).writeBytes(INVALID_ARGUMENT))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private void forgetReply() {
        if (lastReply != null) {
            lastReply.release();
            lastReply = null;
            lastWords = null;
            lastUps = null;
        }
    }

    /** False when the client has left too many replies unread: then the connection is closing. */
    private boolean write(ByteBuf out) {
        ctx.write(out, ctx.voidPromise());
        unflushed = true;
        if (!ctx.channel().isWritable()) {
            unflushed = false;
            ctx.flush();
            ctx.channel().config().setAutoRead(false);
            if (unwritableSinceTick < 0) {
                unwritableSinceTick = share.tick();
            }
            // the rest of this read is still answered, so the backlog can pass the high-water mark
            if (backlog() > NutServer.MAX_BACKLOG) {
                ctx.close();
                return false;
            }
        }
        return true;
    }

    private long backlog() {
        ChannelOutboundBuffer buffer = ctx.channel().unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }
}
