package dev.gatehouse.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay between a node and PostgreSQL that breaks the network the ways a real one breaks: it cuts
 * every connection (now, or when the server answers the next COMMIT: committed, and the node never hears
 * it), refuses new ones while down, or stalls: stops forwarding in both directions, holding what it read,
 * until resumed.
 * (nodes.TcpProxy only goes down and up; its package keeps it private, and stalls need the pumps' help.)
 */
final class FaultProxy implements AutoCloseable {
    /**
     * The tag of the server's CommandComplete for a COMMIT. The request cannot be told by its text: the driver
     * prepares COMMIT on the server after a few uses and then sends only the statement's name.
     */
    private static final byte[] COMMITTED = "COMMIT\0".getBytes(StandardCharsets.US_ASCII);
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private final Object stallLock = new Object();
    private volatile boolean stalled;
    /** Armed: the server's next answer to a COMMIT is dropped, and every connection cut. */
    private volatile CountDownLatch atCommit;

    FaultProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = s.getLocalPort();
        listen(s);
    }

    int port() {
        return port;
    }

    /** Drops every connection; new ones are still accepted. */
    void cut() {
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        open.clear();
    }

    /** Drops every connection and refuses new ones, as a database that went away. */
    synchronized void down() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        cut();
    }

    synchronized void up() throws IOException {
        if (server == null) {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            listen(s);
        }
    }

    void stall(boolean on) {
        synchronized (stallLock) {
            stalled = on;
            stallLock.notifyAll();
        }
    }

    /**
     * Cuts everything when the server next answers a COMMIT, dropping the answer; returns whether that
     * happened within {@code waitMillis}.
     */
    boolean cutAtNextCommit(long waitMillis) throws InterruptedException {
        CountDownLatch fired = new CountDownLatch(1);
        atCommit = fired;
        boolean seen = fired.await(waitMillis, TimeUnit.MILLISECONDS);
        atCommit = null;
        return seen;
    }

    private void listen(ServerSocket s) {
        server = s;
        Thread accept = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket client = s.accept();
                    Socket target;
                    try {
                        target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    } catch (IOException refused) {
                        client.close();
                        continue;
                    }
                    open.add(client);
                    open.add(target);
                    pump(client, target, false);
                    pump(target, client, true);
                } catch (IOException e) {
                    return;
                }
            }
        }, "fault-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    private void pump(Socket from, Socket to, boolean fromDatabase) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    awaitUnstalled();
                    CountDownLatch armed = atCommit;
                    if (fromDatabase && armed != null && contains(buffer, n, COMMITTED)) {
                        atCommit = null;
                        cut();
                        armed.countDown();
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // One side went away: the other goes too, as with a real broken connection.
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "fault-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void awaitUnstalled() throws InterruptedException {
        synchronized (stallLock) {
            while (stalled) {
                stallLock.wait();
            }
        }
    }

    private static boolean contains(byte[] buf, int n, byte[] word) {
        outer:
        for (int i = 0; i + word.length <= n; i++) {
            for (int j = 0; j < word.length; j++) {
                if (buf[i + j] != word[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        stall(false);
        down();
    }
}
