package dev.stackbench.loadgen.ws;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What every message looks like: a text or binary frame of a fixed size, made from a template.
 *
 * <p>The template must contain {@value #STAMP} once: it becomes the 36-byte stamp (the intended
 * send time and a sequence number) the receiver times the message by. {@value #PAD}, at most
 * once, becomes as many {@code x} as the size needs; without it the template must already have
 * the size. Example: {@code {"type":"tick","data":"{stamp}","pad":"{pad}"}}.
 *
 * @param kind      text or binary frames
 * @param sizeBytes the payload size of every message in bytes (UTF-8 for text)
 * @param template  the payload with {@value #STAMP} and optionally {@value #PAD}
 */
public record WsMessage(Kind kind, int sizeBytes, String template) {
    /** Placeholder for the stamp. */
    public static final String STAMP = "{stamp}";
    /** Placeholder for the filler. */
    public static final String PAD = "{pad}";

    /** The frame type. */
    public enum Kind { TEXT, BINARY }

    public WsMessage {
        if (kind == null || template == null) {
            throw new IllegalArgumentException("message kind and template are required");
        }
        int stamps = count(template, STAMP);
        if (stamps != 1) {
            throw new IllegalArgumentException("template '" + template + "' must contain " + STAMP + " exactly once (found "
                    + stamps + "): the receiver times each message by it");
        }
        int pads = count(template, PAD);
        if (pads > 1) {
            throw new IllegalArgumentException("template '" + template + "' may contain " + PAD + " at most once (found " + pads + ")");
        }
        int fixed = fixedBytes(template);
        if (pads == 0 && sizeBytes != fixed) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "template '%s' makes %d-byte messages, not %d: "
                    + "add %s where filler may go, or use size %d", template, fixed, sizeBytes, PAD, fixed));
        }
        if (sizeBytes < fixed) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "message size (%d bytes) must be >= %d, what template '%s' needs with its %d-byte stamp",
                    sizeBytes, fixed, template, Stamp.LENGTH));
        }
        if (sizeBytes > WsDefaults.MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("message size (" + sizeBytes + " bytes) must be <= " + WsDefaults.MAX_FRAME_BYTES);
        }
    }

    /** @return the default: text frames of {@value WsDefaults#MESSAGE_SIZE} bytes, the stamp then filler */
    public static WsMessage defaults() {
        return new WsMessage(Kind.TEXT, WsDefaults.MESSAGE_SIZE, WsDefaults.TEMPLATE);
    }

    /** @return the smallest message {@code template} makes: its text without placeholders, plus the stamp; bytes */
    public static int minimumSize(String template) {
        return fixedBytes(template);
    }

    /** @return the bytes of a message with the template expanded and the stamp left as zeros; see {@link #stampOffset()} */
    byte[] expand() {
        String pad = "x".repeat(sizeBytes - fixedBytes(template));
        int at = template.indexOf(STAMP);
        String before = template.substring(0, at).replace(PAD, pad);
        String after = template.substring(at + STAMP.length()).replace(PAD, pad);
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + Stamp.LENGTH + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length + Stamp.LENGTH, tail.length);
        return all;
    }

    /** @return where the stamp goes in {@link #expand()}'s bytes */
    int stampOffset() {
        int at = template.indexOf(STAMP);
        String before = template.substring(0, at);
        if (before.contains(PAD)) {
            before = before.replace(PAD, "x".repeat(sizeBytes - fixedBytes(template)));
        }
        return before.getBytes(StandardCharsets.UTF_8).length;
    }

    /** @return the bytes of the template without filler, the stamp counted at its full length */
    private static int fixedBytes(String template) {
        String bare = template.replace(STAMP, "").replace(PAD, "");
        return bare.getBytes(StandardCharsets.UTF_8).length + Stamp.LENGTH;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
