package dev.gatehouse.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The access log's appender (logback.xml): a request's thread only puts its line in a queue; a thread of
 * this appender's own wakes every few milliseconds, encodes the lines queued meanwhile and writes them to
 * stderr in one write. Written on the request's thread, each line waited for the console's lock and made a
 * write(2) of its own, and under load requests queued behind the log. A queue whose writer is woken for each
 * line (Logback's AsyncAppender) moved the wait off the request's thread but cost a thread wake-up a line,
 * which on a machine of two cores was about a third of what a permission check costs.
 *
 * <p>It never blocks a request: when the queue is full a line is dropped, and the next write says how many
 * were. A line is written at most {@link #PAUSE_NANOS} after it was logged. Stopping (as the server does
 * before it exits) writes what is still queued.
 */
public final class QueuedConsoleAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    /** How long stopping waits for the queue to be written. */
    private static final long STOP_MILLIS = 2_000;
    /** The writer's pause between two looks at the queue. */
    static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private volatile Encoder<ILoggingEvent> encoder;
    private int queueSize = 16_384;
    /** Lock-free, so that queueing a line neither takes a lock nor wakes the writer; bounded by {@link #queued}. */
    private final Queue<ILoggingEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private OutputStream out;
    private Thread writer;
    private final AtomicLong dropped = new AtomicLong();

    /** Set from logback.xml ({@code <encoder>}), or by LogSettings for JSON lines before anything is logged. */
    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    public Encoder<ILoggingEvent> getEncoder() {
        return encoder;
    }

    /** Lines that may wait at once; more are dropped. */
    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("no encoder for appender " + name);
            return;
        }
        // System.err as it is now, which a test may have replaced; buffered here, so a batch is one write.
        out = new BufferedOutputStream(System.err, 1 << 16);
        writer = new Thread(this::writeAll, "gatehouse-access-log");
        writer.setDaemon(true);
        super.start();
        writer.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        // What an encoder reads of the request's thread, taken on it: its name, and the message formatted with
        // its arguments. (Gatehouse puts nothing in the MDC, so the rest of prepareForDeferredProcessing,
        // copying it, would be work for nothing.)
        event.getThreadName();
        event.getFormattedMessage();
        if (queued.incrementAndGet() > queueSize) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        queue.offer(event);
    }

    private void writeAll() {
        List<ILoggingEvent> batch = new ArrayList<>();
        while (isStarted()) {
            writeQueued(batch);
            LockSupport.parkNanos(this, PAUSE_NANOS);
        }
        writeQueued(batch);
    }

    /** Writes, in one write, every line queued so far. */
    private void writeQueued(List<ILoggingEvent> batch) {
        for (ILoggingEvent e = queue.poll(); e != null; e = queue.poll()) {
            batch.add(e);
        }
        if (!batch.isEmpty() || dropped.get() > 0) {
            queued.addAndGet(-batch.size());
            write(batch);
            batch.clear();
        }
    }

    private void write(List<ILoggingEvent> batch) {
        Encoder<ILoggingEvent> e = encoder;
        try {
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                out.write(e.encode(droppedLine(lost)));
            }
            for (ILoggingEvent event : batch) {
                out.write(e.encode(event));
            }
            out.flush();
        } catch (IOException | RuntimeException failure) {
            addError("writing the access log failed", failure);
        }
    }

    private ILoggingEvent droppedLine(long lost) {
        LoggerContext context = (LoggerContext) getContext();
        LoggingEvent event = new LoggingEvent(QueuedConsoleAppender.class.getName(), context.getLogger("gatehouse.access"),
                Level.WARN, lost + " access-log lines were dropped: the log could not keep up", null, null);
        event.prepareForDeferredProcessing();
        return event;
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        LockSupport.unpark(writer);
        try {
            writer.join(STOP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
