package dev.stackbench.lab.contestant;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One readiness probe: {@code GET path} on 127.0.0.1 with {@code Connection: close}, on a socket
 * of its own that is closed afterwards. {@link java.net.http.HttpClient} would keep its connection
 * open in its pool, and a server that serves one connection at a time would then never answer
 * anyone else (and every server would carry an idle connection into the measurement).
 */
final class ReadyProbe {
    private static final int MAX_DRAIN_BYTES = 1 << 20;
    private static final int DRAIN_MILLIS = 200;

    private ReadyProbe() {
    }

    /**
     * Reads the rest so the server finishes its response normally before we close; a server that
     * ignores {@code Connection: close} is given {@link #DRAIN_MILLIS}, not a failed probe.
     */
    private static void drain(Socket s, InputStream in) throws IOException {
        s.setSoTimeout(DRAIN_MILLIS);
        byte[] buf = new byte[8192];
        int total = 0;
        try {
            for (int n = in.read(buf); n > 0 && total < MAX_DRAIN_BYTES; n = in.read(buf)) {
                total += n;
            }
        } catch (SocketTimeoutException e) {
            // it kept the connection open: we have the status, which is all we need
        }
    }

    /**
     * @param timeout connect and read time limit
     * @return the status code of the response
     * @throws IOException when nothing answers, or the answer is not HTTP
     */
    static int status(int port, String path, Duration timeout) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                    + "User-Agent: stackbench-ready\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0 || line.length() > 200) {
                    throw new IOException("no HTTP status line (got \"" + line.toString().strip() + "\")");
                }
                line.append((char) c);
            }
            String[] parts = line.toString().strip().split(" ");
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP status line: \"" + line.toString().strip() + "\"");
            }
            drain(s, in);
            try {
                return Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("not an HTTP status line: \"" + line.toString().strip() + "\"", e);
            }
        }
    }
}
