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
 * it; or in the middle of a group of writes), refuses new ones while down, or stalls: stops forwarding in both directions, holding what it read,
 * until resumed. The outage test of {@code nodes} uses it too, for down and up.
 */
public final class FaultProxy implements AutoCloseable {
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private final Object stallLock = new Object();
    private volatile boolean stalled;
    /** Armed: the server's next answer carrying {@link #tag} {@link #times} in one transaction is dropped, and every connection cut. */
    private volatile CountDownLatch atAnswer;
    private volatile byte[] tag;
    private volatile int times;
    private static final byte[] COMMIT = "COMMIT\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ROLLBACK = "ROLLBACK\0".getBytes(StandardCharsets.US_ASCII);

    public FaultProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = s.getLocalPort();
        listen(s);
    }

    public int port() {
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
    public synchronized void down() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        cut();
    }

    public synchronized void up() throws IOException {
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
     * Cuts everything when the server completes a command tagged {@code commandTag} for the
     * {@code timesInTransaction}th time in one transaction (COMMIT; RELEASE, a savepoint released: one more
     * write added to a group that is not committed yet), dropping that answer;
     * returns whether that happened within {@code waitMillis}. Requests cannot be told by their text: the
     * driver prepares statements on the server after a few uses and then sends only their names, but the
     * server's CommandComplete always carries the tag.
     */
    boolean cutAtNextAnswer(String commandTag, int timesInTransaction, long waitMillis) throws InterruptedException {
        CountDownLatch fired = new CountDownLatch(1);
        tag = (commandTag + "\0").getBytes(StandardCharsets.US_ASCII);
        times = timesInTransaction;
        atAnswer = fired;
        boolean seen = fired.await(waitMillis, TimeUnit.MILLISECONDS);
        atAnswer = null;
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
                    // Accepted just before down(): its cut may have run before these were listed, and a
                    // connection that outlives the outage would answer the node as if the database were up.
                    if (s.isClosed()) {
                        client.close();
                        target.close();
                        open.remove(client);
                        open.remove(target);
                        return;
                    }
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
            int seen = 0;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    awaitUnstalled();
                    CountDownLatch armed = atAnswer;
                    boolean fire = false;
                    if (fromDatabase && armed != null) {
                        // Counted per connection, from the end of its last transaction.
                        seen += count(buffer, n, tag);
                        fire = seen >= times;
                        if (!fire && count(buffer, n, COMMIT) + count(buffer, n, ROLLBACK) > 0) {
                            seen = 0;
                        }
                    }
                    if (fire) {
                        atAnswer = null;
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

    private static int count(byte[] buf, int n, byte[] word) {
        int found = 0;
        outer:
        for (int i = 0; i + word.length <= n; i++) {
            for (int j = 0; j < word.length; j++) {
                if (buf[i + j] != word[j]) {
                    continue outer;
                }
            }
            found++;
        }
        return found;
    }

    @Override
    public void close() throws IOException {
        stall(false);
        down();
    }
}
