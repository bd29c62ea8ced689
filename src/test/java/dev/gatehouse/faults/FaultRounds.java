package dev.gatehouse.faults;

import static org.assertj.core.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.LoggerFactory;

/**
 * Runs the rounds of one store: {@code -Dgatehouse.fault.rounds} of them (default 20), each with a seed
 * drawn at random and printed, or the one round of {@code -Dgatehouse.seed}. Every round runs, failing or
 * not, so that one run lists every seed that failed and which rules; the test fails at the end if any did.
 */
final class FaultRounds {
    static final int DEFAULT_ROUNDS = 20;

    private FaultRounds() {
    }

    static void run(Bench bench, Path dir) throws Exception {
        Long replay = Long.getLong("gatehouse.seed");
        int rounds = replay != null ? 1 : Integer.getInteger("gatehouse.fault.rounds", DEFAULT_ROUNDS);
        List<Round.Result> failed = new ArrayList<>();
        long start = System.nanoTime();
        // The node and its pool log every store failure with its stack trace; hundreds per round would bury
        // the round lines.
        List<Logger> noisy = List.of((Logger) LoggerFactory.getLogger("dev.gatehouse"),
                (Logger) LoggerFactory.getLogger("com.zaxxer.hikari"));
        List<Level> levels = noisy.stream().map(Logger::getLevel).toList();
        noisy.forEach(l -> l.setLevel(Level.OFF));
        try {
            runRounds(bench, dir, replay, rounds, failed);
        } finally {
            for (int i = 0; i < noisy.size(); i++) {
                noisy.get(i).setLevel(levels.get(i));
            }
        }
        System.out.printf("[faults %s] %d rounds in %d s, %d failed%n", bench.store(), rounds,
                (System.nanoTime() - start) / 1_000_000_000, failed.size());
        if (!failed.isEmpty()) {
            StringBuilder m = new StringBuilder(failed.size() + " of " + rounds + " rounds on " + bench.store()
                    + " broke a rule (replay one with -Dgatehouse.seed=N):");
            for (Round.Result r : failed) {
                m.append("\n  seed=").append(r.seed()).append(' ').append(r.fault()).append(' ').append(r.rules().rules());
                r.violations().stream().limit(3).forEach(v -> m.append("\n      ").append(v));
            }
            fail(m.toString());
        }
    }

    private static void runRounds(Bench bench, Path dir, Long replay, int rounds, List<Round.Result> failed)
            throws Exception {
        Random seeds = new Random();
        for (int i = 1; i <= rounds; i++) {
            long seed = replay != null ? replay : seeds.nextLong();
            long t0 = System.nanoTime();
            Round.Result r = Round.run(bench, seed, Files.createDirectories(dir.resolve("round-" + i)));
            // Closing the node and dropping the database count against the suite's time too.
            System.out.println("round " + i + "/" + rounds + " " + r + " (" + (System.nanoTime() - t0) / 1_000_000
                    + " ms with set-up and teardown)");
            if (r.failed()) {
                failed.add(r);
                r.violations().stream().limit(6).forEach(v -> System.out.println("    " + v));
            }
        }
    }
}
