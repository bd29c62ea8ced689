package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The access log's appender: a console that does not take writes never holds up the thread logging. */
class QueuedConsoleAppenderTest {
    /** A console that takes nothing until released, and then everything. */
    private static final class StuckConsole extends OutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public synchronized void write(int b) {
            written.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writing.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                written.write(b, off, len);
            }
        }
    }

    @Test
    @Timeout(30)
    void aStuckConsoleDropsLinesInsteadOfBlockingAndSaysHowMany() throws Exception {
        StuckConsole console = new StuckConsole();
        PrintStream original = System.err;
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        QueuedConsoleAppender appender = new QueuedConsoleAppender();
        try {
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern("%level %msg%n");
            encoder.start();
            appender.setContext(context);
            appender.setEncoder(encoder);
            appender.setQueueSize(10);
            appender.start();
            Logger access = context.getLogger("gatehouse.access");
            access.addAppender(appender);
            access.setLevel(Level.INFO);

            access.info("first");
            assertThat(console.writing.await(5, TimeUnit.SECONDS)).as("the writer is stuck on the first line").isTrue();
            long start = System.nanoTime();
            for (int i = 0; i < 1_000; i++) {
                access.info("line " + i);
            }
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms to log 1,000 lines").isLessThan(2_000);
            console.release.countDown();
            appender.stop();
        } finally {
            console.release.countDown();
            appender.stop();
            System.setErr(original);
        }
        List<String> lines = console.written.toString(StandardCharsets.UTF_8).lines().toList();
        // The first, the ten the queue held, and the line that counts the other 990.
        assertThat(lines).hasSize(12).startsWith("INFO first")
                .contains("WARN 990 access-log lines were dropped: the log could not keep up", "INFO line 0", "INFO line 9");
    }
}
