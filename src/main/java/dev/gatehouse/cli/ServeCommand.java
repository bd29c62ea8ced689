package dev.gatehouse.cli;

import dev.gatehouse.http.HttpApi;
import dev.gatehouse.http.MetricsAccess;
import dev.gatehouse.service.Follower;
import dev.gatehouse.service.Gatehouse;
import dev.gatehouse.service.Services;
import dev.gatehouse.service.WebhookDispatcher;
import dev.gatehouse.store.PrivateFiles;
import dev.gatehouse.store.Store;
import io.javalin.Javalin;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse serve}: opens the store, loads the index, serves the API until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the Gatehouse server.")
final class ServeCommand implements Callable<Integer> {
    static final String DATABASE_FILE = DatabaseSettings.SQLITE_FILE;

    @Option(names = "--port", description = "HTTP port (env GATEHOUSE_PORT, default 8080).")
    Integer port;

    @Option(names = "--data", description = "Data directory (env GATEHOUSE_DATA, default ./gatehouse-data).")
    Path data;

    @Option(names = "--public-url", description = "Base of the URLs in responses (env GATEHOUSE_PUBLIC_URL).")
    String publicUrl;

    @Option(names = "--db-url", description = "PostgreSQL to keep the data in, jdbc:postgresql://HOST:PORT/DB "
            + "(env GATEHOUSE_DB_URL; default: SQLite in the data directory).")
    String dbUrl;

    @Option(names = "--db-user", description = "PostgreSQL user (env GATEHOUSE_DB_USER).")
    String dbUser;

    @Option(names = "--db-password", description = "PostgreSQL password (env GATEHOUSE_DB_PASSWORD, which other "
            + "users cannot read in the process list).")
    String dbPassword;

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

    @Option(names = "--log-format", paramLabel = "text|json", description = "The log's format: text, or one JSON "
            + "object a line (env GATEHOUSE_LOG_FORMAT, default text).")
    String logFormat;

    @Option(names = "--log-level", paramLabel = "LEVEL", description = "trace, debug, info, warn or error "
            + "(env GATEHOUSE_LOG_LEVEL, default info).")
    String logLevel;

    @Option(names = "--access-log", paramLabel = "on|off", description = "One log line per request "
            + "(env GATEHOUSE_ACCESS_LOG, default on).")
    String accessLog;

    @Option(names = "--metrics", paramLabel = "open|loopback|token", description = "Who may read GET /metrics: anyone, "
            + "loopback clients and the system token, or the system token only (env GATEHOUSE_METRICS, default loopback).")
    String metrics;

    @Option(names = "--demo", description = "Fill a demo organization on first start and print how to try it.")
    boolean demo;

    /** The environment the settings are read from; tests give their own, since a process cannot change its own. */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() throws Exception {
        Settings settings;
        MetricsAccess metricsAccess;
        try {
            // First, so that whatever start-up logs is already in the format asked for.
            LogSettings.resolve(logFormat, logLevel, accessLog, env).apply();
            metricsAccess = HttpSettings.metricsAccess(metrics, env);
            settings = Settings.resolve(port, data, publicUrl,
                    DatabaseSettings.resolve(dbUrl, dbUser, dbPassword, dbWait, env),
                    HttpSettings.resolve(new HttpSettings.Flags(maxRequests, maxUploads, bodyTimeout, headerTimeout,
                            idleTimeout, drainSeconds), env), env);
        } catch (IllegalArgumentException e) {
            System.err.println("gatehouse: " + e.getMessage());
            return 2;
        }
        Running running;
        try {
            running = start(settings, demo, System.out, metricsAccess);
        } catch (dev.gatehouse.store.StoreException | java.io.IOException e) {
            System.err.println("gatehouse: cannot start: " + e.getMessage());
            return 1;
        }
        // SIGTERM and SIGINT drain (requests in flight finish, new connections are refused) and exit 0.
        // They are handled here rather than by the JVM: its own handling of them exits 143 and 130.
        CountDownLatch stop = new CountDownLatch(1);
        for (String signal : new String[] {"TERM", "INT"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> stop.countDown());
        }
        // Any other end of the JVM still closes the store cleanly (a second close does nothing).
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "gatehouse-shutdown"));
        stop.await();
        running.close();
        return 0;
    }

    /** A started server and what it holds open. */
    record Running(Javalin app, Gatehouse core, int port, Follower follower, WebhookDispatcher webhooks,
                   Duration drain, AtomicBoolean closed) implements AutoCloseable {
        Running(Javalin app, Gatehouse core, int port, Follower follower, WebhookDispatcher webhooks, Duration drain) {
            this(app, core, port, follower, webhooks, drain, new AtomicBoolean());
        }

        /** Drains and stops the server first: the requests in flight may be writes, which need the store. */
        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                HttpApi.drain(app, drain);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            app.stop();
            webhooks.close();
            follower.close();
            core.close();
        }
    }

    static Running start(Settings settings, boolean demo, PrintStream out) throws Exception {
        return start(settings, demo, out, MetricsAccess.LOOPBACK);
    }

    static Running start(Settings settings, boolean demo, PrintStream out, MetricsAccess metricsAccess) throws Exception {
        // Owner-only: it holds the admin token, the database and (SQLite) the key that seals its secrets.
        PrivateFiles.directory(settings.dataDir());
        AdminToken.Resolved admin = AdminToken.resolve(settings);
        Store store = settings.database().open(settings.dataDir());
        Gatehouse core;
        try {
            core = Gatehouse.open(store, Clock.systemUTC(), settings.database().writeTimeout().toMillis());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        Services services = Services.create(core, admin.token(), settings.webhooks());
        core.metrics().bindJvmAndProcess();
        String url = settings.publicUrl();
        long waitMs = HttpApi.DEFAULT_MIN_REVISION_WAIT_MS;
        Javalin app;
        int boundPort;
        if (url == null) {
            // The URL names the port, and port 0 is only known once bound: start, then read it.
            app = HttpApi.create(services, "http://localhost:" + settings.port(), waitMs, settings.http(), metricsAccess).start(settings.port());
            boundPort = app.port();
            if (settings.port() == 0) {
                app.stop();
                app = HttpApi.create(services, "http://localhost:" + boundPort, waitMs, settings.http(), metricsAccess).start(boundPort);
            }
            url = "http://localhost:" + boundPort;
        } else {
            app = HttpApi.create(services, url, waitMs, settings.http(), metricsAccess).start(settings.port());
            boundPort = app.port();
        }
        out.println("Gatehouse is serving on " + url + " (" + settings.database().describe(settings.dataDir()) + ", revision "
                + core.index().revision() + ")");
        if (admin.created()) {
            out.println("System token (shown once; also kept, owner-readable only, in " + admin.file() + "):");
            out.println("  " + admin.token());
        }
        if (demo) {
            Demo.run(services, settings.dataDir(), url, out);
        }
        // Other nodes on the same database write too; a single node's follower finds nothing and costs nothing.
        Follower follower = new Follower(core);
        follower.start();
        WebhookDispatcher webhooks = new WebhookDispatcher(core, settings.webhooks(), WebhookDispatcher.Timing.standard());
        webhooks.start();
        return new Running(app, core, boundPort, follower, webhooks, settings.http().drain());
    }
}
