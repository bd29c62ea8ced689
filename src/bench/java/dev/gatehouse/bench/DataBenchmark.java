package dev.gatehouse.bench;

import dev.gatehouse.datasets.Datasets;
import dev.gatehouse.service.Caller;
import dev.gatehouse.service.DataService;
import dev.gatehouse.service.Services;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Export and import rates on {@code large}: the dataset is written into a SQLite data directory, a node is
 * opened on it, and its organization is exported to a file; then, in each round, the file is imported into
 * a new, empty SQLite data directory through the write path (checked whole, then written in chunks, each one
 * revision with its audit entries) and that import is exported again, which must give the same bytes.
 * Reports the median round: seconds to export, seconds to import, and grants imported a second (the grants
 * of the file over the whole import's time, everything else in the file included). Then the grants alone: the
 * file without its grants is imported into a new directory, and the whole file after it (timed), which writes
 * the grants and leaves everything else as it is, as when an organization's people and content are there and
 * its permissions come from another system.
 * {@code GATEHOUSE_BENCH_SCALE} (default 1) shrinks the dataset, {@code GATEHOUSE_BENCH_ROUNDS} (default 3)
 * sets the rounds.
 */
final class DataBenchmark {
    private static final double EXPORT_TARGET_S = 10;
    private static final double IMPORT_TARGET_GRANTS = 50_000;
    private static final String TOKEN = "bench-system-token-0123456789";

    /** Imports run and not counted before the measured ones. */
    private static final int WARM_UP = 1;

    private DataBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.print(run(RunBenchmarks.machine(), "mvn -o -q -Pbench test-compile exec:exec -Dbench.args=DataBenchmark"));
    }

    static String run(String machine, String command) throws IOException {
        double scale = Double.parseDouble(System.getenv().getOrDefault("GATEHOUSE_BENCH_SCALE", "1"));
        int rounds = Integer.parseInt(System.getenv().getOrDefault("GATEHOUSE_BENCH_ROUNDS", "3"));
        Path root = Path.of("target", "bench-data", "data-benchmark");
        delete(root);
        Files.createDirectories(root);
        Datasets.Large size = Datasets.Large.scaled(scale);
        long t0 = System.nanoTime();
        try (SqliteStore store = SqliteStore.open(root.resolve("source/gatehouse.db"))) {
            Datasets.large(store, BenchData.SEED, size);
        }
        say(String.format(Locale.ROOT, "generated large (scale %s) in %.1f s", scale, seconds(t0)));
        Path file = root.resolve("large.ndjson");
        List<Double> exports = new ArrayList<>();
        int records;
        try (Services source = open(root.resolve("source/gatehouse.db"))) {
            records = 0;
            for (int i = 0; i < rounds; i++) {
                long t = System.nanoTime();
                DataService.Export export = source.data().prepare(Caller.SYSTEM, BenchData.ORG);
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    export.writeTo(out);
                }
                exports.add(seconds(t));
                records = export.records();
                say(String.format(Locale.ROOT, "export %d: %.2f s, %d records", i + 1, exports.get(i), records));
            }
        }
        long grants;
        try (Stream<String> lines = Files.lines(file)) {
            grants = lines.filter(l -> l.startsWith("{\"kind\":\"grant\"")).count();
        }
        byte[] exported = Files.readAllBytes(file);
        List<Double> imports = new ArrayList<>();
        int writes = 0;
        boolean identical = true;
        // One import first, not counted: a server imports with its code compiled, and the first import in a fresh
        // JVM also pays for compiling it (the command line's whole-process figures are in BENCHMARKS.md apart).
        for (int i = -WARM_UP; i < rounds; i++) {
            Path target = root.resolve("target-" + (i + WARM_UP) + "/gatehouse.db");
            try (Services empty = open(target); InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                long t = System.nanoTime();
                DataService.Imported done = empty.data().importFrom(Caller.SYSTEM, null, in);
                double took = seconds(t);
                if (i >= 0) {
                    imports.add(took);
                }
                writes = done.writes();
                say(String.format(Locale.ROOT, "import %s: %.2f s, %d records in %d writes, %.0f grants/s",
                        i < 0 ? "warm-up" : Integer.toString(i + 1), took, done.written(), done.writes(), grants / took));
                var again = new java.io.ByteArrayOutputStream(exported.length);
                empty.data().export(Caller.SYSTEM, BenchData.ORG, again);
                identical &= Arrays.equals(exported, again.toByteArray());
            }
            delete(target.getParent());
        }
        // The grants alone: into an organization that already has everything else (its members provisioned,
        // its content made), the same file again, which then writes its grants and leaves the rest.
        byte[] withoutGrants = withoutGrants(exported);
        List<Double> grantImports = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Path target = root.resolve("grants-" + i + "/gatehouse.db");
            try (Services prepared = open(target)) {
                prepared.data().importFrom(Caller.SYSTEM, null, new java.io.ByteArrayInputStream(withoutGrants));
                long t = System.nanoTime();
                DataService.Imported done = prepared.data().importFrom(Caller.SYSTEM, null,
                        new java.io.ByteArrayInputStream(exported));
                grantImports.add(seconds(t));
                if (done.written() != grants) {
                    throw new IllegalStateException("the second import wrote " + done.written() + " records, not the "
                            + grants + " grants");
                }
                say(String.format(Locale.ROOT, "grants %d: %.2f s, %d grants in %d writes, %.0f grants/s", i + 1,
                        grantImports.get(i), done.written(), done.writes(), grants / grantImports.get(i)));
            }
            delete(target.getParent());
        }
        double grantSeconds = RunBenchmarks.median(grantImports);
        double export = RunBenchmarks.median(exports);
        double importSeconds = RunBenchmarks.median(imports);
        double rate = grants / importSeconds;
        String table = "\n## " + LocalDate.now() + " — export and import of `large`\n\n"
                + "Command: `" + command + "`. " + machine + " Dataset `large` (seed " + BenchData.SEED + ", scale " + scale
                + "): " + String.format(Locale.ROOT, "%,d", records) + " records, " + String.format(Locale.ROOT, "%,d", grants)
                + " grants, " + String.format(Locale.ROOT, "%.0f", exported.length / 1e6) + " MB of NDJSON, in SQLite with"
                + " synchronous=FULL. Median of " + rounds + " rounds, after " + WARM_UP + " import not counted (the JVM"
                + " compiling the import's code); each import into a new, empty data directory,"
                + " through the write path (checked whole, then written in " + writes + " chunks, one revision each with its"
                + " audit entries); the export of each import was " + (identical ? "" : "**not** ") + "byte-identical to the file.\n\n"
                + "| measure (`large`) | median | min | max | target | met |\n|---|---|---|---|---|---|\n"
                + String.format(Locale.ROOT, "| export (s) | %.2f | %.2f | %.2f | < %.0f s | %s |%n", export,
                min(exports), max(exports), EXPORT_TARGET_S, export < EXPORT_TARGET_S ? "yes" : "**no**")
                + String.format(Locale.ROOT, "| import (s) | %.2f | %.2f | %.2f | | |%n", importSeconds, min(imports),
                max(imports))
                + String.format(Locale.ROOT, "| import (grants/s) | %,.0f | %,.0f | %,.0f | ≥ %,.0f | %s |%n", rate,
                grants / max(imports), grants / min(imports), IMPORT_TARGET_GRANTS,
                rate >= IMPORT_TARGET_GRANTS ? "yes" : "**no**")
                + String.format(Locale.ROOT, "| import (records/s) | %,.0f | %,.0f | %,.0f | | |%n", records / importSeconds,
                records / max(imports), records / min(imports))
                + String.format(Locale.ROOT, "| the grants alone, into the organization with the rest (s) | %.2f | %.2f | %.2f | | |%n",
                grantSeconds, min(grantImports), max(grantImports))
                + String.format(Locale.ROOT, "| the grants alone (grants/s) | %,.0f | %,.0f | %,.0f | ≥ %,.0f | %s |%n",
                grants / grantSeconds, grants / max(grantImports), grants / min(grantImports), IMPORT_TARGET_GRANTS,
                grants / grantSeconds >= IMPORT_TARGET_GRANTS ? "yes" : "**no**");
        delete(root);
        return table;
    }

    /** The file without its grant lines, its closing line counting what is left. */
    private static byte[] withoutGrants(byte[] file) {
        String[] lines = new String(file, java.nio.charset.StandardCharsets.UTF_8).split("\n");
        StringBuilder out = new StringBuilder(file.length / 2);
        int kept = 0;
        for (int i = 0; i < lines.length - 1; i++) {
            if (!lines[i].startsWith("{\"kind\":\"grant\"")) {
                out.append(lines[i]).append('\n');
                kept++;
            }
        }
        out.append("{\"kind\":\"end\",\"records\":").append(kept - 1).append("}\n");
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Services open(Path db) {
        return Services.open(SqliteStore.open(db), Services.Options.defaults(TOKEN)
                .withWriteTimeout(java.time.Duration.ofSeconds(30)));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double min(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static void say(String line) {
        System.err.println("[data] " + line);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
