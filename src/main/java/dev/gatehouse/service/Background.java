package dev.gatehouse.service;

/**
 * One daemon thread running a loop until it is closed: the shape the follower and the webhook dispatcher
 * share. The loop asks {@link #running()} between rounds; closing interrupts it and waits for it to end.
 */
final class Background implements AutoCloseable {
    private final String name;
    private final Runnable loop;
    private volatile boolean running;
    private Thread thread;

    Background(String name, Runnable loop) {
        this.name = name;
        this.loop = loop;
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    boolean running() {
        return running;
    }

    /** Ends the loop from within, after an interrupt. */
    void stop() {
        running = false;
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }
}
