package dev.stackbench.loadgen;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ByteProcessor;

/**
 * An incremental HTTP/1.1 response parser for one connection. It keeps the status, the framing
 * headers (Content-Length, Transfer-Encoding, Connection) and nothing of the body: body bytes are
 * skipped, never copied. Handles responses split across reads at any byte, chunked bodies with
 * trailers, interim 1xx responses, bodies delimited by the connection's close, and HEAD/204/304.
 *
 * <p>Not thread-safe: one instance per connection, used on its event loop.
 */
final class ResponseParser {

    /** Thrown for bytes that are not an HTTP/1.x response. */
    static final class MalformedResponseException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedResponseException(String message) {
            super(message, null, false, false);
        }
    }

    private enum State { STATUS, HEADERS, FIXED, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_CLOSE }

    private static final int MAX_LINE = 16 * 1024;
    private static final byte[] CONTENT_LENGTH = "content-length".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] TRANSFER_ENCODING = "transfer-encoding".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION = "connection".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "chunked".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "close".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] KEEP_ALIVE = "keep-alive".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private boolean headRequests;
    private final ByteBuf partialLine = Unpooled.buffer(256, MAX_LINE);
    private State state = State.STATUS;
    private int status;
    private boolean keepAlive;
    private boolean chunked;
    private long contentLength;
    private long remaining;

    /** @param headRequests whether the requests on this connection are HEAD (responses carry no body) */
    ResponseParser(boolean headRequests) {
        this.headRequests = headRequests;
    }

    /** Says whether the next response answers a HEAD request (no body); set before each request. */
    void headRequest(boolean head) {
        this.headRequests = head;
    }

    /** @return the status code of the last complete response */
    int status() {
        return status;
    }

    /** @return whether the connection may be reused after the last complete response */
    boolean keepAlive() {
        return keepAlive;
    }

    /** @return whether a response has started but is not complete */
    boolean inProgress() {
        return state != State.STATUS || partialLine.isReadable();
    }

    /** Frees the parser's buffer; the parser is not used again. */
    void release() {
        partialLine.release();
    }

    /** Forgets any partial response (after the connection is closed or replaced). */
    void reset() {
        state = State.STATUS;
        partialLine.clear();
    }

    /**
     * Consumes bytes of {@code in} up to the end of one response.
     *
     * @return true when a response is complete (its bytes consumed; any further bytes stay in
     *         {@code in}), false when more bytes are needed (all of {@code in} consumed)
     */
    boolean parse(ByteBuf in) throws MalformedResponseException {
        while (in.isReadable()) {
            switch (state) {
                case FIXED, CHUNK_DATA -> {
                    int skip = (int) Math.min(remaining, in.readableBytes());
                    in.skipBytes(skip);
                    remaining -= skip;
                    if (remaining == 0) {
                        if (state == State.FIXED) {
                            return complete();
                        }
                        state = State.CHUNK_END;
                    }
                }
                case UNTIL_CLOSE -> in.skipBytes(in.readableBytes());
                default -> {
                    if (readLine(in) && onLine()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The connection was closed by the peer.
     *
     * @return true when that completes the current response (a body delimited by the close)
     */
    boolean closed() {
        if (state == State.UNTIL_CLOSE) {
            complete();
            keepAlive = false;
            return true;
        }
        return false;
    }

    // The current line, once complete: either a slice of the input or the carried partial line.
    private ByteBuf line;
    private int lineStart;
    private int lineEnd;

    private boolean readLine(ByteBuf in) throws MalformedResponseException {
        int lf = in.forEachByte(ByteProcessor.FIND_LF);
        if (lf < 0) {
            if (partialLine.readableBytes() + in.readableBytes() > MAX_LINE) {
                throw new MalformedResponseException("a response line is longer than " + MAX_LINE + " bytes");
            }
            partialLine.writeBytes(in);
            return false;
        }
        if (partialLine.isReadable()) {
            if (partialLine.readableBytes() + lf - in.readerIndex() > MAX_LINE) {
                throw new MalformedResponseException("a response line is longer than " + MAX_LINE + " bytes");
            }
            partialLine.writeBytes(in, lf - in.readerIndex());
            in.skipBytes(1);
            line = partialLine;
            lineStart = partialLine.readerIndex();
            lineEnd = partialLine.writerIndex();
        } else {
            line = in;
            lineStart = in.readerIndex();
            lineEnd = lf;
            in.readerIndex(lf + 1);
        }
        if (lineEnd > lineStart && line.getByte(lineEnd - 1) == '\r') {
            lineEnd--;
        }
        return true;
    }

    /** @return whether the line completed a response */
    private boolean onLine() throws MalformedResponseException {
        try {
            return switch (state) {
                case STATUS -> onStatusLine();
                case HEADERS -> onHeaderLine();
                case CHUNK_SIZE -> onChunkSize();
                case CHUNK_END -> {
                    state = State.CHUNK_SIZE;
                    yield false;
                }
                case TRAILERS -> lineEnd == lineStart && complete();
                default -> throw new IllegalStateException(state.name());
            };
        } finally {
            partialLine.clear();
        }
    }

    private boolean onStatusLine() throws MalformedResponseException {
        int len = lineEnd - lineStart;
        if (len == 0) {
            return false; // tolerate a stray CRLF between responses
        }
        if (len < 12 || !startsWith(lineStart, "HTTP/1.") || line.getByte(lineStart + 8) != ' ') {
            throw new MalformedResponseException("not an HTTP/1.x status line: '" + text(lineStart, Math.min(lineEnd, lineStart + 40)) + "'");
        }
        int code = 0;
        for (int i = lineStart + 9; i < lineStart + 12; i++) {
            byte b = line.getByte(i);
            if (b < '0' || b > '9') {
                throw new MalformedResponseException("bad status code in '" + text(lineStart, Math.min(lineEnd, lineStart + 40)) + "'");
            }
            code = code * 10 + (b - '0');
        }
        status = code;
        keepAlive = line.getByte(lineStart + 7) != '0'; // HTTP/1.1 defaults to keep-alive, 1.0 to close
        chunked = false;
        contentLength = -1;
        state = State.HEADERS;
        return false;
    }

    private boolean onHeaderLine() throws MalformedResponseException {
        if (lineEnd == lineStart) {
            return onHeadersEnd();
        }
        int colon = line.indexOf(lineStart, lineEnd, (byte) ':');
        if (colon <= lineStart) {
            throw new MalformedResponseException("bad header line '" + text(lineStart, Math.min(lineEnd, lineStart + 40)) + "'");
        }
        int v = colon + 1;
        while (v < lineEnd && (line.getByte(v) == ' ' || line.getByte(v) == '\t')) {
            v++;
        }
        if (nameIs(colon, CONTENT_LENGTH)) {
            contentLength = parseDecimal(v, lineEnd);
        } else if (nameIs(colon, TRANSFER_ENCODING)) {
            chunked = contains(v, lineEnd, CHUNKED);
        } else if (nameIs(colon, CONNECTION)) {
            if (contains(v, lineEnd, CLOSE)) {
                keepAlive = false;
            } else if (contains(v, lineEnd, KEEP_ALIVE)) {
                keepAlive = true;
            }
        }
        return false;
    }

    private boolean onHeadersEnd() {
        if (status >= 100 && status < 200 && status != 101) {
            state = State.STATUS; // interim response: the real one follows
            return false;
        }
        if (headRequests || status == 204 || status == 304) {
            return complete();
        }
        if (chunked) {
            state = State.CHUNK_SIZE;
            return false;
        }
        if (contentLength >= 0) {
            if (contentLength == 0) {
                return complete();
            }
            remaining = contentLength;
            state = State.FIXED;
            return false;
        }
        keepAlive = false;
        state = State.UNTIL_CLOSE;
        return false;
    }

    private boolean onChunkSize() throws MalformedResponseException {
        long size = 0;
        int digits = 0;
        for (int i = lineStart; i < lineEnd; i++) {
            int d = Character.digit(line.getByte(i), 16);
            if (d < 0) {
                break; // chunk extensions or whitespace follow
            }
            if (++digits > 15) {
                throw new MalformedResponseException("chunk size too large");
            }
            size = size * 16 + d;
        }
        if (digits == 0) {
            throw new MalformedResponseException("bad chunk size line '" + text(lineStart, Math.min(lineEnd, lineStart + 40)) + "'");
        }
        if (size == 0) {
            state = State.TRAILERS;
        } else {
            remaining = size;
            state = State.CHUNK_DATA;
        }
        return false;
    }

    private boolean complete() {
        state = State.STATUS;
        return true;
    }

    private long parseDecimal(int from, int to) throws MalformedResponseException {
        long value = 0;
        int end = to;
        while (end > from && (line.getByte(end - 1) == ' ' || line.getByte(end - 1) == '\t')) {
            end--;
        }
        if (end == from || end - from > 18) {
            throw new MalformedResponseException("bad Content-Length '" + text(from, to) + "'");
        }
        for (int i = from; i < end; i++) {
            byte b = line.getByte(i);
            if (b < '0' || b > '9') {
                throw new MalformedResponseException("bad Content-Length '" + text(from, to) + "'");
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    private boolean nameIs(int colon, byte[] lowerName) {
        int len = colon - lineStart;
        if (len != lowerName.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if ((line.getByte(lineStart + i) | 0x20) != lowerName[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(int from, int to, byte[] lowerWord) {
        outer:
        for (int i = from; i <= to - lowerWord.length; i++) {
            for (int j = 0; j < lowerWord.length; j++) {
                if ((line.getByte(i + j) | 0x20) != lowerWord[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private boolean startsWith(int from, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (line.getByte(from + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String text(int from, int to) {
        return line.toString(from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
