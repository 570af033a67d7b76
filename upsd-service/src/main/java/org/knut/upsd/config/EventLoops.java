package org.knut.upsd.config;

/**
 * How the NUT server's event loops run.
 *
 * @param count          event loops sharing the listening sockets, each a thread serving its clients
 * @param idleSpinMicros how long a loop that has run out of events keeps asking for more before it
 *                       sleeps, while requests come that fast (see the NUT server's IdleSpin); 0 never
 */
public record EventLoops(int count, int idleSpinMicros) {
}
