package dev.stackbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseParserTest {

    private static final String CONTENT_LENGTH = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 27\r\n\r\n"
            + "{\"message\":\"Hello, World!\"}";
    private static final String CHUNKED = "HTTP/1.1 201 Created\r\ntransfer-encoding: Chunked\r\n\r\n"
            + "5\r\nhello\r\n1A;name=value\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nTrailer: x\r\n\r\n";
    private static final String CLOSE = "HTTP/1.1 404 Not Found\r\nCONNECTION: close\r\ncontent-length: 3\r\n\r\nno!";

    /** Feeds {@code text} in pieces of {@code size} bytes; returns the statuses of complete responses. */
    private static List<Integer> feed(ResponseParser p, String text, int size) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i += size) {
            ByteBuf piece = Unpooled.wrappedBuffer(bytes, i, Math.min(size, bytes.length - i));
            while (piece.isReadable()) {
                if (p.parse(piece)) {
                    statuses.add(p.status());
                }
            }
        }
        return statuses;
    }

    @Test
    void everySplitOfSeveralResponsesParsesTheSame() throws Exception {
        String three = CONTENT_LENGTH + CHUNKED + CLOSE;
        for (int size = 1; size <= three.length(); size++) {
            ResponseParser p = new ResponseParser(false);
            assertThat(feed(p, three, size)).as("pieces of %d bytes", size).containsExactly(200, 201, 404);
            assertThat(p.keepAlive()).isFalse();
            assertThat(p.inProgress()).isFalse();
        }
    }

    @Test
    void keepAliveFollowsVersionAndConnectionHeader() throws Exception {
        ResponseParser p = new ResponseParser(false);
        feed(p, CONTENT_LENGTH, 1000);
        assertThat(p.keepAlive()).isTrue();
        feed(p, "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", 1000);
        assertThat(p.keepAlive()).isFalse();
        feed(p, "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n", 1000);
        assertThat(p.keepAlive()).isTrue();
    }

    @Test
    void interimResponsesAreSkipped() throws Exception {
        ResponseParser p = new ResponseParser(false);
        assertThat(feed(p, "HTTP/1.1 100 Continue\r\n\r\n" + CONTENT_LENGTH, 7)).containsExactly(200);
    }

    @Test
    void headAndNoContentResponsesHaveNoBody() throws Exception {
        ResponseParser head = new ResponseParser(true);
        assertThat(feed(head, "HTTP/1.1 200 OK\r\nContent-Length: 27\r\n\r\n" + CONTENT_LENGTH, 5)).containsExactly(200, 200);
        ResponseParser get = new ResponseParser(false);
        assertThat(feed(get, "HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n", 3))
                .containsExactly(204, 304);
    }

    @Test
    void bodyUntilCloseCompletesOnClose() throws Exception {
        ResponseParser p = new ResponseParser(false);
        assertThat(feed(p, "HTTP/1.1 200 OK\r\n\r\nsome body", 4)).isEmpty();
        assertThat(p.inProgress()).isTrue();
        assertThat(p.closed()).isTrue();
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.keepAlive()).isFalse();
    }

    @Test
    void closeInTheMiddleOfAFixedBodyIsNotAResponse() throws Exception {
        ResponseParser p = new ResponseParser(false);
        feed(p, CONTENT_LENGTH.substring(0, CONTENT_LENGTH.length() - 3), 10);
        assertThat(p.inProgress()).isTrue();
        assertThat(p.closed()).isFalse();
    }

    @Test
    void garbageIsRejected() {
        assertThatThrownBy(() -> feed(new ResponseParser(false), "SSH-2.0-OpenSSH_9.2\r\n", 100))
                .isInstanceOf(ResponseParser.MalformedResponseException.class)
                .hasMessage("not an HTTP/1.x status line: 'SSH-2.0-OpenSSH_9.2'");
        assertThatThrownBy(() -> feed(new ResponseParser(false), "HTTP/1.1 200 OK\r\nContent-Length: x1\r\n\r\n", 100))
                .hasMessage("bad Content-Length 'x1'");
        assertThatThrownBy(() -> feed(new ResponseParser(false), "HTTP/1.1 200 OK\r\n" + "X: y".repeat(5000), 100))
                .hasMessageContaining("longer than 16384 bytes");
    }
}
