package dev.gatehouse.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;

/**
 * The peers table: in a benchmark class that pits a peer against the engine, each method
 * {@code gatehouseX} is paired with the class's other method ending in {@code X}, and the row gives both
 * medians and how many times faster Gatehouse is (Gatehouse ÷ peer in ops/s, peer ÷ Gatehouse in time).
 * Empty when the run had no such pair.
 */
final class PeerTable {
    private static final String GATEHOUSE = "gatehouse";

    private PeerTable() {
    }

    private record Median(String unit, double value) {
    }

    static String markdown(Collection<RunResult> results) {
        // class -> method -> median, in run order
        Map<String, Map<String, Median>> byClass = new LinkedHashMap<>();
        for (RunResult r : results) {
            String full = r.getParams().getBenchmark();
            int dot = full.lastIndexOf('.');
            String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
            List<Double> scores = new ArrayList<>();
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult i : b.getIterationResults()) {
                    scores.add(i.getPrimaryResult().getScore());
                }
            }
            byClass.computeIfAbsent(cls, c -> new LinkedHashMap<>()).put(full.substring(dot + 1),
                    new Median(r.getPrimaryResult().getScoreUnit(), RunBenchmarks.median(scores)));
        }
        StringBuilder md = new StringBuilder();
        for (var e : byClass.entrySet()) {
            String peer = e.getKey().replaceFirst("Benchmark$", "");
            for (var g : e.getValue().entrySet()) {
                if (!g.getKey().startsWith(GATEHOUSE)) {
                    continue;
                }
                String question = g.getKey().substring(GATEHOUSE.length());
                for (var p : e.getValue().entrySet()) {
                    if (p.getKey().startsWith(GATEHOUSE) || !p.getKey().endsWith(question)) {
                        continue;
                    }
                    Median gh = g.getValue();
                    Median other = p.getValue();
                    boolean throughput = gh.unit().startsWith("ops/");
                    double faster = throughput ? gh.value() / other.value() : other.value() / gh.value();
                    md.append(String.format("| %s | %s | %,.2f | %,.2f | %s | %,.1f× |%n",
                            Character.toLowerCase(question.charAt(0)) + question.substring(1), peer, gh.value(),
                            other.value(), gh.unit(), faster));
                }
            }
        }
        if (md.length() == 0) {
            return "";
        }
        return "\nPeers (same questions, same data, same run; the scale of each is in its benchmark's javadoc):\n\n"
                + "| question | peer | Gatehouse | peer | unit | Gatehouse faster by |\n"
                + "| --- | --- | ---: | ---: | --- | ---: |\n" + md;
    }
}
