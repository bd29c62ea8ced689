package dev.gatehouse.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --data} directory of a command, with {@code serve}'s environment variable and default: for
 * {@link StoreOptions}, and alone for {@code migrate}, whose source is always the SQLite file there.
 */
final class DataDirectory {
    @Option(names = "--data", description = "Data directory (env GATEHOUSE_DATA, default ./gatehouse-data).")
    Path data;

    Path resolve(Map<String, String> env) {
        return data != null ? data : Path.of(env.getOrDefault("GATEHOUSE_DATA", "gatehouse-data"));
    }
}
