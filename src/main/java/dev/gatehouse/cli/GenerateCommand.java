package dev.gatehouse.cli;

import dev.gatehouse.datasets.Datasets;
import dev.gatehouse.store.SecretBox;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    @Override
    public Integer call() {
        Path db = data.resolve(ServeCommand.DATABASE_FILE);
        if (java.nio.file.Files.exists(db)) {
            System.err.println("gatehouse: " + db + " exists; generate into an empty data directory");
            return 2;
        }
        if (!(scale > 0 && scale <= 1)) {
            System.err.println("gatehouse: --scale must be above 0 and at most 1");
            return 2;
        }
        SecretBox key;
        try {
            key = DatabaseSettings.secretKey(System.getenv("GATEHOUSE_SECRET_KEY"));
        } catch (IllegalArgumentException e) {
            System.err.println("gatehouse: " + e.getMessage());
            return 2;
        }
        long start = System.nanoTime();
        // Sealed with the key serve will use: GATEHOUSE_SECRET_KEY, or the data directory's key file.
        try (SqliteStore store = key == null ? SqliteStore.open(db) : SqliteStore.open(db, key)) {
            switch (dataset) {
                case "large" -> Datasets.large(store, seed, Datasets.Large.scaled(scale));
                case "many" -> Datasets.many(store, seed, (int) Math.max(1, Math.round(10_000 * scale)));
                default -> {
                    System.err.println("gatehouse: --dataset must be large or many");
                    return 2;
                }
            }
            System.out.printf("wrote %s (seed %d, scale %s) to %s in %.1f s, revision %d%n", dataset, seed, scale, db,
                    (System.nanoTime() - start) / 1e9, store.revision());
        }
        return 0;
    }
}
