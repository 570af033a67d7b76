package org.knut.driver.sock;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One connection to a driver socket: what it has sent so far (a {@link LineDecoder}) and what waits to
 * be written to it. The output queue is bounded: a client that stops reading is marked overflowed and
 * the server drops it, instead of the driver waiting for it.
 */
final class SocketClient {
    final SocketChannel channel;
    final LineDecoder decoder;
    final String peer;
    private final int maxPending;
    private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    private int pending;
    private boolean overflowed;
    private boolean closeWhenFlushed;
    private volatile boolean broadcast = true;
    /** System.nanoTime() of the last bytes read from the client (or of its connection); socket thread only. */
    long lastHeard = System.nanoTime();
    /** Whether the client is an upsd replica (has sent CLIENTS), held to the silence limit; socket thread only. */
    boolean replica;

    SocketClient(SocketChannel channel, String peer, int maxLine, int maxPending) {
        this.channel = channel;
        this.peer = peer;
        this.decoder = new LineDecoder(maxLine);
        this.maxPending = maxPending;
    }

    boolean broadcast() {
        return broadcast;
    }

    void broadcast(boolean on) {
        broadcast = on;
    }

    /** Queues lines (each gets its newline); false once the client has more unread output than allowed. */
    synchronized boolean enqueue(List<String> lines) {
        if (overflowed) {
            return false;
        }
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (pending + bytes.length > maxPending) {
            overflowed = true;
            out.clear();
            return false;
        }
        out.add(ByteBuffer.wrap(bytes));
        pending += bytes.length;
        return true;
    }

    synchronized boolean overflowed() {
        return overflowed;
    }

    synchronized void closeWhenFlushed() {
        closeWhenFlushed = true;
    }

    synchronized boolean wantsClose() {
        return closeWhenFlushed && out.isEmpty();
    }

    synchronized boolean hasOutput() {
        return !out.isEmpty();
    }

    /** Writes what the socket takes without blocking; true when nothing is left. */
    synchronized boolean flush() throws IOException {
        while (!out.isEmpty()) {
            ByteBuffer b = out.peek();
            int n = channel.write(b);
            pending -= n;
            if (b.hasRemaining()) {
                return false;
            }
            out.poll();
        }
        return true;
    }
}
