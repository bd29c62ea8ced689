package dev.gatehouse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The server as a client sees it: {@code java -jar target/gatehouse.jar serve} in a child process on a copy
 * of the generated {@code large} dataset, driven over loopback by wrk at a fixed concurrency, then started
 * on {@code many} too. Measures the reads a documentation platform makes most, a full aggregate walk,
 * start-up time and heap, and durable grant writes with 1 and 16 clients, and returns them as a markdown
 * section with the targets next to the numbers.
 *
 * <p>{@code GATEHOUSE_BENCH_SECONDS} (default 30) sets how long each measured wrk run lasts; each one
 * follows a warm-up run of a third of that (3 to 10 s) whose numbers are dropped.
 */
final class ServerBenchmark {
    private static final String TOKEN = "bench-system-token-0123456789";
    private static final int THREADS = 2;
    private static final int CONNECTIONS = 32;
    private static final double MIB = 1024.0 * 1024.0;

    /** Rounds of {@code /healthz} and check, alternating; odd, so that one round is the median. */
    private static final int ROUNDS = 3;
    private final int seconds;
    private final int warmup;
    private final StringBuilder md = new StringBuilder();
    private Wrk wrk;
    private BenchData data;

    private ServerBenchmark(int seconds) {
        this.seconds = seconds;
        this.warmup = Math.min(10, Math.max(3, seconds / 3));
    }

    /** Runs everything and returns the markdown section for BENCHMARKS.md. */
    static String run(String machine, String command) throws IOException, InterruptedException {
        int seconds = Integer.parseInt(System.getenv().getOrDefault("GATEHOUSE_BENCH_SECONDS", "30"));
        return new ServerBenchmark(seconds).all(machine, command);
    }

