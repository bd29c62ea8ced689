package dev.gatehouse.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the access log, the request metrics and the rate limits cost together: the check load of
 * {@link ServerBenchmark} against two servers on copies of {@code large}, one with all three off and one with
 * all three on, measured in alternating rounds (off first, then on first, ...) so that the drift of a shared
 * machine's load falls on both alike. Reports each one's median round and the median of the rounds' ratios.
 *
 * <p>"On" is the default log and metrics (an access-log line per request to stderr, here a file; a timer per
 * route and status) and a rate limit applied to the caller's token (the system token, limited with
 * {@code --rate-limit-system true}, at limits high enough never to refuse). "Off" is {@code --access-log off},
 * {@code --metrics off} and the system token's default exemption from rate limits.
 * {@code GATEHOUSE_BENCH_SECONDS} (default 30) is the length of each round of each server.
 */
final class ObservabilityBenchmark {
    private static final String TOKEN = "bench-system-token-0123456789";
    private static final int THREADS = 2;
    private static final int CONNECTIONS = 32;
    private static final int ROUNDS = 5;
    /** The most the three may cost together, as a share of check throughput. */
    private static final double TARGET = 0.10;
    private static final String UNLIMITED = "100000000";

    private ObservabilityBenchmark() {
    }

    static String run(String machine, String command) throws IOException, InterruptedException {
        int seconds = Integer.parseInt(System.getenv().getOrDefault("GATEHOUSE_BENCH_SECONDS", "30"));
        Path root = Path.of("target", "bench-data");
        BenchData data = BenchData.prepare(root);
        Wrk wrk = Wrk.prepare(root.resolve("lua"));
        String checks = data.file("checks").toString();
        Map<String, String> off = Map.of("GATEHOUSE_ACCESS_LOG", "off", "GATEHOUSE_METRICS", "off");
        Map<String, String> on = Map.of("GATEHOUSE_ACCESS_LOG", "on", "GATEHOUSE_METRICS", "loopback",
                "GATEHOUSE_RATE_LIMIT_SYSTEM", "true", "GATEHOUSE_RATE_READS", UNLIMITED,
                "GATEHOUSE_RATE_READ_BURST", UNLIMITED, "GATEHOUSE_RATE_WRITES", UNLIMITED,
                "GATEHOUSE_RATE_WRITE_BURST", UNLIMITED);
        List<Wrk.Result> offRounds = new ArrayList<>();
        List<Wrk.Result> onRounds = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> offCpu = new ArrayList<>();
        List<Double> onCpu = new ArrayList<>();
        try (ServerProcess quiet = ServerProcess.start(data.jar, data.servable("large", "quiet"), TOKEN, off);
             ServerProcess observed = ServerProcess.start(data.jar, data.servable("large", "observed"), TOKEN, on)) {
            String offUrl = quiet.url() + "/v1/permissions/check";
            String onUrl = observed.url() + "/v1/permissions/check";
            int warmup = Math.min(10, Math.max(3, seconds / 3));
            say("warm-up");
            wrk.run(offUrl, TOKEN, THREADS, CONNECTIONS, warmup, "check.lua", checks);
            wrk.run(onUrl, TOKEN, THREADS, CONNECTIONS, warmup, "check.lua", checks);
            for (int i = 0; i < ROUNDS; i++) {
                Measured a;
                Measured b;
                if (i % 2 == 0) {
                    a = measure(wrk, quiet, offUrl, seconds, checks);
                    b = measure(wrk, observed, onUrl, seconds, checks);
                } else {
                    b = measure(wrk, observed, onUrl, seconds, checks);
                    a = measure(wrk, quiet, offUrl, seconds, checks);
                }
                say(String.format(Locale.ROOT, "round %d: off %s (%.1f µs CPU a request) / on %s (%.1f µs)", i + 1,
                        a.wrk(), a.cpuMicros(), b.wrk(), b.cpuMicros()));
                offRounds.add(a.wrk());
                onRounds.add(b.wrk());
                offCpu.add(a.cpuMicros());
                onCpu.add(b.cpuMicros());
                ratios.add(b.wrk().perSecond() / a.wrk().perSecond());
            }
        }
        double ratio = RunBenchmarks.median(ratios);
        double cost = 1 - ratio;
        StringBuilder md = new StringBuilder();
        md.append("\n## ").append(LocalDate.now()).append(" — the cost of the access log, metrics and rate limits\n\n");
        md.append(machine).append(" Command: `").append(command).append("`.\n\n");
        md.append(String.format(Locale.ROOT, "`POST /v1/permissions/check` (one random question a request, as in the "
                + "server table) against two `java -jar target/gatehouse.jar serve` on copies of `large`, driven by wrk "
                + "with %d threads and %d connections, in %d alternating rounds of %d s each after a %d s warm-up of "
                + "each. **Off**: `--access-log off --metrics off`, and the system token exempt from rate limits (the "
                + "default). **On**: an access-log line per request (to stderr, here a file), the request histogram "
                + "recorded, and the caller's token rate limited (`--rate-limit-system true`, limits never reached). "
                + "The rows are each server's median round; the ratio is the median of the rounds' ratios. The server's "
                + "CPU time a request (its process's CPU time over the round, divided by the requests answered) is "
                + "what the three cost with the machine's other load taken out.%n%n",
                THREADS, CONNECTIONS, ROUNDS, seconds, Math.min(10, Math.max(3, seconds / 3))));
        md.append("| server | requests/s | p50 ms | p99 ms | server CPU µs a request | errors | rounds (requests/s) |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
        row(md, "off", offRounds, offCpu);
        row(md, "on", onRounds, onCpu);
        // Like the throughput: the median of the rounds' own ratios, each taken under one machine's load.
        List<Double> cpuRatios = new ArrayList<>();
        for (int i = 0; i < offCpu.size(); i++) {
            cpuRatios.add(offCpu.get(i) / onCpu.get(i));
        }
        double cpuRatio = RunBenchmarks.median(cpuRatios);
        md.append(String.format(Locale.ROOT, "%n| throughput on / off (median of the rounds' ratios) | cost | "
                + "CPU a request off / on (median of the rounds' ratios) | cost by CPU | target | met |%n| ---: | ---: | ---: | ---: | --- | --- |%n"
                + "| %.3f | %.1f%% | %.3f | %.1f%% | cost ≤ %.0f%% | %s |%n", ratio, 100 * cost, cpuRatio,
                100 * (1 - cpuRatio), 100 * TARGET, cost <= TARGET ? "yes" : "**no**"));
        return md.toString();
    }

    /** One round of one server: what wrk saw, and the server's CPU time per request meanwhile. */
    private record Measured(Wrk.Result wrk, double cpuMicros) {
    }

    private static Measured measure(Wrk wrk, ServerProcess server, String url, int seconds, String checks)
            throws IOException, InterruptedException {
        long before = server.cpu().toNanos();
        Wrk.Result r = wrk.run(url, TOKEN, THREADS, CONNECTIONS, seconds, "check.lua", checks);
        return new Measured(r, (server.cpu().toNanos() - before) / 1e3 / Math.max(1, r.requests()));
    }

    private static void row(StringBuilder md, String name, List<Wrk.Result> rounds, List<Double> cpu) {
        List<Wrk.Result> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(Wrk.Result::perSecond));
        Wrk.Result median = sorted.get(sorted.size() / 2);
        long errors = rounds.stream().mapToLong(Wrk.Result::errors).sum();
        List<String> each = rounds.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r.perSecond())).toList();
        md.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %.1f | %,d | %s |%n", name,
                median.perSecond(), median.p50Millis(), median.p99Millis(), RunBenchmarks.median(cpu), errors,
                String.join(", ", each)));
    }

    private static void say(String what) {
        System.out.println("# observability benchmark: " + what);
    }
}
