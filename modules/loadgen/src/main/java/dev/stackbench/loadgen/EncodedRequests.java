package dev.stackbench.loadgen;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The requests of a run, encoded once before the load starts. Sending a request copies the
 * encoded bytes into the connection's own reusable buffer: no encoding and no allocation per request.
 */
final class EncodedRequests {
    private final ByteBuf[] requests;

    EncodedRequests(LoadSpec spec) {
        List<String> paths = spec.paths();
        requests = new ByteBuf[paths.size()];
        byte[] body = spec.body();
        for (int i = 0; i < requests.length; i++) {
            StringBuilder head = new StringBuilder(128)
                    .append(spec.method()).append(' ').append(paths.get(i)).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(spec.hostHeader()).append("\r\n");
            boolean userAgent = false;
            for (Header h : spec.headers()) {
                if (h.is("Host") || h.is("Content-Length")) {
                    continue; // we own the framing and the target
                }
                userAgent |= h.is("User-Agent");
                head.append(h.name()).append(": ").append(h.value()).append("\r\n");
            }
            if (!userAgent) {
                head.append("User-Agent: stackbench\r\n");
            }
            if (body.length > 0 || !spec.method().equals("GET") && !spec.method().equals("HEAD")) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            // heap memory: these are only copied from (into each connection's own direct buffer) and
            // die with the run; unreleased direct buffers here held native memory until a GC
            byte[] request = java.util.Arrays.copyOf(headBytes, headBytes.length + body.length);
            System.arraycopy(body, 0, request, headBytes.length, body.length);
            requests[i] = Unpooled.wrappedBuffer(request);
        }
    }

    /** @return the longest encoded request, bytes */
    int maxLength() {
        int max = 0;
        for (ByteBuf r : requests) {
            max = Math.max(max, r.readableBytes());
        }
        return max;
    }

    /**
     * Copies the next request (one of the variants, chosen uniformly at random) into {@code out},
     * which is cleared first. No allocation.
     */
    void writeNext(ByteBuf out) {
        ByteBuf r = requests.length == 1 ? requests[0] : requests[ThreadLocalRandom.current().nextInt(requests.length)];
        out.clear().writeBytes(r, r.readerIndex(), r.readableBytes());
    }

    /** @return the first request's text, for diagnostics */
    String first() {
        return requests[0].toString(StandardCharsets.ISO_8859_1);
    }
}
