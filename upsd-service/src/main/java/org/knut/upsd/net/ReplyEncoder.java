package org.knut.upsd.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;

/** The encode stage: a reply's text becomes the one (pooled, UTF-8) buffer written for it. */
final class ReplyEncoder {
    private ReplyEncoder() {
    }

    static ByteBuf encode(ByteBufAllocator alloc, CharSequence text) {
        ByteBuf buf = alloc.ioBuffer(ByteBufUtil.utf8MaxBytes(text));
        ByteBufUtil.writeUtf8(buf, text);
        return buf;
    }
}
