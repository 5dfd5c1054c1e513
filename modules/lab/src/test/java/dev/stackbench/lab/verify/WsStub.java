package dev.stackbench.lab.verify;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A WebSocket server on loopback port 0 for the verifier's tests, just enough of RFC 6455:
 * the upgrade, unfragmented client frames (masked), text, ping, close. What it does with a text
 * message depends on its {@link Mode}. One thread per connection; {@link #close} stops it.
 */
final class WsStub implements AutoCloseable {
    /** What the stub does. */
    enum Mode {
        /** Every text message to every connection, the sender included. */
        BROADCAST,
        /** Every text message to every connection but the sender. */
        OTHERS,
        /** Accepts, answers pings and closes, forwards nothing. */
        SILENT,
        /** Forwards {@code "got: " + message} to every connection. */
        WRAPPED,
        /** Broadcasts but never answers a ping nor a close frame. */
        DEAF,
        /** Answers the upgrade request with 404. */
        REFUSE
    }

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private final ServerSocket server;
    private final Mode mode;
    private final List<OutputStream> open = new CopyOnWriteArrayList<>();

    WsStub(Mode mode) throws IOException {
        this.mode = mode;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "ws-stub-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return e.g. {@code http://127.0.0.1:41234} */
    URI base() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "ws-stub-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String key = null;
            for (String line : readHead(in).split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
                    key = line.substring(line.indexOf(':') + 1).strip();
                }
            }
            if (mode == Mode.REFUSE || key == null) {
                out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                    + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            open.add(out);
            frames(new DataInputStream(in), out);
        } catch (IOException e) {
            // the client went away
        }
    }

    private void frames(DataInputStream in, OutputStream me) throws IOException {
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long len = b1 & 0x7f;
                if (len == 126) {
                    len = in.readUnsignedShort();
                } else if (len == 127) {
                    len = in.readLong();
                }
                byte[] mask = new byte[4];
                in.readFully(mask);
                byte[] payload = new byte[(int) len];
                in.readFully(payload);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
                int opcode = b0 & 0x0f;
                if (opcode == 0x1) {
                    text(me, new String(payload, StandardCharsets.UTF_8));
                } else if (opcode == 0x9 && mode != Mode.DEAF) {
                    send(me, 0xA, payload);
                } else if (opcode == 0x8) {
                    if (mode != Mode.DEAF) {
                        send(me, 0x8, payload);
                        return;
                    }
                }
            }
        } finally {
            open.remove(me);
        }
    }

    private void text(OutputStream sender, String message) throws IOException {
        if (mode == Mode.SILENT) {
            return;
        }
        byte[] bytes = (mode == Mode.WRAPPED ? "got: " + message : message).getBytes(StandardCharsets.UTF_8);
        for (OutputStream out : open) {
            if (mode != Mode.OTHERS || out != sender) {
                send(out, 0x1, bytes);
            }
        }
    }

    private static void send(OutputStream out, int opcode, byte[] payload) throws IOException {
        synchronized (out) {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x80 | opcode);
            if (payload.length < 126) {
                frame.write(payload.length);
            } else {
                frame.write(126);
                frame.write(payload.length >> 8);
                frame.write(payload.length & 0xff);
            }
            frame.write(payload);
            out.write(frame.toByteArray());
            out.flush();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) != -1) {
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