    private String all(String machine, String command) throws IOException, InterruptedException {
        Path root = Path.of("target", "bench-data");
        data = BenchData.prepare(root);
        wrk = Wrk.prepare(root.resolve("lua"));

        Wrk.Result health;
        double checkRatio;
        Wrk.Result check;
        Wrk.Result aggregate;
        Wrk.Result memberSpaces;
        Wrk.Result aggregateAlone;
        Wrk.Result memberSpacesAlone;
        List<AggregateWalk.Walk> walks;
        Wrk.Result oneWriter;
        Wrk.Result sixteenWriters;
        long oneWriterCommits;
        long sixteenWritersCommits;
        double readyLarge;
        long heapLarge;
        String aggregatePath = "/v1/spaces/" + data.everyoneSpace + "/permissions/aggregate?limit=1000";
        String memberSpacesPath = "/v1/orgs/" + BenchData.ORG + "/members/" + BenchData.ADMIN_MEMBER + "/spaces?limit=1000";
        try (ServerProcess server = ServerProcess.start(data.jar, data.servable("large"), TOKEN)) {
            readyLarge = server.readySeconds();
            heapLarge = server.heapAfterFullGc();
            String url = server.url();
            SideBySide ceiling = sideBySide(url, data.file("checks").toString());
            health = ceiling.health();
            check = ceiling.check();
            checkRatio = ceiling.ratio();
            aggregate = reads(url + aggregatePath, null);
            memberSpaces = reads(url + memberSpacesPath, null);
            // The same pages from one client: their latency when they do not queue behind 31 others.
            say("one client");
            aggregateAlone = wrk.run(url + aggregatePath, TOKEN, 1, 1, seconds, null);
            memberSpacesAlone = wrk.run(url + memberSpacesPath, TOKEN, 1, 1, seconds, null);
            walks = new AggregateWalk(TOKEN).walks(url + aggregatePath, 2, 5);

            say("writes warm-up");
            wrk.run(url, TOKEN, THREADS, 16, warmup, "grant.lua", data.file("grants-warmup").toString(), "2");
            long before = server.revision();
            say("writes, 1 client");
            oneWriter = wrk.run(url, TOKEN, 1, 1, seconds, "grant.lua", data.file("grants-1").toString(), "1");
            long middle = server.revision();
            say("writes, 16 clients");
            sixteenWriters = wrk.run(url, TOKEN, THREADS, 16, seconds, "grant.lua", data.file("grants-16").toString(),
                    String.valueOf(THREADS));
            oneWriterCommits = middle - before;
            sixteenWritersCommits = server.revision() - middle;
        }
        double readyMany;
        long heapMany;
        try (ServerProcess server = ServerProcess.start(data.jar, data.servable("many"), TOKEN)) {
            readyMany = server.readySeconds();
            heapMany = server.heapAfterFullGc();
        }

        md.append("\n## ").append(LocalDate.now()).append(" — server on `large` and `many`\n\n");
        md.append(machine).append(" Command: `").append(command).append("`.\n\n");
        md.append(String.format(Locale.ROOT, "`java -jar target/gatehouse.jar serve` (default JVM settings) on a copy of "
                + "the generated data, driven over loopback by %s with %d threads and %d connections, %d s per "
                + "endpoint after a %d s warm-up. Errors: answers of 400 or more / socket errors. `/healthz` and "
                + "check alternate in %d rounds of %d s: their rows are each one's median round, and the ratio is "
                + "the median of the rounds' ratios. With 32 connections in flight a request waits behind the "
                + "others (Little's law: the mean latency is 32 divided by the requests/s), so the pages are also "
                + "measured from one connection, which is their own latency.%n%n",
                wrkVersion(), THREADS, CONNECTIONS, seconds, warmup, ROUNDS, Math.max(1, seconds / ROUNDS)));
        md.append("| endpoint (`large`) | request | requests/s | p50 ms | p99 ms | errors | target | met |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | --- | --- |\n");
        row("`/healthz` (the ceiling)", "`GET /healthz`", health, "", null);
        row("check", "`POST /v1/permissions/check`, one random (member, space/collection/page) question", check,
                String.format(Locale.ROOT, "≥ 60%% of `/healthz` (%.0f%%)", 100 * checkRatio), checkRatio >= 0.6);
        row("aggregate page", "`GET " + aggregatePath + "` (every member reaches the space)", aggregate,
                "p99 ≤ 15 ms", aggregate.p99Millis() <= 15);
        row("member-spaces page", "`GET " + memberSpacesPath + "` (an admin: 50,000 spaces)", memberSpaces,
                "p99 ≤ 20 ms", memberSpaces.p99Millis() <= 20);
        row("aggregate page, 1 connection", "the same", aggregateAlone, "p99 ≤ 15 ms", aggregateAlone.p99Millis() <= 15);
        row("member-spaces page, 1 connection", "the same", memberSpacesAlone, "p99 ≤ 20 ms",
                memberSpacesAlone.p99Millis() <= 20);

        List<Double> times = walks.stream().map(AggregateWalk.Walk::seconds).toList();
        AggregateWalk.Walk first = walks.get(0);
        md.append("\n| full aggregate walk (`large`, one client, pages of 1000 with cursors) | items | pages | median s | "
                + "min s | max s | walks | target | met |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
        double walkMedian = RunBenchmarks.median(times);
        md.append(String.format(Locale.ROOT, "| `GET %s` then `&page=<next.page>` | %,d | %,d | %.3f | %.3f | %.3f | %d "
                        + "| < 1.5 s | %s |%n", aggregatePath, first.items(), first.pages(), walkMedian,
                times.stream().mapToDouble(d -> d).min().orElse(0), times.stream().mapToDouble(d -> d).max().orElse(0),
                times.size(), met(walkMedian < 1.5)));

        md.append("\n| start-up | ready s (process start to `/healthz` 200) | heap after full GC MiB | target | met |\n"
                + "| --- | ---: | ---: | --- | --- |\n");
        md.append(String.format(Locale.ROOT, "| `large` | %.2f | %,.0f | ready ≤ 10 s | %s |%n", readyLarge,
                heapLarge / MIB, met(readyLarge <= 10)));
        md.append(String.format(Locale.ROOT, "| `many` | %.2f | %,.0f | | |%n", readyMany, heapMany / MIB));
        long both = heapLarge + heapMany;
        md.append(String.format(Locale.ROOT, "| `large` + `many` (sum of the two) | | %,.0f | heap ≤ 1 GiB | %s |%n",
                both / MIB, met(both <= 1024 * MIB)));

        md.append("\n| durable grant writes (`large`) | clients | writes/s | p50 ms | p99 ms | errors | revisions "
                + "committed | target | met |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
        writeRow(oneWriter, 1, oneWriterCommits, "p50 ≤ 5 ms", oneWriter.p50Millis() <= 5);
        writeRow(sixteenWriters, 16, sixteenWritersCommits, "≥ 2,000 writes/s", sixteenWriters.perSecond() >= 2000);
        md.append("\nEach write is `PATCH /v1/spaces/{space}/permissions/users/{user}` with `{\"role\": ...}` on a "
                + "(space, member) pair of its own, the role flipping on each pass, so every one changes a grant and "
                + "commits a revision.\n");
        return md.toString();
    }

    /** {@code /healthz} and check measured in alternating rounds: the median round of each, and the median ratio. */
    private record SideBySide(Wrk.Result health, Wrk.Result check, double ratio) {
    }

    /**
     * The check target is a ratio of two throughputs, and the load of these shared machines drifts over a
     * minute: measured one after the other, the two could see different machines. So they alternate, in
     * {@link #ROUNDS} rounds that together last as long as one run of another endpoint.
     */
    private SideBySide sideBySide(String url, String checks) throws IOException, InterruptedException {
        String health = url + "/healthz";
        String check = url + "/v1/permissions/check";
        say("/healthz and check warm-up");
        wrk.run(health, TOKEN, THREADS, CONNECTIONS, warmup, null);
        wrk.run(check, TOKEN, THREADS, CONNECTIONS, warmup, "check.lua", checks);
        int roundSeconds = Math.max(1, seconds / ROUNDS);
        List<Wrk.Result> healths = new ArrayList<>();
        List<Wrk.Result> checksRun = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            Wrk.Result h = wrk.run(health, TOKEN, THREADS, CONNECTIONS, roundSeconds, null);
            Wrk.Result c = wrk.run(check, TOKEN, THREADS, CONNECTIONS, roundSeconds, "check.lua", checks);
            say("round " + (i + 1) + ": " + h + " / " + c);
            healths.add(h);
            checksRun.add(c);
            ratios.add(c.perSecond() / h.perSecond());
        }
        return new SideBySide(medianRound(healths), medianRound(checksRun), RunBenchmarks.median(ratios));
    }

    /** The round with the median throughput (an odd number of rounds), as measured, latencies included. */
    private static Wrk.Result medianRound(List<Wrk.Result> rounds) {
        List<Wrk.Result> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(Wrk.Result::perSecond));
        return sorted.get(sorted.size() / 2);
    }

