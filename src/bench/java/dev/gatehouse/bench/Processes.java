package dev.gatehouse.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Child processes whose output goes to the benchmark's own console, and the JDK's tools. */
final class Processes {
    private Processes() {
    }

    static int run(List<String> command) throws IOException, InterruptedException {
        System.out.println("$ " + String.join(" ", command));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    /** A tool of the JDK running the benchmark ({@code java}, {@code jcmd}), so the server runs on the same JDK. */
    static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }
}
