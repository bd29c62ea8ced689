package dev.gatehouse.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks and appends a table for today's run to BENCHMARKS.md: the median of the measured
 * iterations of each benchmark, with the machine it ran on. Nothing in the table is typed by hand.
 *
 * <p>Arguments: a regular expression of benchmarks to run (default: all), e.g. {@code EngineBenchmark}, or
 * {@code ServerBenchmark} for the server over HTTP ({@link ServerBenchmark}), {@code ObservabilityBenchmark} for
 * what the access log, metrics and rate limits cost ({@link ObservabilityBenchmark}), {@code ScimBenchmark} for SCIM
 * provisioning requests a second per organization ({@link ScimBenchmark}), {@code DataBenchmark} for export and
 * import ({@link DataBenchmark}), {@code PostgresBenchmark} for PostgreSQL ({@link PostgresBenchmark}: the naive
 * SQL baseline, two nodes, writes), or {@code ExpiryBenchmark} for what expiring grants cost
 * ({@link ExpiryBenchmark}); each adds its own section.
 */
public final class RunBenchmarks {
    private RunBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String include = args.length > 0 && !args[0].equals("-h") ? args[0] : "dev.gatehouse.bench.*Benchmark";
        Options options = new OptionsBuilder()
                .include(include)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(7).measurementTime(TimeValue.seconds(2))
                .jvmArgs("-Xmx3g")
                // A benchmark that throws must fail the run, not publish a table without its rows.
                .shouldFailOnError(true)
                .build();
        Pattern selected = Pattern.compile(include);
        String command = "mvn -Pbench test-compile exec:exec"
                + (args.length > 0 && !args[0].equals("-h") ? " -Dbench.args=" + args[0] : "");
        if (selectsJmh(selected)) {
            write(new Runner(options).run(), command, selected.matcher(EngineBenchmark.class.getName()).find()
                    ? "engine on `large`" : "JMH, " + include);
        }
        if (selected.matcher(ServerBenchmark.class.getName()).find()) {
            publish(ServerBenchmark.run(machine(), command));
        }
        if (selected.matcher(ObservabilityBenchmark.class.getName()).find()) {
            publish(ObservabilityBenchmark.run(machine(), command));
        }
        if (selected.matcher(ScimBenchmark.class.getName()).find()) {
            publish(ScimBenchmark.run(machine(), command));
        }
        if (selected.matcher(DataBenchmark.class.getName()).find()) {
            publish(DataBenchmark.run(machine(), command));
        }
        if (selected.matcher(PostgresBenchmark.class.getName()).find()) {
            publish(PostgresBenchmark.run(machine(), command));
        }
        if (selected.matcher(ExpiryBenchmark.class.getName()).find()) {
            publish(ExpiryBenchmark.run(machine(), command));
        }
        if (selected.matcher(MigrateBenchmark.class.getName()).find()) {
            publish(MigrateBenchmark.run(machine(), command));
        }
    }

    /** Whether the expression names a JMH benchmark (JMH lists them in META-INF/BenchmarkList). */
    private static boolean selectsJmh(Pattern selected) throws IOException {
        try (InputStream in = RunBenchmarks.class.getResourceAsStream("/META-INF/BenchmarkList")) {
            return in != null && new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .anyMatch(line -> selected.matcher(line).find());
        }
    }

    /** The machine a table was measured on, as one sentence. */
    static String machine() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + (os.getTotalMemorySize() >> 30)
                + " GiB, Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ").";
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(Double::compare);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** @param title the section's heading after the date: a run of other benchmarks must not replace the engine's */
    private static void write(Collection<RunResult> results, String command, String title) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("\n## ").append(LocalDate.now()).append(" — ").append(title).append("\n\n");
        md.append(machine()).append(" Command: `").append(command).append("`.\n\n");
        md.append("| benchmark | median | unit | min | max | iterations |\n| --- | ---: | --- | ---: | ---: | ---: |\n");
        for (RunResult r : results) {
            List<Double> scores = new ArrayList<>();
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult i : b.getIterationResults()) {
                    scores.add(i.getPrimaryResult().getScore());
                }
            }
            String name = r.getParams().getBenchmark().replaceAll("^.*\\.(\\w+\\.\\w+)$", "$1") + params(r);
            md.append(String.format("| %s | %,.2f | %s | %,.2f | %,.2f | %d |%n", name, median(scores),
                    r.getPrimaryResult().getScoreUnit(), scores.stream().mapToDouble(d -> d).min().orElse(0),
                    scores.stream().mapToDouble(d -> d).max().orElse(0), scores.size()));
        }
        md.append(PeerTable.markdown(results));
        publish(md.toString());
    }

    /** The run's parameters other than the dataset's scale, e.g. " (strategy=SYNCHRONIZED)", so rows stay apart. */
    private static String params(RunResult r) {
        List<String> kv = new ArrayList<>();
        for (String key : r.getParams().getParamsKeys()) {
            if (!key.equals("scale")) {
                kv.add(key + "=" + r.getParams().getParam(key));
            }
        }
        return kv.isEmpty() ? "" : " (" + String.join(", ", kv) + ")";
    }

    /** Appends a section (a "## date — title" heading and its tables) to BENCHMARKS.md and prints it. */
    static void publish(String table) throws IOException {
        Path file = Path.of("BENCHMARKS.md");
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
        // One table per run date: a second run on the same day replaces that day's table.
        String heading = table.substring(1, table.indexOf('\n', 1));
        int at = text.indexOf(heading);
        if (at >= 0) {
            int next = text.indexOf("\n## ", at + heading.length());
            text = text.substring(0, at > 0 ? at - 1 : 0) + (next >= 0 ? text.substring(next) : "");
        }
        Files.writeString(file, text + table, StandardCharsets.UTF_8);
        System.out.print(table);
    }
}
