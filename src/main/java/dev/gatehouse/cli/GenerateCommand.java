package dev.gatehouse.cli;

import dev.gatehouse.datasets.Datasets;
import dev.gatehouse.store.SecretBox;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gatehouse generate}: writes a synthetic benchmark dataset into an empty data directory. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic dataset (large or many) into an empty data directory.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--dataset", required = true, description = "large or many")
    String dataset;

    @Option(names = "--data", required = true, description = "Data directory (must not hold a database yet).")
    Path data;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default 42).")
    long seed;

    @Option(names = "--scale", defaultValue = "1.0", description = "Size of 'large' relative to the full dataset.")
    double scale;

    /** Writes the dataset into an open store; tests give one that fails halfway. */
    interface Fill {
        void into(SqliteStore store);
    }

    Fill fill = store -> {
        if (dataset.equals("large")) {
            Datasets.large(store, seed, Datasets.Large.scaled(scale));
        } else {
            Datasets.many(store, seed, (int) Math.max(1, Math.round(10_000 * scale)));
        }
    };

    /** Where messages go: the command line's writers, which a caller (a test) may set. */
    @Spec
    CommandSpec spec;

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public Integer call() {
        Path db = data.resolve(ServeCommand.DATABASE_FILE);
        // Every check before the first write, so that a refused generate writes nothing.
        if (!dataset.equals("large") && !dataset.equals("many")) {
            err().println("gatehouse: --dataset must be large or many");
            return 2;
        }
        if (Files.exists(db)) {
            err().println("gatehouse: " + db + " exists; generate into an empty data directory");
            return 2;
        }
        if (!(scale > 0 && scale <= 1)) {
            err().println("gatehouse: --scale must be above 0 and at most 1");
            return 2;
        }
        SecretBox key;
        try {
            key = DatabaseSettings.secretKey(System.getenv("GATEHOUSE_SECRET_KEY"));
            StartupChecks.dataDirectory(data);
        } catch (IllegalArgumentException e) {
            err().println("gatehouse: " + e.getMessage());
            return 2;
        } catch (StartupFailure e) {
            err().println("gatehouse: " + e.getMessage());
            return e.exitCode();
        }
        Path keyFile = data.resolve(SecretBox.KEY_FILE);
        List<Path> made = new ArrayList<>();
        for (Path p = data.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            made.add(p);
        }
        boolean keyExisted = Files.exists(keyFile);
        long start = System.nanoTime();
        try {
            Files.createDirectories(data);
            // Sealed with the key serve will use: GATEHOUSE_SECRET_KEY, or the data directory's key file.
            try (SqliteStore store = key == null ? SqliteStore.open(db) : SqliteStore.open(db, key)) {
                fill.into(store);
                spec.commandLine().getOut().printf("wrote %s (seed %d, scale %s) to %s in %.1f s, revision %d%n",
                        dataset, seed, scale, db, (System.nanoTime() - start) / 1e9, store.revision());
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            String left = removeWhatWasMade(db, keyExisted ? null : keyFile, made);
            err().println("gatehouse: generate failed: " + e.getMessage() + "; " + left);
            return 1;
        }
    }

    /** A failed generate leaves nothing: the database and its journals, a new key file, new directories. */
    private static String removeWhatWasMade(Path db, Path newKeyFile, List<Path> newDirectories) {
        List<Path> files = new ArrayList<>(List.of(db, db.resolveSibling(db.getFileName() + "-wal"),
                db.resolveSibling(db.getFileName() + "-shm"), db.resolveSibling(db.getFileName() + "-journal")));
        if (newKeyFile != null) {
            files.add(newKeyFile);
        }
        try {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            for (Path d : newDirectories) {
                Files.deleteIfExists(d);
            }
            return "nothing was left behind";
        } catch (IOException e) {
            return "remove " + db + " by hand (" + e.getMessage() + ")";
        }
    }
}
