package dev.gatehouse.cli;

import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.Caller;
import dev.gatehouse.service.DataService;
import dev.gatehouse.service.Services;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gatehouse export --org ID [--to FILE]}: an organization's export file, from its database. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write an organization as an export file (NDJSON; see docs/data.md).")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--org", required = true, description = "The organization's id.")
    String org;

    @Option(names = "--to", description = "The file to write (default: standard output).")
    Path to;

    @Spec
    CommandSpec spec;

    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        long start = System.nanoTime();
        try (Services services = store.open(env, Duration.ofSeconds(2), false)) {
            DataService.Export export = services.data().prepare(Caller.SYSTEM, org);
            if (to == null) {
                OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
                export.writeTo(out);
                out.flush();
            } else {
                // Written beside the file and moved into place: a failed export leaves no half file behind.
                Path part = to.toAbsolutePath().resolveSibling(to.getFileName() + ".part");
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
                    export.writeTo(out);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(part);
                    throw e;
                }
                Files.move(part, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                spec.commandLine().getErr().printf("exported %d records of %s to %s in %.1f s%n", export.records(),
                        org, to, (System.nanoTime() - start) / 1e9);
            }
            return 0;
        } catch (ApiException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("gatehouse: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("gatehouse: export failed: " + e.getMessage());
            return 1;
        }
    }
}