    private Wrk.Result reads(String url, String script, String... args) throws IOException, InterruptedException {
        say(url + " warm-up");
        wrk.run(url, TOKEN, THREADS, CONNECTIONS, warmup, script, args);
        say(url);
        Wrk.Result r = wrk.run(url, TOKEN, THREADS, CONNECTIONS, seconds, script, args);
        say(r.toString());
        return r;
    }

    private void row(String name, String request, Wrk.Result r, String target, Boolean met) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %.2f | %.2f | %,d / %,d | %s | %s |%n", name, request,
                r.perSecond(), r.p50Millis(), r.p99Millis(), r.statusErrors(), r.socketErrors(), target,
                met == null ? "" : met(met)));
    }

    private void writeRow(Wrk.Result r, int clients, long commits, String target, boolean met) {
        md.append(String.format(Locale.ROOT, "| `PATCH` one user's grant on a space | %d | %,.0f | %.2f | %.2f | %,d / %,d "
                        + "| %,d | %s | %s |%n", clients, r.perSecond(), r.p50Millis(), r.p99Millis(), r.statusErrors(),
                r.socketErrors(), commits, target, met(met)));
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String wrkVersion() {
        try {
            Process p = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            String first = out.lines().findFirst().orElse("wrk").trim();
            return first.replaceAll("^(wrk \\S+).*", "$1");
        } catch (IOException | InterruptedException e) {
            return "wrk";
        }
    }

    private static void say(String what) {
        System.out.println("# server benchmark: " + what);
    }
}
