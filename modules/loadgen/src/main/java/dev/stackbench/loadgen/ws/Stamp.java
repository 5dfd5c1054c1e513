package dev.stackbench.loadgen.ws;

import io.netty.buffer.ByteBuf;

/**
 * The stamp every message carries: {@code ~sb:}, the intended send time
 * ({@link System#nanoTime()}, 16 hex digits) and a sequence number (16 hex digits), 36 ASCII
 * bytes. Receivers find it anywhere in a payload, so a server may wrap or re-encode the text
 * around it. Stateless.
 */
final class Stamp {
    static final int LENGTH = 36;
    private static final byte[] MARKER = {'~', 's', 'b', ':'};
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** No stamp found: {@link #find} returns this. */
    static final int NONE = -1;

    private Stamp() {
    }

    /** Writes the stamp at {@code index} of {@code buf} without moving its indexes. */
    static void write(ByteBuf buf, int index, long intendedNanos, long sequence) {
        for (int i = 0; i < MARKER.length; i++) {
            buf.setByte(index + i, MARKER[i]);
        }
        hex(buf, index + 4, intendedNanos);
        hex(buf, index + 20, sequence);
    }

    private static void hex(ByteBuf buf, int index, long value) {
        for (int i = 15; i >= 0; i--) {
            buf.setByte(index + i, HEX[(int) (value & 0xf)]);
            value >>>= 4;
        }
    }

    /** @return the index of the first complete stamp in the readable bytes of {@code buf}, or {@link #NONE} */
    static int find(ByteBuf buf) {
        int end = buf.writerIndex() - LENGTH;
        for (int i = buf.readerIndex(); i <= end; i++) {
            i = buf.indexOf(i, end + 1, (byte) '~');
            if (i < 0) {
                return NONE;
            }
            if (buf.getByte(i + 1) == 's' && buf.getByte(i + 2) == 'b' && buf.getByte(i + 3) == ':'
                    && isHex(buf, i + 4) && isHex(buf, i + 20)) {
                return i;
            }
        }
        return NONE;
    }

    /** @return the intended send time of the stamp at {@code index} (found by {@link #find}) */
    static long intendedNanos(ByteBuf buf, int index) {
        return parse(buf, index + 4);
    }

    /** @return the sequence number of the stamp at {@code index} */
    static long sequence(ByteBuf buf, int index) {
        return parse(buf, index + 20);
    }

    /** @return whether the 16 bytes at {@code index} are lower-case hex digits */
    private static boolean isHex(ByteBuf buf, int index) {
        for (int i = 0; i < 16; i++) {
            if (digit(buf.getByte(index + i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static long parse(ByteBuf buf, int index) {
        long v = 0;
        for (int i = 0; i < 16; i++) {
            v = (v << 4) | digit(buf.getByte(index + i));
        }
        return v;
    }

    private static int digit(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return -1;
    }
}
