package dev.gatehouse.cli;

import dev.gatehouse.http.HttpOptions;
import dev.gatehouse.http.MetricsAccess;
import dev.gatehouse.service.Services;
import dev.gatehouse.service.WebhookDispatcher;
import dev.gatehouse.store.PrivateFiles;
import dev.gatehouse.store.Store;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gatehouse serve}: opens the store, loads the index, serves the API until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the Gatehouse server.",
        footerHeading = "%nSet only in the environment (they are secrets, or lists):%n",
        footer = {
            "  GATEHOUSE_ADMIN_TOKEN    the system token (16+ characters); default:",
            "                           generated on first start into DATA/admin-token",
            "  GATEHOUSE_SECRET_KEY     32 bytes in base64 that encrypt the secrets the",
            "                           database keeps; SQLite: generated into",
            "                           DATA/secret-key; PostgreSQL: required",
            "  GATEHOUSE_WRITE_TIMEOUT  seconds a write may take, queueing included,",
            "                           before a 503 (0.25 to 30, default 2)",
            "  GATEHOUSE_WEBHOOK_ALLOW  internal hosts, addresses or CIDR ranges that",
            "                           webhooks may reach, comma-separated; default:",
            "                           public addresses only"})
final class ServeCommand implements Callable<Integer> {
    static final String DATABASE_FILE = DatabaseSettings.SQLITE_FILE;

    @Option(names = "--port", description = "HTTP port; 0 means any free port (env GATEHOUSE_PORT, default 8080).")
    Integer port;

    @Mixin
    DataDirectory data = new DataDirectory();

    @Option(names = "--public-url", description = "Base of the URLs in responses (env GATEHOUSE_PUBLIC_URL).")
    String publicUrl;

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Option(names = "--db-wait", paramLabel = "SECONDS", description = "How long start-up retries a PostgreSQL it "
            + "cannot reach (env GATEHOUSE_DB_WAIT, default 30).")
    String dbWait;

    @Option(names = "--max-requests", description = "Requests in progress at once; more are answered 503 "
            + "(env GATEHOUSE_MAX_REQUESTS, default 200).")
    String maxRequests;

    @Option(names = "--max-uploads", description = "Request bodies arriving at once; more are answered 503 "
            + "(env GATEHOUSE_MAX_UPLOADS, default 100).")
    String maxUploads;

    @Option(names = "--body-timeout", paramLabel = "SECONDS", description = "How long a whole request body may take "
            + "to arrive (env GATEHOUSE_BODY_TIMEOUT, default 10).")
    String bodyTimeout;

