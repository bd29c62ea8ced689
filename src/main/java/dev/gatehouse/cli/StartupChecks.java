package dev.gatehouse.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What start-up checks before it writes anything, so that a start that cannot succeed leaves the data
 * directory as it found it: the data path can hold a directory, and the port is free.
 */
final class StartupChecks {
    private StartupChecks() {
    }

    /** The data path is a directory, or can be made one, and this process may write there. */
    static void dataDirectory(Path dir) throws StartupFailure {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new StartupFailure(2, "the data path " + dir + " has no existing parent; give --data a directory");
        }
        if (!Files.isDirectory(existing)) {
            throw new StartupFailure(2, "the data path " + existing + " is not a directory; give --data (or GATEHOUSE_DATA) "
                    + "a directory, or a path where one may be made");
        }
        if (!Files.isWritable(existing) || !Files.isExecutable(existing)) {
            throw new StartupFailure(1, "the data directory " + existing + " is not writable by this user; make it "
                    + "writable (chown or chmod u+rwx), or give --data another directory");
        }
    }

    /**
     * The port is free: probed by binding it once, since the server itself binds only after the store is
     * open. Port 0 is always free.
     */
    static void portFree(int port) throws StartupFailure {
        if (port == 0) {
            return;
        }
        try (ServerSocket s = new ServerSocket()) {
            // As Jetty binds it: reusing an address in TIME_WAIT is not 'in use'.
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw inUse(port);
        }
    }

    static StartupFailure inUse(int port) {
        return new StartupFailure(1, "port " + port + " is in use; use --port N or --port 0 (any free port)");
    }
}
