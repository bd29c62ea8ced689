package dev.gatehouse.cli;

import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.Caller;
import dev.gatehouse.service.DataService;
import dev.gatehouse.service.Services;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse import FILE}: writes an export file into a database, through the same write path as the
 * API (a server running on the same database sees each chunk as it commits). Files of any size: the API's
 * import takes what fits in a request body.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import an export file into its organization (created when it does not exist).")
final class ImportCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "FILE", description = "The export file.")
    Path file;

    @Option(names = "--org", description = "Refuse the file unless it is of this organization.")
    String org;

    @Spec
    CommandSpec spec;

    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        if (!Files.isReadable(file)) {
            spec.commandLine().getErr().println("gatehouse: cannot read " + file);
            return 2;
        }
        long start = System.nanoTime();
        // A chunk of thousands of records may take longer than one request's write; it still ends within this.
        try (Services services = store.open(env, Duration.ofSeconds(30), true);
             InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataService.Imported done = services.data().importFrom(Caller.SYSTEM, org, in);
            spec.commandLine().getOut().printf("imported %s: %d records, %d changed, in %d writes, revision %d, %.1f s%n",
                    done.organizationId(), done.records(), done.written(), done.writes(), done.revision(),
                    (System.nanoTime() - start) / 1e9);
            return 0;
        } catch (ApiException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("gatehouse: " + file + ": " + e.getMessage() + "; nothing was imported");
            return 2;
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("gatehouse: import failed: " + e.getMessage());
            return 1;
        }
    }
}