    @Option(names = "--header-timeout", paramLabel = "SECONDS", description = "How long a request line and headers "
            + "may take to arrive (env GATEHOUSE_HEADER_TIMEOUT, default 10).")
    String headerTimeout;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", description = "How long a connection may stay silent "
            + "(env GATEHOUSE_IDLE_TIMEOUT, default 30).")
    String idleTimeout;

    @Option(names = "--drain-seconds", paramLabel = "SECONDS", description = "On SIGTERM, how long requests in flight "
            + "may take to finish (env GATEHOUSE_DRAIN_SECONDS, default 10).")
    String drainSeconds;

    @Option(names = "--rate-reads", paramLabel = "N", description = "Reads (GET) one token, or one address without "
            + "a valid token, may make per minute; more are answered 429 (env GATEHOUSE_RATE_READS, default 600000).")
    String rateReads;

    @Option(names = "--rate-read-burst", paramLabel = "N", description = "Reads one caller may make at once "
            + "(env GATEHOUSE_RATE_READ_BURST, default 60000).")
    String rateReadBurst;

    @Option(names = "--rate-writes", paramLabel = "N", description = "Writes one caller may make per minute "
            + "(env GATEHOUSE_RATE_WRITES, default 120000).")
    String rateWrites;

    @Option(names = "--rate-write-burst", paramLabel = "N", description = "Writes one caller may make at once "
            + "(env GATEHOUSE_RATE_WRITE_BURST, default 20000).")
    String rateWriteBurst;

    @Option(names = "--rate-limit-system", paramLabel = "true|false", description = "Whether the system token is "
            + "rate limited too (env GATEHOUSE_RATE_LIMIT_SYSTEM, default false).")
    String rateLimitSystem;

    @Option(names = "--log-format", paramLabel = "text|json", description = "The log's format: text, or one JSON "
            + "object a line (env GATEHOUSE_LOG_FORMAT, default text).")
    String logFormat;

    @Option(names = "--log-level", paramLabel = "LEVEL", description = "trace, debug, info, warn or error "
            + "(env GATEHOUSE_LOG_LEVEL, default info).")
    String logLevel;

    @Option(names = "--access-log", paramLabel = "on|off", description = "One log line per request "
            + "(env GATEHOUSE_ACCESS_LOG, default on).")
    String accessLog;

    @Option(names = "--metrics", paramLabel = "open|loopback|token|off", description = "Who may read GET /metrics: anyone, "
            + "loopback clients and the system token, the system token only, or nobody, with requests not timed "
            + "(env GATEHOUSE_METRICS, default loopback).")
    String metrics;

    @Option(names = "--cors-origins", paramLabel = "ORIGINS", description = "Web origins whose pages may call the "
            + "API from a browser, comma-separated, as https://docs.example.com (env GATEHOUSE_CORS_ORIGINS, default none).")
    String corsOrigins;

    @Option(names = "--demo", description = "Fill a demo organization on first start and print how to try it.")
    boolean demo;

    /** The environment the settings are read from; tests give their own, since a process cannot change its own. */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() throws Exception {
        Settings settings;
        MetricsAccess metricsAccess;
        java.util.List<String> cors;
        try {
            // First, so that whatever start-up logs is already in the format asked for.
            LogSettings.resolve(logFormat, logLevel, accessLog, env).apply();
            metricsAccess = HttpSettings.metricsAccess(metrics, env);
            cors = HttpSettings.corsOrigins(corsOrigins, env);
            settings = Settings.resolve(port, data.data, publicUrl, db.resolve(dbWait, env),
                    HttpSettings.resolve(new HttpSettings.Flags(maxRequests, maxUploads, bodyTimeout, headerTimeout,
                            idleTimeout, drainSeconds), env),
                    RateSettings.resolve(new RateSettings.Flags(rateReads, rateReadBurst, rateWrites, rateWriteBurst,
                            rateLimitSystem), env), env);
        } catch (IllegalArgumentException e) {
            System.err.println("gatehouse: " + e.getMessage());
            return 2;
        }
        Node running;
        try {
            running = start(settings, demo, System.out, metricsAccess, cors);
        } catch (StartupFailure e) {
            System.err.println("gatehouse: cannot start: " + e.getMessage());
            return e.exitCode();
        } catch (dev.gatehouse.store.StoreException e) {
            String fix = settings.database().postgres()
                    ? "; start PostgreSQL or correct --db-url / GATEHOUSE_DB_URL (and its user), or wait longer with --db-wait"
                    : "; check that " + settings.dataDir().resolve(DATABASE_FILE) + " is a Gatehouse database, or give "
                    + "--data another directory";
            System.err.println("gatehouse: cannot start: " + oneLine(e) + fix);
            return 1;
        } catch (Exception e) {
            // One line, no stack trace: what failed is in the message (a file's, the server's).
            System.err.println("gatehouse: cannot start: " + oneLine(e));
            return 1;
        }
        // SIGTERM and SIGINT drain (requests in flight finish, new connections are refused) and exit 0.
        Signals.serveUntilStopped(running);
        return 0;
    }

    private static String oneLine(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // Its message is the bare file name: say what could not be done to it, why, and what to do.
            if (t instanceof java.nio.file.FileSystemException f) {
                return "cannot write " + f.getFile() + " (" + reason(f) + "); give --data (or GATEHOUSE_DATA) a "
                        + "directory this user may write";
            }
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static String reason(java.nio.file.FileSystemException f) {
        if (f.getReason() != null) {
            return f.getReason();
        }
        if (f instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (f instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        return f.getClass().getSimpleName();
    }

    /**
     * Checks what can be checked before anything is written (the data path, the port), then opens the store
     * and only then writes the admin token. A start that fails removes the data directory if it made it.
     */
    static Node start(Settings settings, boolean demo, PrintStream out) throws Exception {
        return start(settings, demo, out, MetricsAccess.LOOPBACK, java.util.List.of());
    }

    static Node start(Settings settings, boolean demo, PrintStream out, MetricsAccess metricsAccess,
                      java.util.List<String> cors) throws Exception {
        Path dir = settings.dataDir();
        StartupChecks.dataDirectory(dir);
        StartupChecks.portFree(settings.port());
        boolean existed = Files.exists(dir);
        try {
            return open(settings, demo, out, metricsAccess, cors);
        } catch (Exception | Error e) {
            if (!existed) {
                removeTree(dir);
            }
            if (e instanceof io.javalin.util.JavalinBindException) {
                throw StartupChecks.inUse(settings.port());
            }
            throw e;
        }
    }

    private static Node open(Settings settings, boolean demo, PrintStream out, MetricsAccess metricsAccess,
                             java.util.List<String> cors) throws Exception {
        // Owner-only: it holds the admin token, the database and (SQLite) the key that seals its secrets.
        PrivateFiles.directory(settings.dataDir());
        // The store is opened (and the index loaded) before the token is written: a database that cannot be
        // used leaves no token behind.
        Store store = settings.database().open(settings.dataDir());
        AdminToken.Resolved admin;
        try {
            admin = AdminToken.resolve(settings);
        } catch (java.io.IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        NodeConfig config = config(settings, store, admin.token(), metricsAccess);
        Node node = Node.start(config.withHttp(config.http().withCorsOrigins(cors)));
        try {
            announce(settings, node, admin, out);
            if (demo) {
                Demo.run(node.services(), settings.dataDir(), node.url(), out);
            }
            return node;
        } catch (Exception | Error e) {
            node.close();
            throw e;
        }
    }

    /** The node's one configuration, from the settings. */
    static NodeConfig config(Settings settings, Store store, String systemToken, MetricsAccess metricsAccess) {
        Services.Options services = Services.Options.defaults(systemToken)
                .withWriteTimeout(settings.database().writeTimeout())
                .withWebhooks(settings.webhooks(), WebhookDispatcher.Timing.standard());
        HttpOptions http = HttpOptions.defaults().withPublicUrl(settings.publicUrl()).withLimits(settings.http())
                .withRates(settings.rates(), System::nanoTime).withMetrics(metricsAccess);
        return new NodeConfig(() -> store, settings.port(), services, http, true);
    }

    private static void announce(Settings settings, Node node, AdminToken.Resolved admin, PrintStream out) {
        long revision = node.services().status().revision();
        out.println("Gatehouse is serving on " + node.url() + " (" + settings.database().describe(settings.dataDir())
                + ", revision " + revision + ")");
        if (admin.created()) {
            out.println("System token (shown once; also kept, owner-readable only, in " + admin.file() + "):");
            out.println("  " + admin.token());
        } else if (admin.file() != null) {
            // Never the token itself after the first start: only where an operator finds it.
            out.println("System token: in " + admin.file() + " (owner-readable only)");
        } else {
            out.println("System token: the one GATEHOUSE_ADMIN_TOKEN sets");
        }
    }

    /** What a failed start made: it held nothing before, so nothing of it is kept. */
    private static void removeTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
