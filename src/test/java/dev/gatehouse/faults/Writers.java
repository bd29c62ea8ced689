package dev.gatehouse.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Concurrent writers over HTTP, one thread each, each setting only its own slots, and recording every
 * attempt with what the node answered. A writer never waits between writes longer than a few ms: the
 * fault must find writes in flight and queued.
 */
final class Writers {
    private final List<Thread> threads = new ArrayList<>();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private volatile Api api;

    Writers(Api api, Workload workload, long seed) {
        this.api = api;
        for (int w = 0; w < workload.writers(); w++) {
            int writer = w;
            Random random = new Random(seed + w);
            Thread t = new Thread(() -> loop(workload, writer, random), "fault-writer-" + w);
            t.setDaemon(true);
            threads.add(t);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    private void loop(Workload workload, int w, Random random) {
        Map<String, String> last = new HashMap<>();
        int serial = 0;
        while (running) {
            Slot slot = workload.next(w, random, serial++);
            Slot.Write write = slot.next(random, last.getOrDefault(slot.key, slot.initial));
            last.put(slot.key, write.value());
            record(api, slot, write, attempts);
            sleep(random.nextInt(4));
        }
    }

    static Attempt record(Api api, Slot slot, Slot.Write write, List<Attempt> into) {
        long start = System.nanoTime();
        Api.Res r = api.call(write.method(), write.path(), write.body());
        Attempt a = new Attempt(slot.key, write.value(), write.request(), Attempt.classify(r), r.status(), r.message(),
                r.revision(), start, r.nanos());
        into.add(a);
        return a;
    }

    /** Stops the writers, waiting for their writes in flight, and returns every attempt, in no order. */
    List<Attempt> stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(Api.TIMEOUT.toMillis() + 5000);
        }
        return attempts;
    }

    /** Writes tried through another API client: used by the probe of a round, recorded with the rest. */
    List<Attempt> sink() {
        return attempts;
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
