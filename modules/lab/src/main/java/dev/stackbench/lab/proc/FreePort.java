package dev.stackbench.lab.proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on the loopback interface. */
public final class FreePort {
    private FreePort() {
    }

    /**
     * Asks the kernel for a port that is free on 127.0.0.1 now. Another process may take it
     * before ours binds it; the readiness probe then fails (wrong answer or early exit) rather
     * than silently measuring someone else.
     *
     * @return a port number, 1024..65535
     */
    public static int pick() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port: " + e.getMessage(), e);
        }
    }

    /** @return true when nothing listens on 127.0.0.1:{@code port} (we can bind it) */
    public static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
