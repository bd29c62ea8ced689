package dev.gatehouse.bench;

import dev.gatehouse.service.ExpirySweeper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What expiring grants cost: the effective-permission rate with 10% of the grants of {@code large} expiring
 * (later) side by side with the rate without expiry, in one JVM ({@link ExpiryReads}); and 100,000 grants
 * expiring at one instant, swept while checks go on ({@link MassExpiry}). Returns the markdown section for
 * BENCHMARKS.md, with the targets next to the numbers.
 */
final class ExpiryBenchmark {
    /** The rate with 10% expiring must be at least this share of the rate without. */
    private static final double RATE_TARGET = 0.90;
    /** The p99 of a check during the sweep, at most. */
    private static final double P99_TARGET_MICROS = 1000;

    private ExpiryBenchmark() {
    }

    static String run(String machine, String command) throws IOException, InterruptedException {
        double loadBefore = load();
        ExpiryReads.Result reads = ExpiryReads.run();
        // The two indexes of the first part go before the second part loads its own.
        System.gc();
        MassExpiry.Result mass = MassExpiry.run(Path.of("target", "bench-data"));
        String shared = String.format(Locale.ROOT, " Load average (1 min) at the start and at the end of the run: %.1f and "
                + "%.1f.", loadBefore, load());
        return markdown(machine + shared, command, reads, mass);
    }

    /** The system's load average over the last minute: how much else wanted the machine's cores. */
    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String row(String name, List<Double> xs, String format) {
        return String.format(Locale.ROOT, "| %s | " + format + " | " + format + " | " + format + " | %d |%n", name,
                RunBenchmarks.median(xs), xs.stream().mapToDouble(d -> d).min().orElse(0),
                xs.stream().mapToDouble(d -> d).max().orElse(0), xs.size());
    }

    private static String markdown(String machine, String command, ExpiryReads.Result reads, MassExpiry.Result m) {
        StringBuilder md = new StringBuilder();
        md.append("\n## ").append(LocalDate.now()).append(" — expiring grants on `large`\n\n");
        md.append(machine).append(" Command: `").append(command).append("`.\n\n");
        md.append(String.format(Locale.ROOT, "Effective permission of random (member, space/collection/page) pairs, one "
                + "`Index.read` per question (as a check makes it), one thread: on `large` as generated, and on `large` "
                + "with 10%% of its grants (chosen with a fixed seed) expiring at instants over the 30 days after "
                + "tomorrow, so that no answer differs. Both indexes in one JVM (`-Xmx3g`), measured in alternating "
                + "rounds of 2 s in the order ABBA, %d pairs after %d pairs of warm-up; the ratio is the median of "
                + "each pair's ratio.%n%n", ExpiryReads.MEASURED_PAIRS, ExpiryReads.WARMUP_PAIRS));
        md.append("| dataset | median ops/s | min | max | rounds |\n| --- | ---: | ---: | ---: | ---: |\n");
        md.append(row("`large`, no grant expiring", reads.without(), "%,.0f"));
        md.append(row("`large`, 10% of grants expiring", reads.expiring(), "%,.0f"));
        md.append(row("ratio of each pair (10% expiring ÷ none)", reads.ratios(), "%.3f"));
        double ratio = RunBenchmarks.median(reads.ratios());
        double ofMedians = RunBenchmarks.median(reads.expiring()) / RunBenchmarks.median(reads.without());
        md.append(String.format(Locale.ROOT, "%nMedian ratio **%.3f** (ratio of the medians %.3f); target ≥ %.2f: %s.%n%n",
                ratio, ofMedians, RATE_TARGET, ratio >= RATE_TARGET ? "met" : "**not met**"));

        md.append(String.format(Locale.ROOT, "%,d grants of `large` (SQLite, durable commits) given one expiry; the node "
                + "serving them checks on one thread (half the questions about the (user, resource) of an expiring "
                + "user grant), first before the instant, then from the instant until its sweep (as `serve` runs "
                + "it) has removed the last of them, a second at a time in turn back to back and at a steady %,d "
                + "checks/s. Back to back, a check (`Index.read` and the walk, in process) is timed from its start: "
                + "what it costs, waiting for the index included (a stall shows in one check only). At the steady "
                + "rate it is timed from when it was due: what a stream of requests sees, including any time the "
                + "thread had no core, which on a shared machine is most of it. Histograms of 10 ns buckets below "
                + "100 µs; GC ms is the JVM's collecting during the phase. The target is on the back-to-back p99 "
                + "during the sweep; the steady rows say how much of the rest is the machine.%n%n", m.expired(),
                MassExpiry.RATE));
        md.append("| phase | checks | checks/s | p50 µs | p99 µs | p99.9 µs | max ms | checks over 1 ms | GC ms |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (MassExpiry.Phase p : List.of(m.before(), m.beforeAtRate(), m.during(), m.duringAtRate())) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,.0f | %.2f | %.2f | %.2f | %.2f | %,d | %,d |%n", p.name(),
                    p.checks(), p.perSecond(), p.p50Micros(), p.p99Micros(), p.p999Micros(), p.maxMillis(),
                    p.overOneMilli(), p.gcMillis()));
        }
        md.append(String.format(Locale.ROOT, "%nThe sweep removed %,d grants in %.2f s, in %,d revisions (at most %d "
                + "grants each). p99 of a check during the sweep: %.1f µs; target ≤ %.0f µs: %s.%n",
                m.expired(), m.sweepSeconds(), m.revisions(), ExpirySweeper.BATCH, m.during().p99Micros(), P99_TARGET_MICROS,
                m.during().p99Micros() <= P99_TARGET_MICROS ? "met" : "**not met**"));
        return md.toString();
    }
}
