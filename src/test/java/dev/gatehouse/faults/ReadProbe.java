package dev.gatehouse.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One reader asking a node the same question over and over, timing each answer: reads are answered from
 * the index, so during a database fault they must go on answering as fast as before.
 */
final class ReadProbe {
    /** One read: when it was sent, how long it took, its status (0: no answer). */
    record Read(long startNanos, long nanos, int status) {
    }

    /** The reads that overlap a window: how many, how many did not answer 200, and the p99 and worst latency. */
    record Stats(int count, int failed, long p99Millis, long maxMillis) {
        @Override
        public String toString() {
            return "reads " + count + " (" + failed + " not 200), p99 " + p99Millis + " ms, max " + maxMillis + " ms";
        }
    }

    private final List<Read> reads = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    ReadProbe(Api api, String path) {
        thread = new Thread(() -> {
            while (running) {
                long start = System.nanoTime();
                Api.Res r = api.call("GET", path, null);
                reads.add(new Read(start, r.nanos(), r.status()));
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fault-reader");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join(Api.TIMEOUT.toMillis() + 5000);
    }

    Stats during(long fromNanos, long toNanos) {
        List<Long> ms = new ArrayList<>();
        int failed = 0;
        for (Read r : reads) {
            // Overlap, not start: a read sent just before the fault and held up by it counts too.
            if (r.startNanos() <= toNanos && r.startNanos() + r.nanos() >= fromNanos) {
                ms.add(r.nanos() / 1_000_000);
                failed += r.status() == 200 ? 0 : 1;
            }
        }
        ms.sort(Long::compare);
        if (ms.isEmpty()) {
            return new Stats(0, 0, 0, 0);
        }
        return new Stats(ms.size(), failed, ms.get((int) Math.ceil(ms.size() * 0.99) - 1), ms.get(ms.size() - 1));
    }
}
