package dev.gatehouse.bench;

import dev.gatehouse.datasets.Datasets;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.ResourceType;
import dev.gatehouse.model.SubjectType;
import dev.gatehouse.store.SecretBox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * What the server benchmarks run against: the built jar, the {@code large} and {@code many} data directories
 * (generated once under {@code target/bench-data}; delete it to regenerate), and the id lists the wrk
 * scripts read. The ids are those of {@link Datasets} with seed 42, the same as {@code EngineBenchmark}'s.
 */
final class BenchData {
    static final long SEED = 42;
    static final String ORG = "large";
    /** An organization admin: reaches all 50,000 spaces. */
    static final String ADMIN_MEMBER = "u000000";
    private static final int ADMINS = 5;
    private static final String COMPLETE = ".complete";

    final Path root;
    final Path jar;
    /** A top-level space with a role default, which every non-guest member reaches (as in EngineBenchmark). */
    final String everyoneSpace;

    private BenchData(Path root, Path jar, String everyoneSpace) {
        this.root = root;
        this.jar = jar;
        this.everyoneSpace = everyoneSpace;
    }

    static BenchData prepare(Path root) throws IOException, InterruptedException {
        Files.createDirectories(root);
        Path jar = jar();
        for (String dataset : List.of("large", "many")) {
            generate(jar, root.resolve(dataset), dataset);
        }
        Datasets.Large size = Datasets.Large.scaled(1.0);
        Set<String> granted = new HashSet<>();
        String[] everyone = {null};
        Datasets.large(batch -> {
            for (Change c : batch) {
                if (c instanceof Change.SpacePut sp && everyone[0] == null && sp.space().parentId() == null
                        && sp.space().defaultLevel().kind() == DefaultLevel.Kind.ROLE) {
                    everyone[0] = sp.space().id();
                } else if (c instanceof Change.GrantPut g && g.grant().resource().type() == ResourceType.SPACE
                        && g.grant().subject().type() == SubjectType.USER) {
                    granted.add(g.grant().resource().id() + " " + g.grant().subject().id());
                }
            }
        }, SEED, size);
        BenchData data = new BenchData(root, jar, everyone[0]);
        data.writeChecks(size, 1 << 16);
        data.writeGrants(size, granted, List.of("grants-warmup", "grants-1", "grants-16"), 60_000);
        return data;
    }

    /** The jar, built with {@code mvn package} when it is missing or older than the sources. */
    static Path jar() throws IOException, InterruptedException {
        Path jar = Path.of("target", "gatehouse.jar");
        long newest = Math.max(newest(Path.of("src", "main")), Files.getLastModifiedTime(Path.of("pom.xml")).toMillis());
        if (!Files.exists(jar) || Files.getLastModifiedTime(jar).toMillis() < newest) {
            if (Processes.run(List.of("mvn", "-B", "-ntp", "-q", "-DskipTests", "package")) != 0 || !Files.exists(jar)) {
                throw new IOException("mvn -DskipTests package failed");
            }
        }
        return jar;
    }

    private static long newest(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().lastModified()).max().orElse(0);
        }
    }

    private static void generate(Path jar, Path dir, String dataset) throws IOException, InterruptedException {
        if (Files.exists(dir.resolve(COMPLETE))) {
            return;
        }
        delete(dir);
        if (Processes.run(List.of(Processes.jdkTool("java"), "-jar", jar.toString(), "generate", "--dataset", dataset,
                "--seed", String.valueOf(SEED), "--data", dir.toString())) != 0) {
            throw new IOException("generating " + dataset + " failed");
        }
        Files.createFile(dir.resolve(COMPLETE));
    }

    /**
     * A fresh copy of a generated data directory to serve, so that writes never change the generated one
     * and every run starts from the same data.
     */
    Path servable(String dataset) throws IOException {
        return servable(dataset, dataset);
    }

    /** The same, in a copy of its own named {@code copy}: two servers at once need two. */
    Path servable(String dataset, String copy) throws IOException {
        Path from = root.resolve(dataset);
        Path to = root.resolve("serving-" + copy);
        delete(to);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                // The database and the key its secrets are sealed with: without it, serve refuses the copy.
                String name = f.getFileName().toString();
                if (name.startsWith("gatehouse.db") || name.equals(SecretBox.KEY_FILE)) {
                    Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    Path file(String name) {
        return root.resolve(name + ".txt");
    }

    /** Random (member, resource) questions over spaces, collections and pages: "user type id" lines. */
    private void writeChecks(Datasets.Large size, int count) throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        int resources = size.spaces() + size.collections() + size.pages();
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String user = id("u", r.nextInt(size.members()));
            int k = r.nextInt(resources);
            String resource = k < size.spaces() ? "space " + id("s", k)
                    : k < size.spaces() + size.collections() ? "collection " + id("c", k - size.spaces())
                    : "page " + id("p", k - size.spaces() - size.collections());
            lines.add(user + " " + resource);
        }
        Files.write(file("checks"), lines);
    }

    /** Disjoint lists of (space, non-admin member) pairs that hold no user grant in the dataset: "space user". */
    private void writeGrants(Datasets.Large size, Set<String> granted, List<String> names, int each) throws IOException {
        SplittableRandom r = new SplittableRandom(11);
        Set<String> used = new HashSet<>(granted);
        for (String name : names) {
            List<String> lines = new ArrayList<>(each);
            while (lines.size() < each) {
                String pair = id("s", r.nextInt(size.spaces())) + " " + id("u", ADMINS + r.nextInt(size.members() - ADMINS));
                if (used.add(pair)) {
                    lines.add(pair);
                }
            }
            Files.write(file(name), lines);
        }
    }

    private static String id(String prefix, int n) {
        return String.format("%s%06d", prefix, n);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }
}
