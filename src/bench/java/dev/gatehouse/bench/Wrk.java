package dev.gatehouse.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code wrk} (installed from Debian's package when missing) with one of the Lua scripts under
 * {@code src/bench/resources/bench}, and reads the line the scripts' {@code done} prints.
 */
final class Wrk {
    private static final Pattern LINE = Pattern.compile("GATEHOUSE-BENCH (.*)");
    private static final String[] SCRIPTS = {"report.lua", "threads.lua", "check.lua", "grant.lua"};

    /** What one wrk run measured. Status errors are answers of 400 or more; socket errors are wrk's own. */
    record Result(long requests, double seconds, double p50Millis, double p99Millis, long statusErrors,
                  long socketErrors) {
        double perSecond() {
            return requests / seconds;
        }

        long errors() {
            return statusErrors + socketErrors;
        }
    }

    private final Path scripts;

    private Wrk(Path scripts) {
        this.scripts = scripts;
    }

    /** Makes sure wrk is installed and the scripts are on disk, under {@code dir}. */
    static Wrk prepare(Path dir) throws IOException, InterruptedException {
        if (!onPath("wrk")) {
            install();
        }
        Files.createDirectories(dir);
        for (String name : SCRIPTS) {
            try (InputStream in = Wrk.class.getResourceAsStream("/bench/" + name)) {
                if (in == null) {
                    throw new IOException("bench/" + name + " is not on the test classpath");
                }
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
        return new Wrk(dir);
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    private static void install() throws IOException, InterruptedException {
        List<String> apt = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            apt.add("sudo");
            apt.add("-n");
        }
        apt.add("apt-get");
        // A fresh machine may have no package lists yet: update once and try again.
        if (Processes.run(concat(apt, "install", "-y", "wrk")) != 0) {
            Processes.run(concat(apt, "update"));
            if (Processes.run(concat(apt, "install", "-y", "wrk")) != 0 || !onPath("wrk")) {
                throw new IOException("could not install wrk (apt-get install -y wrk)");
            }
        }
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    /**
     * Runs {@code script} (a script of {@code src/bench/resources/bench}, or null for plain GETs of {@code url})
     * for {@code seconds}, and returns what it measured.
     */
    Result run(String url, String token, int threads, int connections, int seconds, String script,
               String... scriptArgs) throws IOException, InterruptedException {
        Path combined = scripts.resolve((script == null ? "get" : script.replace(".lua", "")) + "-run.lua");
        // wrk takes one script: the request logic, the thread numbering and the report, concatenated.
        String text = Files.readString(scripts.resolve("threads.lua"))
                + (script == null ? "" : Files.readString(scripts.resolve(script)))
                + Files.readString(scripts.resolve("report.lua"));
        Files.writeString(combined, text);
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t", String.valueOf(threads), "-c",
                String.valueOf(connections), "-d", seconds + "s", "--timeout", "10s",
                "-H", "Authorization: Bearer " + token, "-s", combined.toString(), url));
        if (scriptArgs.length > 0) {
            cmd.add("--");
            cmd.addAll(List.of(scriptArgs));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("wrk failed:\n" + out);
        }
        Matcher m = LINE.matcher(out);
        if (!m.find()) {
            throw new IOException("wrk printed no result line:\n" + out);
        }
        Map<String, Long> v = new HashMap<>();
        for (String kv : m.group(1).trim().split(" ")) {
            String[] parts = kv.split("=");
            v.put(parts[0], Long.parseLong(parts[1]));
        }
        return new Result(v.get("requests"), v.get("duration_us") / 1e6, v.get("p50_us") / 1e3, v.get("p99_us") / 1e3,
                v.get("status_errors"), v.get("socket_errors"));
    }
}
