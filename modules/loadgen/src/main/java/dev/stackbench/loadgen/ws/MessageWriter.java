package dev.stackbench.loadgen.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** Builds message payloads from a {@link WsMessage}: the expanded template with a fresh stamp. Immutable. */
final class MessageWriter {
    private final byte[] template;
    private final int stampOffset;

    MessageWriter(WsMessage message) {
        this.template = message.expand();
        this.stampOffset = message.stampOffset();
    }

    /** @return a new buffer (the caller owns it) holding one message stamped with {@code intendedNanos} and {@code sequence} */
    ByteBuf build(ByteBufAllocator alloc, long intendedNanos, long sequence) {
        ByteBuf buf = alloc.buffer(template.length, template.length);
        buf.writeBytes(template);
        Stamp.write(buf, buf.readerIndex() + stampOffset, intendedNanos, sequence);
        return buf;
    }

    int length() {
        return template.length;
    }
}
