package dev.gatehouse.cli;

import ch.qos.logback.classic.LoggerContext;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * How a running server stops: on SIGTERM or SIGINT (or SIGHUP, or {@code System.exit}) the JVM runs its
 * shutdown hooks, and the one here drains and closes the server, flushes the log, and halts with status 0,
 * or 1 if closing failed. Halting from the hook ends the JVM before it sets the status it would otherwise
 * exit with for the signal (143, 130), without reaching into the JVM's internal signal API.
 */
final class Signals {
    private Signals() {
    }

    /** Serves until the JVM is told to stop, then stops {@code running} as above. Never returns. */
    static void serveUntilStopped(AutoCloseable running) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Runtime.getRuntime().halt(stop(running)), "gatehouse-stop"));
        // The stop ends the JVM from the hook; this thread only waits for it.
        new CountDownLatch(1).await();
    }

    private static int stop(AutoCloseable running) {
        int status = 0;
        try {
            running.close();
        } catch (Exception | Error e) {
            System.err.println("gatehouse: stopping failed: " + e);
            status = 1;
        }
        // Halting skips whatever would flush the log later: what is still queued is written now.
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
        System.out.flush();
        System.err.flush();
        return status;
    }
}
